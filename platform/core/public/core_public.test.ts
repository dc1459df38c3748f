import { createBasePath, createHttpService, HttpFetchError } from './http';
import { orderPlugins, PluginLoadError, type BrowserPluginDescriptor } from './plugins/plugins_service';
import { parseInjectedMetadata } from './injected_metadata/injected_metadata';

function recordingFetch(reply: { status: number; body: unknown; contentType?: string }) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': reply.contentType ?? 'application/json' },
    });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('http.fetch', () => {
  it('adds kbn-xsrf, the space prefix, JSON encoding, query and version headers', async () => {
    const { calls, fetchImpl } = recordingFetch({ status: 200, body: { ok: true } });
    const http = createHttpService({ basePath: createBasePath('', 'team-a'), fetchImpl });
    await expect(http.post('/api/note', { body: { a: 1 }, query: { ids: ['x', 'y'], skip: undefined }, version: '2023-10-31' })).resolves.toEqual({ ok: true });
    expect(calls[0]?.url).toBe('/s/team-a/api/note?ids=x&ids=y');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"a":1}');
    expect(calls[0]?.init.headers).toEqual({ 'kbn-xsrf': 'kibana', 'content-type': 'application/json', 'elastic-api-version': '2023-10-31' });
    await http.get('/s/other/api/x');
    expect(calls[1]?.url).toBe('/s/other/api/x');
    await http.get('/internal/security/me', { prependBasePath: false });
    expect(calls[2]?.url).toBe('/internal/security/me');
  });

  it('rejects with the server message and calls onUnauthorized on 401', async () => {
    const { fetchImpl } = recordingFetch({ status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'session expired' } });
    const onUnauthorized = jest.fn();
    const http = createHttpService({ basePath: createBasePath('', 'default'), fetchImpl, onUnauthorized });
    const error = await http.get('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpFetchError);
    expect((error as HttpFetchError).message).toBe('session expired');
    expect((error as HttpFetchError).response?.status).toBe(401);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('base path: default space has no prefix; remove() strips it', () => {
    expect(createBasePath('', 'default').prepend('/app/x')).toBe('/app/x');
    const bp = createBasePath('', 'team-a');
    expect(bp.get()).toBe('/s/team-a');
    expect(bp.remove('/s/team-a/app/security/alerts')).toBe('/app/security/alerts');
    expect(bp.prepend('/s/team-a/app')).toBe('/s/team-a/app');
  });
});

describe('browser plugins', () => {
  const p = (id: string, requiredPlugins: string[] = [], optionalPlugins: string[] = []): BrowserPluginDescriptor => ({
    id,
    requiredPlugins,
    optionalPlugins,
    load: async () => ({ plugin: () => ({ setup: () => ({}), start: () => ({}) }) }),
  });
  it('orders by required and optional dependencies', () => {
    expect(orderPlugins([p('ours', [], ['security', 'mgmt']), p('security'), p('mgmt')]).map((x) => x.id)).toEqual(['security', 'mgmt', 'ours']);
  });
  it('fails clearly on a missing required plugin and on a cycle', () => {
    expect(() => orderPlugins([p('a', ['b'])])).toThrow(new PluginLoadError('a', 'order', 'Plugin "a" requires plugin "b", which is not enabled or has no browser bundle'));
    expect(() => orderPlugins([p('a', ['b']), p('b', ['a'])])).toThrow('Plugin dependency cycle: a -> b -> a');
  });
});

describe('injected metadata', () => {
  it('validates and names the failing key', () => {
    const ok = parseInjectedMetadata(JSON.stringify({ version: '9.1.0', basePath: '', spaceId: 'default', user: null, plugins: [], featureFlags: {} }));
    expect(ok.user).toBeNull();
    expect(() => parseInjectedMetadata(JSON.stringify({ version: '9', basePath: '', spaceId: '', user: null, plugins: [] }))).toThrow(/at \[spaceId\]/);
  });
});
