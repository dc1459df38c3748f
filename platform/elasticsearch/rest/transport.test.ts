import * as http from 'node:http';
import * as zlib from 'node:zlib';
import { startHarness, type Harness } from '../test_support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe('transport', () => {
  it('answers GET / with the product header and version info', async () => {
    const res = await h.raw('GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers['x-elastic-product']).toBe('Elasticsearch');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({
      tagline: 'You Know, for Search',
      version: { number: '9.0.0', build_flavor: 'default', lucene_version: '10.1.0', minimum_wire_compatibility_version: '8.18.0' },
    });
  });

  it('echoes compatible-with from Accept', async () => {
    const res = await h.raw('GET', '/', undefined, { accept: 'application/vnd.elasticsearch+json; compatible-with=8' });
    expect(res.headers['content-type']).toBe('application/vnd.elasticsearch+json;compatible-with=8');
  });

  it('answers unknown paths with 400 and wrong methods with 405', async () => {
    const unknown = await h.raw('GET', '/foo/_bar/baz/qux');
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toEqual({ error: 'no handler found for uri [/foo/_bar/baz/qux] and method [GET]', status: 400 });
    expect(unknown.headers['x-elastic-product']).toBe('Elasticsearch');
    const wrong = await h.raw('PATCH', '/idx/_doc/1', {});
    expect(wrong.status).toBe(405);
    expect(wrong.json()).toEqual({
      error: 'Incorrect HTTP method for uri [/idx/_doc/1] and method [PATCH], allowed: [DELETE, GET, HEAD, POST, PUT]',
      status: 405,
    });
  });

  it('rejects unsupported content types with 406', async () => {
    const res = await h.raw('PUT', '/ct', 'x=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(406);
    expect(res.json()).toEqual({ error: 'Content-Type header [application/x-www-form-urlencoded] is not supported', status: 406 });
    const ndjson = await h.raw('POST', '/_bulk', '{"index":{"_index":"ct"}}\n{"a":1}\n', { 'content-type': 'application/x-ndjson' });
    expect(ndjson.status).toBe(200);
  });

  it('accepts gzip bodies', async () => {
    const body = zlib.gzipSync(Buffer.from(JSON.stringify({ settings: { number_of_replicas: 0 } })));
    const res = await h.raw('PUT', '/gz', body, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ acknowledged: true, shards_acknowledged: true, index: 'gz' });
  });

  it('answers 413 above 100 MB without reading the body', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: h.es.port, method: 'POST', path: '/_bulk', headers: { 'content-type': 'application/json', 'content-length': String(101 * 1024 * 1024) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{');
    });
    expect(status).toBe(413);
  });

  it('validates parameters', async () => {
    const unknown = await h.raw('GET', '/_search?sizee=1');
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { type: 'illegal_argument_exception', reason: 'request [/_search] contains unrecognized parameter: [sizee] -> did you mean [size]?' },
      status: 400,
    });
    const bool = await h.raw('GET', '/_cluster/health?pretty=yes');
    expect(bool.status).toBe(400);
    expect((bool.json() as { error: { reason: string } }).error.reason).toBe('Failed to parse value [yes] as only [true] or [false] are allowed.');
  });

  it('pretty-prints and filters with filter_path', async () => {
    const pretty = await h.raw('GET', '/?pretty');
    expect(pretty.text).toContain('\n  "name"');
    const filtered = await h.raw('GET', '/?filter_path=version.number,tagline');
    expect(filtered.json()).toEqual({ version: { number: '9.0.0' }, tagline: 'You Know, for Search' });
    const wildcard = await h.raw('GET', '/?filter_path=**.lucene_version');
    expect(wildcard.json()).toEqual({ version: { lucene_version: '10.1.0' } });
    const excluded = await h.raw('GET', '/?filter_path=-version,-cluster_uuid,-name');
    expect(excluded.json()).toEqual({ cluster_name: 'embedded-elasticsearch', tagline: 'You Know, for Search' });
  });

  it('sends HEAD answers without a body', async () => {
    const res = await h.raw('HEAD', '/missing-index');
    expect(res.status).toBe(404);
    expect(res.text).toBe('');
    expect(res.headers['x-elastic-product']).toBe('Elasticsearch');
  });

  it('turns malformed JSON into x_content_parse_exception', async () => {
    const res = await h.raw('POST', '/_search', '{"query": {bad');
    expect(res.status).toBe(400);
    const body = res.json() as { error: { type: string; reason: string; root_cause: unknown[] } };
    expect(body.error.type).toBe('x_content_parse_exception');
    expect(body.error.reason).toMatch(/^\[1:\d+\] /);
    expect(body.error.root_cause).toHaveLength(1);
  });

  it('answers §11 routes with embedded_unsupported', async () => {
    for (const [method, path, feature] of [
      ['POST', '/_query', 'esql'],
      ['PUT', '/_scripts/s1', 'script'],
      ['PUT', '/_ingest/pipeline/p', 'pipeline'],
      ['POST', '/_inference/x', 'semantic'],
      ['POST', '/_reindex', 'other'],
      ['POST', '/al/_rollover', 'other'],
      ['POST', '/_search/scroll', 'other'],
      ['POST', '/idx/_pit', 'other'],
      ['GET', '/_tasks', 'other'],
      ['PUT', '/_template/legacy', 'other'],
      ['PUT', '/_data_stream/ds', 'other'],
    ] as const) {
      const res = await h.raw(method, path, {});
      expect([path, res.status]).toEqual([path, 400]);
      const body = res.json() as { error: { type: string; embedded_unsupported: string; reason: string; root_cause: Array<Record<string, unknown>> } };
      expect(body.error.type).toBe('illegal_argument_exception');
      expect(body.error.embedded_unsupported).toBe(feature);
      expect(body.error.root_cause[0].embedded_unsupported).toBe(feature);
      expect(body.error.reason).toMatch(/is not supported by the embedded Elasticsearch-compatible store; configure elasticsearch.hosts/);
    }
    const q = await h.raw('GET', '/_search?q=foo');
    expect((q.json() as { error: { embedded_unsupported: string } }).error.embedded_unsupported).toBe('other');
    const pipeline = await h.raw('PUT', '/p1/_doc/1?pipeline=x', { a: 1 });
    expect((pipeline.json() as { error: { embedded_unsupported: string } }).error.embedded_unsupported).toBe('pipeline');
    expect((await h.raw('HEAD', '/p1')).status).toBe(404);
  });

  it('reports the url in embedded-es.json', async () => {
    const fs = await import('node:fs');
    const info = JSON.parse(fs.readFileSync(`${h.dataPath}/embedded-es.json`, 'utf8')) as Record<string, unknown>;
    expect(info).toEqual({ url: h.es.url, pid: process.pid, version: '9.0.0' });
  });
});

describe('basic auth', () => {
  it('answers 401 security_exception without valid credentials', async () => {
    const { startEmbeddedElasticsearch } = await import('../index');
    const { quietLogger, tempDataPath, rawRequest } = await import('../test_support');
    const es = await startEmbeddedElasticsearch({ port: 0, dataPath: tempDataPath(), logger: quietLogger, basicAuth: { username: 'elastic', password: 'changeme' } });
    try {
      const missing = await rawRequest(es.port, 'GET', '/');
      expect(missing.status).toBe(401);
      expect(missing.headers['www-authenticate']).toBe('Basic realm="security", charset="UTF-8"');
      expect(missing.json()).toMatchObject({ error: { type: 'security_exception', reason: 'missing authentication credentials for REST request [/]' }, status: 401 });
      const wrong = await rawRequest(es.port, 'GET', '/', undefined, { authorization: `Basic ${Buffer.from('elastic:nope').toString('base64')}` });
      expect((wrong.json() as { error: { reason: string } }).error.reason).toBe('unable to authenticate user [elastic] for REST request [/]');
      const ok = await rawRequest(es.port, 'GET', '/', undefined, { authorization: `Basic ${Buffer.from('elastic:changeme').toString('base64')}` });
      expect(ok.status).toBe(200);
    } finally {
      await es.stop();
    }
  });
});
