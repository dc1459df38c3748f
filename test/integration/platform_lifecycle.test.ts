import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startPlatform } from '../../platform/core/server';
import { REPO_ROOT, startTestPlatform } from '../helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'core-lifecycle-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A plugin fixture in plain JS (no imports), written to a temp dir. */
function jsPlugin(id: string, serverJs: string): string {
  const dir = path.join(tmp, id);
  fs.mkdirSync(path.join(dir, 'server'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'kibana.jsonc'),
    JSON.stringify({ type: 'plugin', id: `@test/${id}`, owner: 'test', plugin: { id, server: true, browser: false } })
  );
  fs.writeFileSync(path.join(dir, 'server', 'index.js'), serverJs);
  return dir;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const quiet = { logSink: () => undefined };

describe('startup failures', () => {
  it('stops everything it started when a plugin throws in setup', async () => {
    const dataPath = path.join(tmp, 'thrower-data');
    const thrower = jsPlugin('thrower', "exports.plugin = () => ({ setup() { throw new Error('cannot connect to the workflow engine'); }, start() {} });");
    await expect(
      startPlatform({
        repoRoot: REPO_ROOT,
        configFile: null,
        plugins: ['thrower'],
        extraPluginDirs: [thrower],
        configOverrides: { 'server.port': 0, 'elasticsearch.embedded.port': 0, 'path.data': dataPath, 'security.bootstrapPassword': 'pw-123456' },
        ...quiet,
      })
    ).rejects.toThrow('Plugin "thrower" failed during setup: cannot connect to the workflow engine');
    // The embedded engine released its data dir: a second boot on it works.
    const again = await startTestPlatform({ dataPath });
    expect((await again.get('/api/status', { auth: false })).status).toBe(200);
    await again.stop();
  }, 60_000);

  it('keeps settings of installed plugins that are not loaded, but still rejects unknown ones', async () => {
    const loadedPlugin = jsPlugin('loadedOne', 'exports.plugin = () => ({ setup() {}, start() {} });');
    const idle = jsPlugin('idleOne', 'exports.plugin = () => ({ setup() {}, start() {} });');
    const boot = (config: Record<string, unknown>) =>
      startPlatform({
        repoRoot: REPO_ROOT,
        configFile: null,
        plugins: ['loadedOne'],
        extraPluginDirs: [loadedPlugin, idle],
        configOverrides: { 'server.port': 0, 'elasticsearch.embedded.port': 0, 'path.data': path.join(tmp, 'idle-data'), 'security.bootstrapPassword': 'pw-123456', ...config },
        ...quiet,
      });
    const platform = await boot({ 'idle_one.anything': true });
    expect(platform.pluginIds).toEqual(['loadedOne']);
    await platform.stop();
    await expect(boot({ 'loaded_one.anything': true })).rejects.toThrow('[loaded_one]: plugin loadedOne has no settings');
  }, 60_000);

  it('rejects bad settings before starting anything', async () => {
    await expect(startTestPlatform({ config: { 'server.prot': 1, 'elasticsearch.hosts': 'not a url' } })).rejects.toThrow(
      /Invalid configuration:\n {2}\[server\.prot\]: unknown setting\n {2}\[elasticsearch\.hosts\]: /
    );
  });

  it('refuses a port already in use with a message naming the setting', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(startTestPlatform({ config: { 'server.port': port } })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('npm start exits non-zero with the key path on bad config', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', '--server.port=abc'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[server.port]: Invalid input: expected number, received string');
  }, 60_000);
});

describe('readiness and side-by-side instances', () => {
  it('answers 503 on /api/status until plugins have started', async () => {
    const port = await freePort();
    const gate = { open: () => undefined as void };
    (globalThis as Record<string, unknown>).__coreGate = new Promise<void>((resolve) => {
      gate.open = resolve;
    });
    const slow = jsPlugin('slowStarter', 'exports.plugin = () => ({ setup() {}, async start() { await globalThis.__coreGate; } });');
    const starting = startTestPlatform({ pluginDirs: [slow], config: { 'server.port': port } });
    let status = 0;
    let body: { status?: { overall?: { level?: string } } } = {};
    for (let i = 0; i < 200 && status !== 503; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/status`);
        status = res.status;
        body = (await res.json()) as typeof body;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    expect(status).toBe(503);
    expect(body.status?.overall?.level).toBe('unavailable');
    const other = await fetch(`http://127.0.0.1:${port}/api/spaces/space`);
    expect(other.status).toBe(503);
    expect(await other.json()).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'Kibana server is not ready yet' });
    gate.open();
    const kbn = await starting;
    expect((await kbn.get('/api/status', { auth: false })).status).toBe(200);
    await kbn.stop();
  }, 60_000);

  it('runs two instances side by side and keeps a generated elastic password across restarts', async () => {
    const dataA = path.join(tmp, 'a');
    const [a, b] = await Promise.all([
      startTestPlatform({ dataPath: dataA, config: { 'security.bootstrapPassword': undefined } }),
      startTestPlatform(),
    ]);
    expect(a.url).not.toBe(b.url);
    expect(a.esUrl).not.toBe(b.esUrl);
    expect(a.platform.elasticPassword.source).toBe('generated');
    const generated = a.platform.elasticPassword.password ?? '';
    expect((await a.get('/internal/security/me')).status).toBe(200);
    expect((await b.get('/internal/security/me')).status).toBe(200);
    await Promise.all([a.stop(), b.stop()]);

    const restarted = await startTestPlatform({ dataPath: dataA, config: { 'security.bootstrapPassword': undefined } });
    expect(restarted.platform.elasticPassword.source).toBe('stored');
    expect(restarted.platform.elasticPassword.password).toBeUndefined();
    const me = await restarted.get<{ username: string }>('/internal/security/me', { auth: { username: 'elastic', password: generated } });
    expect(me.body.username).toBe('elastic');
    await restarted.stop();
  }, 90_000);
});

describe('a configured Elasticsearch (elasticsearch.hosts)', () => {
  it('uses the given cluster, forwards whitelisted headers for asCurrentUser only, and leaves the cluster running on stop', async () => {
    const { startEmbeddedElasticsearch } = await import('../../platform/elasticsearch');
    const http = await import('node:http');
    const cluster = await startEmbeddedElasticsearch({ port: 0, dataPath: path.join(tmp, 'external-es'), logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    // A recording proxy in front of the cluster shows what reaches it.
    const seen: Array<{ url: string; authorization?: string }> = [];
    const target = new URL(cluster.url);
    const proxy = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        }
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    try {
      const kbn = await startTestPlatform({
        pluginDirs: [path.join(__dirname, 'fixtures', 'plugins', 'core_test')],
        config: { 'elasticsearch.hosts': proxyUrl, 'elasticsearch.requestHeadersWhitelist': ['authorization'] },
      });
      expect(kbn.esUrl).toBe(proxyUrl);
      expect(seen.every((r) => r.authorization === undefined)).toBe(true);
      const res = await kbn.get<{ cluster: string }>('/api/core_test/es');
      expect(res.status).toBe(200);
      expect(seen[seen.length - 1].authorization).toBe(`Basic ${Buffer.from(`elastic:${kbn.password}`).toString('base64')}`);
      await kbn.stop();
      const stillUp = await fetch(`${cluster.url}/`);
      expect(stillUp.status).toBe(200);
    } finally {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await cluster.stop();
    }
  }, 60_000);
});
