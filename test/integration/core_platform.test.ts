import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestPlatform } from '../helpers';
import type { TestPlatform } from '../helpers';

const FIXTURE = path.join(__dirname, 'fixtures', 'plugins', 'core_test');
const bundlesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-bundles-'));
fs.writeFileSync(path.join(bundlesDir, 'bundle-manifest.json'), JSON.stringify({ entry: 'bootstrap.js', plugins: [], css: ['theme.css'] }));
fs.writeFileSync(path.join(bundlesDir, 'bootstrap.js'), 'console.log("boot");\n');
fs.writeFileSync(path.join(bundlesDir, 'chunk-ABCDEF12.js'), 'export const x = 1;\n');

const reader = { username: 'reader', password: 'reader-password' };
const writer = { username: 'writer', password: 'writer-password' };
const viewer = { username: 'watcher', password: 'watcher-password' };
const nobody = { username: 'nobody', password: 'nobody-password' };

let kbn: TestPlatform;

beforeAll(async () => {
  kbn = await startTestPlatform({
    pluginDirs: [FIXTURE],
    bundlesDir,
    config: {
      'server.maxPayload': 2048,
      'feature_flags.overrides': { 'coreTest.someFlag': true },
      xpack: { coreTest: { greeting: 'hi there' } },
      spaces: [{ id: 'sec', name: 'Security' }],
      security: {
        users: [
          { ...reader, roles: ['core_reader'] },
          { ...writer, roles: ['core_writer'] },
          { ...viewer, roles: ['viewer'] },
          { ...nobody, roles: [] },
        ],
        roles: {
          core_reader: { kibana: [{ spaces: ['*'], feature: { coreTest: ['read'] } }] },
          core_writer: { kibana: [{ spaces: ['sec'], feature: { coreTest: ['all'] } }] },
        },
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await kbn?.stop();
  fs.rmSync(bundlesDir, { recursive: true, force: true });
});

describe('status and lifecycle', () => {
  it('reports available without credentials', async () => {
    const res = await kbn.get<{ status: { overall: { level: string }; plugins: Record<string, { level: string }> } }>('/api/status', {
      auth: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.status.overall.level).toBe('available');
    expect(res.body.status.plugins.coreTest.level).toBe('available');
  });

  it('ran setup and start with a child logger and the plugin config', () => {
    const own = kbn.logs.filter((r) => r.logger === 'plugins.coreTest').map((r) => [r.message, r.meta]);
    expect(own).toEqual([
      ['setup', { optionalPlugins: '' }],
      ['start', { features: 'coreTest' }],
    ]);
  });

  it('gives plugins the global settings they may read', async () => {
    expect((await kbn.get('/api/core_test/global')).body).toEqual({
      elasticsearch: { requestTimeout: 30000 },
      path: { data: kbn.dataPath },
      sampleData: { enabled: false },
    });
  });

  it('talks to the embedded Elasticsearch through the request context', async () => {
    const res = await kbn.get<{ version: string }>('/api/core_test/es');
    expect(res.status).toBe(200);
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('authentication and authorization', () => {
  it('401s without or with bad credentials', async () => {
    const none = await kbn.get('/api/core_test/items/abc', { auth: false });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
    expect(none.headers.get('www-authenticate')).toContain('Basic');
    const fromApp = await kbn.get('/api/core_test/items/abc', { auth: false, headers: { 'kbn-xsrf': 'kibana' } });
    expect(fromApp.status).toBe(401);
    expect(fromApp.headers.get('www-authenticate')).toBeNull();
    const bad = await kbn.get('/api/core_test/items/abc', { auth: { username: 'elastic', password: 'wrong-password' } });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'unable to authenticate user [elastic]' });
    const unknown = await kbn.get('/api/core_test/items/abc', { auth: { username: 'ghost', password: 'whatever' } });
    expect(unknown.status).toBe(401);
  });

  it('checks feature privileges per route and space', async () => {
    const cases: Array<[string, { username: string; password: string } | undefined, string | undefined, 'get' | 'post', number]> = [
      ['superuser reads', undefined, undefined, 'get', 200],
      ['superuser writes', undefined, undefined, 'post', 200],
      ['reader reads', reader, undefined, 'get', 200],
      ['reader reads in sec', reader, 'sec', 'get', 200],
      ['reader cannot write', reader, undefined, 'post', 403],
      ['writer writes in sec', writer, 'sec', 'post', 200],
      ['writer reads in sec (all includes read)', writer, 'sec', 'get', 200],
      ['writer has nothing in default', writer, undefined, 'get', 403],
      ['viewer reads', viewer, undefined, 'get', 200],
      ['viewer cannot write', viewer, undefined, 'post', 403],
      ['no roles', nobody, undefined, 'get', 403],
    ];
    for (const [name, user, space, method, expected] of cases) {
      const res =
        method === 'get'
          ? await kbn.get('/api/core_test/items/abc', { auth: user, space })
          : await kbn.post('/api/core_test/items', { name: 'n' }, { auth: user, space });
      expect({ name, status: res.status }).toEqual({ name, status: expected });
    }
  });

  it('names the missing privilege in the 403', async () => {
    const res = await kbn.post('/api/core_test/items', { name: 'n' }, { auth: reader });
    expect(res.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'API [POST /api/core_test/items] is unauthorized for user, this action is granted by the Kibana privileges [coreTest-all]',
    });
  });

  it('logs in with a session cookie, serves /me, logs out', async () => {
    const login = await kbn.post<{ username: string }>('/internal/security/login', reader, { auth: false });
    expect(login.status).toBe(200);
    expect(login.body.username).toBe('reader');
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^sid=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    const cookie = setCookie.split(';')[0];
    const me = await kbn.get<{ username: string; roles: string[]; privileges: { api: string[]; features: object } }>('/internal/security/me', {
      auth: false,
      headers: { cookie },
    });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('reader');
    expect(me.body.roles).toEqual(['core_reader']);
    expect(me.body.privileges.features).toEqual({ coreTest: ['read'] });
    expect(me.body.privileges.api).toEqual(['coreTest-read']);
    const write = await kbn.post('/api/core_test/items', { name: 'x' }, { auth: false, headers: { cookie } });
    expect(write.status).toBe(403);
    const logout = await kbn.post('/internal/security/logout', undefined, { auth: false, headers: { cookie } });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await kbn.get('/internal/security/me', { auth: false, headers: { cookie } });
    expect(after.status).toBe(401);
  });

  it('rejects a wrong password at login', async () => {
    const res = await kbn.post('/internal/security/login', { username: 'reader', password: 'nope-nope' }, { auth: false });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('lists the spaces a user may enter', async () => {
    expect((await kbn.get('/api/spaces/space')).body).toEqual([
      { id: 'default', name: 'Default', description: 'This is your default space!' },
      { id: 'sec', name: 'Security' },
    ]);
    expect((await kbn.get<Array<{ id: string }>>('/api/spaces/space', { auth: writer })).body.map((s) => s.id)).toEqual(['sec']);
  });
});

describe('request handling', () => {
  it('validates params, query and body with the failing path in the message', async () => {
    const params = await kbn.get('/api/core_test/items/ABC');
    expect(params.status).toBe(400);
    expect(params.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect((params.body as { message: string }).message).toMatch(/^\[request params\.id\]: /);
    const query = await kbn.get<{ message: string }>('/api/core_test/items/abc?verbose=maybe');
    expect(query.body.message).toMatch(/^\[request query\.verbose\]: /);
    const body = await kbn.post<{ message: string }>('/api/core_test/items', { name: 'x', tags: ['a', 3] });
    expect(body.status).toBe(400);
    expect(body.body.message).toMatch(/^\[request body\.tags\[1\]\]: Invalid input: expected string, received number/);
    const ok = await kbn.get('/api/core_test/items/abc?verbose=true');
    expect(ok.body).toEqual({ id: 'abc', verbose: true, spaceId: 'default', user: 'elastic', greeting: 'hi there' });
  });

  it('requires kbn-xsrf on non-GET requests', async () => {
    const res = await kbn.post('/api/core_test/items', { name: 'x' }, { xsrf: false });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Request must contain a kbn-xsrf header.' });
    const withVersion = await kbn.post('/api/core_test/items', { name: 'x' }, { xsrf: false, headers: { 'kbn-version': '9.0.0' } });
    expect(withVersion.status).toBe(200);
  });

  it('rejects invalid JSON and bodies over the limits', async () => {
    const bad = await kbn.request('POST', '/api/core_test/items', { body: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Invalid request payload JSON format' });
    const routeLimit = await kbn.post('/api/core_test/small', { text: 'x'.repeat(100) });
    expect(routeLimit.status).toBe(413);
    expect(routeLimit.body).toEqual({
      statusCode: 413,
      error: 'Request Entity Too Large',
      message: 'Payload content length greater than maximum allowed: 64',
    });
    const serverLimit = await kbn.post('/api/core_test/items', { name: 'x'.repeat(4000) });
    expect(serverLimit.status).toBe(413);
    expect((await kbn.post('/api/core_test/small', { t: 1 })).body).toEqual({ received: { t: 1 } });
  });

  it('turns handler errors into a 500 without leaking them, and passes error attributes', async () => {
    const res = await kbn.get('/api/core_test/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'An internal server error occurred.' });
    expect(kbn.logs.some((r) => r.level === 'error' && r.message.includes('deliberate failure'))).toBe(true);
    const conflict = await kbn.get('/api/core_test/conflict');
    expect(conflict.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'Version conflict', attributes: { id: 'a1' } });
  });

  it('signals aborted$ only when the client goes away', async () => {
    expect((await kbn.post('/api/core_test/wait', { ms: 150, tag: 'normal' })).body).toEqual({ outcome: 'completed' });
    const controller = new AbortController();
    const pending = fetch(`${kbn.url}/api/core_test/wait`, {
      method: 'POST',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        'kbn-xsrf': 'true',
        authorization: `Basic ${Buffer.from(`elastic:${kbn.password}`).toString('base64')}`,
      },
      body: JSON.stringify({ ms: 10_000, tag: 'gone' }),
    }).catch((error: Error) => error.name);
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    expect(await pending).toBe('AbortError');
    let log: string[] = [];
    for (let i = 0; i < 50 && !log.includes('gone:aborted'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      log = (await kbn.get<string[]>('/api/core_test/wait_log')).body;
    }
    expect(log).toEqual(['normal:completed', 'gone:aborted']);
  });

  it('streams a response body (server-sent events)', async () => {
    const res = await kbn.get<string>('/api/core_test/stream');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.body).toBe('data: {"n":1}\n\ndata: {"n":2}\n\ndata: {"n":3}\n\n');
  });

  it('answers unknown routes with a Kibana 404 body', async () => {
    const res = await kbn.get('/api/nothing/here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
  });
});

describe('versioned routes', () => {
  it('defaults public routes to the oldest version and honours the header', async () => {
    const oldest = await kbn.get('/api/core_test/versioned');
    expect(oldest.body).toEqual({ v: 'old' });
    expect(oldest.headers.get('elastic-api-version')).toBe('2023-10-31');
    const newer = await kbn.get('/api/core_test/versioned?n=4', { headers: { 'elastic-api-version': '2024-05-01' } });
    expect(newer.body).toEqual({ v: 'new', n: 4 });
    const badQuery = await kbn.get<{ message: string }>('/api/core_test/versioned?n=x', { headers: { 'elastic-api-version': '2024-05-01' } });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.message).toMatch(/^\[request query\.n\]: /);
  });

  it('400s for an unknown version, and for internal routes without one', async () => {
    const unknown = await kbn.get('/api/core_test/versioned', { headers: { 'elastic-api-version': '1999-01-01' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'No version "1999-01-01" available for [get] [/api/core_test/versioned]. Available versions are: 2023-10-31,2024-05-01',
    });
    const missing = await kbn.post('/internal/core_test/versioned', { x: 2 });
    expect(missing.status).toBe(400);
    expect((missing.body as { message: string }).message).toBe('Please specify a version via elastic-api-version header. Available versions: 1');
    const ok = await kbn.post('/internal/core_test/versioned', { x: 2 }, { headers: { 'elastic-api-version': '1' } });
    expect(ok.body).toEqual({ doubled: 4 });
    const forbidden = await kbn.post('/internal/core_test/versioned', { x: 2 }, { auth: reader, headers: { 'elastic-api-version': '1' } });
    expect(forbidden.status).toBe(403);
  });
});

describe('spaces', () => {
  it('resolves the space from the /s/<id> prefix and 404s unknown spaces', async () => {
    expect((await kbn.get<{ spaceId: string }>('/api/core_test/items/abc', { space: 'sec' })).body.spaceId).toBe('sec');
    const unknown = await kbn.get('/api/core_test/items/abc', { space: 'nope' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Space [nope] not found' });
  });
});

describe('feature flags', () => {
  it('reads overrides from config, else the default', async () => {
    expect((await kbn.get('/api/core_test/flags')).body).toEqual({ on: true, defaultTrue: true });
  });
});

describe('page shell and bundles', () => {
  function metadataOf(html: string) {
    const match = /<script id="kbn-injected-metadata" type="application\/json">(.*?)<\/script>/s.exec(html);
    if (!match) throw new Error('no injected metadata');
    return JSON.parse(match[1]) as { spaceId: string; user: { username: string } | null; plugins: unknown[]; featureFlags: unknown };
  }

  it('serves the shell to anonymous visitors with user null', async () => {
    const res = await kbn.get<string>('/app/security/alerts', { auth: false });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.body).toContain('<div id="kibana-body"></div>');
    expect(res.body).toContain('<script type="module" src="/bundles/bootstrap.js"></script>');
    expect(res.body).toContain('<link rel="stylesheet" href="/bundles/theme.css">');
    const metadata = metadataOf(res.body);
    expect(metadata.user).toBeNull();
    expect(metadata.spaceId).toBe('default');
    expect(metadata.plugins).toEqual([{ id: 'coreTest', config: { greeting: 'hi there' } }]);
    expect(metadata.featureFlags).toEqual({ 'coreTest.someFlag': true });
  });

  it('puts the user and the space into the shell', async () => {
    const metadata = metadataOf((await kbn.get<string>('/s/sec/app/security')).body);
    expect(metadata.user?.username).toBe('elastic');
    expect(metadata.spaceId).toBe('sec');
    expect((await kbn.get('/login', { auth: false })).status).toBe(200);
  });

  it('serves bundles with revalidation for entries and long caching for hashed chunks', async () => {
    const entry = await kbn.get<string>('/bundles/bootstrap.js', { auth: false });
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    expect(entry.body).toBe('console.log("boot");\n');
    const etag = entry.headers.get('etag') ?? '';
    expect((await kbn.get('/bundles/bootstrap.js', { auth: false, headers: { 'if-none-match': etag } })).status).toBe(304);
    const chunk = await kbn.get('/bundles/chunk-ABCDEF12.js', { auth: false });
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await kbn.get('/bundles/missing.js', { auth: false })).status).toBe(404);
    expect((await kbn.get('/bundles/..%2f..%2fpackage.json', { auth: false })).status).toBe(404);
  });
});
