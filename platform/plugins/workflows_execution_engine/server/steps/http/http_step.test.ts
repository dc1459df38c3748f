import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRequestError, StepError } from '../errors';
import { runStep } from '../test_support/step_context';
import { createHttpStepDefinition } from './http_step';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface TestServer {
  origin: string;
  port: number;
  seen: Seen[];
  close(): Promise<void>;
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const route = routes[(req.url ?? '').split('?')[0]];
      if (route) route(req, res, body);
      else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'no such route', path: req.url }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Route => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(value));
};

const redirect = (status: number, location: () => string): Route => (_req, res) => {
  res.writeHead(status, { location: location() });
  res.end();
};

let server: TestServer;
let other: TestServer;

beforeAll(async () => {
  other = await startServer({ '/landing': json(200, { landed: true }) });
  server = await startServer({
    '/json': json(200, { hello: 'world' }, { 'x-custom': 'yes' }),
    '/text': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('plain text');
    },
    '/echo': (req, res, body) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, contentType: req.headers['content-type'] ?? null, body }));
    },
    '/bad-json': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{not json');
    },
    '/missing': json(404, { message: 'gone' }),
    '/redirect-same': redirect(302, () => '/json'),
    '/redirect-post': redirect(303, () => '/echo'),
    '/redirect-other': redirect(302, () => `${other.origin}/landing`),
    '/redirect-blocked': redirect(302, () => `http://localhost:${other.port}/landing`),
    '/loop': redirect(307, () => '/loop'),
    '/hang': () => undefined,
    '/slow': (_req, res) => {
      setTimeout(() => json(200, { slow: true })(_req, res, ''), 200);
    },
  });
});

afterAll(async () => {
  await server.close();
  await other.close();
});

beforeEach(() => {
  server.seen.length = 0;
  other.seen.length = 0;
});

const allowAll = createHttpStepDefinition({ allowedHosts: ['*'] });

describe('http step', () => {
  it('GETs JSON: parsed data, status, lower-case headers; method defaults to GET', async () => {
    const result = await runStep(allowAll, { with: { url: `${server.origin}/json` } });
    expect(result.error).toBeUndefined();
    expect(result.output).toMatchObject({
      status: 200,
      statusText: 'OK',
      data: { hello: 'world' },
      headers: { 'x-custom': 'yes', 'content-type': 'application/json; charset=utf-8' },
    });
    expect(server.seen[0].method).toBe('GET');
  });

  it('returns text for non-JSON answers and for JSON-labelled text that does not parse', async () => {
    expect((await runStep(allowAll, { with: { url: `${server.origin}/text` } })).output).toMatchObject({ data: 'plain text' });
    expect((await runStep(allowAll, { with: { url: `${server.origin}/bad-json` } })).output).toMatchObject({ data: '{not json' });
  });

  it('sends an object body as JSON and a string body as is; sends headers; accepts a lower-case method', async () => {
    const asJson = await runStep(allowAll, {
      with: { url: `${server.origin}/echo`, method: 'post', body: { a: 1 }, headers: { 'x-trace': 7 } },
    });
    expect(asJson.output).toMatchObject({ status: 201, data: { method: 'POST', contentType: 'application/json', body: '{"a":1}' } });
    expect(server.seen[0].headers['x-trace']).toBe('7');
    const asText = await runStep(allowAll, {
      with: { url: `${server.origin}/echo`, method: 'PUT', body: 'raw=1', headers: { 'content-type': 'text/plain' } },
    });
    expect(asText.output).toMatchObject({ data: { method: 'PUT', contentType: 'text/plain', body: 'raw=1' } });
  });

  it('fails a 404 with HttpRequestError carrying status, statusText, headers and data', async () => {
    const result = await runStep(allowAll, { with: { url: `${server.origin}/missing` } });
    expect(result.error).toBeInstanceOf(HttpRequestError);
    expect(result.error?.name).toBe('HttpRequestError');
    expect((result.error as HttpRequestError).details).toEqual({
      status: 404,
      statusText: 'Not Found',
      headers: expect.objectContaining({ 'content-type': 'application/json; charset=utf-8' }),
      data: { message: 'gone' },
    });
  });

  it('blocks a host outside the allow-list before sending anything', async () => {
    const step = createHttpStepDefinition({ allowedHosts: ['api.example.com', '*.example.org'] });
    const result = await runStep(step, { with: { url: `${server.origin}/json` } });
    expect(result.error?.name).toBe('HttpHostNotAllowedError');
    expect((result.error as StepError).details).toMatchObject({ host: '127.0.0.1' });
    expect(server.seen).toHaveLength(0);
  });

  it('follows redirects on an allowed host', async () => {
    const step = createHttpStepDefinition({ allowedHosts: ['127.0.0.1'] });
    const result = await runStep(step, { with: { url: `${server.origin}/redirect-same` } });
    expect(result.output).toMatchObject({ status: 200, data: { hello: 'world' } });
    expect(server.seen.map((s) => s.url)).toEqual(['/redirect-same', '/json']);
  });

  it('fails with HttpHostNotAllowedError when a redirect leads to a blocked host, without calling it', async () => {
    const step = createHttpStepDefinition({ allowedHosts: ['127.0.0.1'] });
    const result = await runStep(step, { with: { url: `${server.origin}/redirect-blocked` } });
    expect(result.error?.name).toBe('HttpHostNotAllowedError');
    expect(result.error?.message).toContain('"localhost"');
    expect(other.seen).toHaveLength(0);
  });

  it('turns a 303 after POST into a GET without body', async () => {
    const result = await runStep(allowAll, { with: { url: `${server.origin}/redirect-post`, method: 'POST', body: { a: 1 } } });
    expect(result.output).toMatchObject({ data: { method: 'GET', contentType: null, body: '' } });
  });

  it('drops credentials when a redirect changes origin', async () => {
    const result = await runStep(allowAll, {
      with: { url: `${server.origin}/redirect-other`, headers: { authorization: 'Bearer secret', accept: 'application/json' } },
    });
    expect(result.output).toMatchObject({ data: { landed: true } });
    expect(server.seen[0].headers.authorization).toBe('Bearer secret');
    expect(other.seen[0].headers.authorization).toBeUndefined();
    expect(other.seen[0].headers.accept).toBe('application/json');
  });

  it('stops after 5 redirects', async () => {
    const result = await runStep(allowAll, { with: { url: `${server.origin}/loop` } });
    expect(result.error?.name).toBe('HttpTooManyRedirectsError');
    expect(server.seen).toHaveLength(6);
  });

  it('fails with HttpRequestCancelledError when the run aborts', async () => {
    const controller = new AbortController();
    const pending = runStep(allowAll, { with: { url: `${server.origin}/hang` }, abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    expect(result.error?.name).toBe('HttpRequestCancelledError');
  });

  it('applies the legacy with.timeout, unless a step timeout is configured', async () => {
    const timedOut = await runStep(allowAll, { with: { url: `${server.origin}/slow`, timeout: '50ms' } });
    expect(timedOut.error?.name).toBe('TimeoutError');
    const overridden = await runStep(allowAll, { with: { url: `${server.origin}/slow`, timeout: '50ms' }, config: { timeout: '1m' } });
    expect(overridden.output).toMatchObject({ data: { slow: true } });
  });

  it('reports a refused connection by its error code', async () => {
    const closed = await startServer({});
    await closed.close();
    const result = await runStep(allowAll, { with: { url: `${closed.origin}/x` } });
    expect(result.error?.name).toBe('ECONNREFUSED');
    expect((result.error as StepError).type).toBe('ECONNREFUSED');
    expect(result.error?.message).toContain('ECONNREFUSED');
  });

  it('rejects non-http URLs and invalid methods', async () => {
    expect((await runStep(allowAll, { with: { url: 'file:///etc/passwd' } })).error?.name).toBe('InvalidUrlError');
    expect((await runStep(allowAll, { with: { url: 'not a url' } })).error?.name).toBe('InvalidUrlError');
    expect(() => allowAll.inputSchema.parse({ url: 'http://x', method: 'TRACE' })).toThrow();
  });
});
