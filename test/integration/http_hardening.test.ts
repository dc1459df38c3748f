import http from 'node:http';
import { startTestPlatform } from '../helpers';
import type { TestPlatform } from '../helpers';

/** Sends exactly the bytes of the path (fetch would normalise escapes and dot segments). */
function rawRequest(baseUrl: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const url = new URL(baseUrl);
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text === '' ? undefined : (JSON.parse(text) as unknown) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

let kbn: TestPlatform;

beforeAll(async () => {
  kbn = await startTestPlatform();
}, 60_000);

afterAll(async () => {
  await kbn?.stop();
});

describe('hostile URLs and bodies', () => {
  it('answers a malformed space escape with 404 and keeps serving', async () => {
    const res = await rawRequest(kbn.url, 'GET', '/s/%E0/api/status');
    expect(res).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Space [%E0] not found' } });
    expect((await kbn.get('/api/status', { auth: false })).status).toBe(200);
  });

  it('answers escapes fastify cannot decode and over-long params in the Kibana error shape', async () => {
    const badEscape = await rawRequest(kbn.url, 'GET', '/api/spaces/space/%E0', { authorization: basic(kbn) });
    expect(badEscape).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: "'/api/spaces/space/%E0' is not a valid url component" },
    });
    const longParam = await rawRequest(kbn.url, 'GET', `/api/spaces/space/${'a'.repeat(500)}`, { authorization: basic(kbn) });
    expect(longParam.status).toBe(414);
    expect(Object.keys(longParam.body as object).sort()).toEqual(['error', 'message', 'statusCode']);
    expect(longParam.body).toMatchObject({ statusCode: 414, error: 'Request-URI Too Large' });
  });

  it.each([
    ['a __proto__ key', '{"username":"elastic","password":"x","__proto__":{"isAdmin":true}}'],
    ['a nested, escaped __proto__ key', '{"username":"elastic","password":"x","a":[{"\\u005f_proto__":{"x":1}}]}'],
    ['constructor.prototype', '{"username":"elastic","password":"x","constructor":{"prototype":{"x":1}}}'],
  ])('rejects a JSON body with %s as Kibana does', async (_name, body) => {
    const res = await rawRequest(kbn.url, 'POST', '/internal/security/login', { 'content-type': 'application/json', 'kbn-xsrf': 'x' }, body);
    expect(res).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Invalid request payload JSON format' } });
  });

  it('still accepts bodies that merely mention the words', async () => {
    const body = JSON.stringify({ username: 'elastic', password: '__proto__ constructor \\u00e9 é' });
    const res = await rawRequest(kbn.url, 'POST', '/internal/security/login', { 'content-type': 'application/json', 'kbn-xsrf': 'x' }, body);
    expect(res.status).toBe(401);
  });
});

function basic(platform: TestPlatform) {
  return `Basic ${Buffer.from(`${platform.username}:${platform.password}`).toString('base64')}`;
}
