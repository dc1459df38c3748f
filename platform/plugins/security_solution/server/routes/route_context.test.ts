import { errors } from '@elastic/elasticsearch';
import { kibanaResponseFactory } from '../../../../core/server';
import { NoteNotFoundError } from '../notes';
import { errorResponse } from './route_context';

const esError = (statusCode: number, reason: string) =>
  new errors.ResponseError({
    body: { error: { type: 'x_exception', reason }, status: statusCode },
    statusCode,
    headers: {},
    warnings: null,
    meta: {} as never,
  });

describe('errorResponse', () => {
  it('answers the client\'s mistakes with their 4xx in the Kibana shape', () => {
    expect(errorResponse(esError(400, 'Unknown aggregation type [nope]'), kibanaResponseFactory)).toMatchObject({
      status: 400,
      payload: { statusCode: 400, error: 'Bad Request', message: 'Unknown aggregation type [nope]' },
    });
    expect(errorResponse(new NoteNotFoundError('Note n not found in space default'), kibanaResponseFactory)).toMatchObject({
      status: 404,
      payload: { statusCode: 404, message: 'Note n not found in space default' },
    });
  });

  it('rethrows server faults (ES 5xx, bugs) so the HTTP layer logs them and hides their message', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'hits')");
    expect(() => errorResponse(bug, kibanaResponseFactory)).toThrow(bug);
    const unavailable = esError(503, 'all shards failed');
    expect(() => errorResponse(unavailable, kibanaResponseFactory)).toThrow(unavailable);
  });
});
