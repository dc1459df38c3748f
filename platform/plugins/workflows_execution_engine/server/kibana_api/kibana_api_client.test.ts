import type { InProcessRequest } from '../../../../core/server';
import { createKibanaApiClient, KibanaApiError } from './kibana_api_client';

describe('createKibanaApiClient', () => {
  it('sends the path as written with the query, kbn-xsrf and JSON content type, as the execution user', async () => {
    const seen: InProcessRequest[] = [];
    const call = createKibanaApiClient({
      user: null,
      inject: async (request) => {
        seen.push(request);
        return { statusCode: 200, headers: {}, body: { ok: true } };
      },
    });
    await expect(call({ method: 'PATCH', path: '/s/blue/api/note', query: { a: 1, b: undefined, c: true }, body: { x: 1 }, headers: { 'x-extra': 'y' } })).resolves.toEqual({ ok: true });
    expect(seen[0]).toEqual({
      method: 'PATCH',
      path: '/s/blue/api/note?a=1&c=true',
      headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json', 'x-extra': 'y' },
      body: { x: 1 },
      user: null,
    });
    await call({ path: '/api/x?q=1', query: { r: 2 } });
    expect(seen[1]).toMatchObject({ method: 'GET', path: '/api/x?q=1&r=2' });
  });

  it('throws KibanaApiError with {statusCode, body} for status >= 400', async () => {
    const call = createKibanaApiClient({
      user: null,
      inject: async () => ({ statusCode: 403, headers: {}, body: { statusCode: 403, error: 'Forbidden', message: 'API [POST /api/x] is unauthorized' } }),
    });
    const error = await call({ method: 'POST', path: '/api/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KibanaApiError);
    expect(error).toMatchObject({
      type: 'KibanaApiError',
      message: 'Kibana API POST /api/x failed with status 403: API [POST /api/x] is unauthorized',
      details: { statusCode: 403, body: { statusCode: 403, error: 'Forbidden', message: 'API [POST /api/x] is unauthorized' } },
    });
  });
});
