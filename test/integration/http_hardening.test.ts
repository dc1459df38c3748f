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
});
