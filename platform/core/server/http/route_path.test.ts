import { splitSpacePrefix, toFastifyPath } from './route_path';
import { errorBody, kibanaResponseFactory } from './kibana_response';

describe('route paths', () => {
  it('converts Kibana path params to fastify', () => {
    expect(toFastifyPath('/api/x/{id}/y/{sub?}')).toEqual({ url: '/api/x/:id/y/:sub?' });
    expect(toFastifyPath('/bundles/{path*}')).toEqual({ url: '/bundles/*', wildcardParam: 'path' });
  });

  it('splits the space prefix', () => {
    expect(splitSpacePrefix('/s/soc/api/x?y=1')).toEqual({ spaceId: 'soc', rest: '/api/x?y=1' });
    expect(splitSpacePrefix('/s/soc')).toEqual({ spaceId: 'soc', rest: '/' });
    expect(splitSpacePrefix('/s/soc?x=1')).toEqual({ spaceId: 'soc', rest: '/?x=1' });
    expect(splitSpacePrefix('/api/s/x')).toBeUndefined();
    expect(splitSpacePrefix('/spaces')).toBeUndefined();
  });

  it('keeps a malformed escape in the space id instead of throwing', () => {
    expect(splitSpacePrefix('/s/%E0/api/status')).toEqual({ spaceId: '%E0', rest: '/api/status' });
    expect(splitSpacePrefix('/s/my%2Dspace/x')).toEqual({ spaceId: 'my-space', rest: '/x' });
  });
});

describe('responses', () => {
  it('builds Kibana error bodies', () => {
    expect(errorBody(404)).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
    expect(errorBody(400, new Error('bad'))).toEqual({ statusCode: 400, error: 'Bad Request', message: 'bad' });
    expect(kibanaResponseFactory.customError({ statusCode: 418, body: 'teapot' }).payload).toEqual({
      statusCode: 418,
      error: 'Bad Request',
      message: 'teapot',
    });
    expect(() => kibanaResponseFactory.customError({ statusCode: 200 })).toThrow(/error status code/);
  });
});
