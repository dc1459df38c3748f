import fc from 'fast-check';
import { startHarness, type Harness } from '../test_support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.raw('PUT', '/fz', { mappings: { properties: { k: { type: 'keyword' }, n: { type: 'long' }, d: { type: 'date' } } } });
});
afterAll(() => h.stop());

const paths = [
  '/fz',
  '/fz/_doc/1',
  '/fz/_doc',
  '/fz/_update/1',
  '/fz/_create/2',
  '/_bulk',
  '/fz/_bulk',
  '/_mget',
  '/fz/_search',
  '/fz/_count',
  '/_msearch',
  '/fz/_update_by_query',
  '/fz/_delete_by_query',
  '/_aliases',
  '/fz/_alias/a1',
  '/_index_template/t1',
  '/_component_template/c1',
  '/fz/_settings',
  '/fz/_mapping',
  '/_cluster/settings',
  '/_cluster/health',
  '/_cat/indices',
];

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const body = fc.oneof(
  jsonValue.map((v) => JSON.stringify(v)),
  fc.string(),
  fc.array(jsonValue.map((v) => JSON.stringify(v)), { maxLength: 4 }).map((lines) => `${lines.join('\n')}\n`),
);

describe('robustness', () => {
  it('answers arbitrary bodies on every endpoint with a 4xx/2xx, never a 500 or a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'), fc.constantFrom(...paths), body, async (method, path, text) => {
        const res = await h.raw(method, path, text);
        if (res.status >= 500) throw new Error(`${method} ${path} ${text} -> ${res.status} ${res.text}`);
        expect(res.headers['x-elastic-product']).toBe('Elasticsearch');
      }),
      { numRuns: 400, seed: 42 },
    );
    expect((await h.raw('GET', '/')).status).toBe(200);
  }, 120_000);

  it('rejects bodies nested deeper than Elasticsearch allows with a 400, and answers deep-but-legal queries', async () => {
    const nested = (depth: number): string => {
      let q = '{"match_all":{}}';
      for (let i = 0; i < depth; i++) q = `{"bool":{"must":[${q}]}}`;
      return `{"query":${q}}`;
    };
    const tooDeep = await h.raw('POST', '/fz/_search', nested(20_000));
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.text).toContain('x_content_parse_exception');
    expect(tooDeep.text).toContain('nesting depth');
    const deep = await h.raw('POST', '/fz/_search', nested(300));
    expect(deep.status).toBeLessThan(500);
    const msearch = await h.raw('POST', '/_msearch', `{"index":"fz"}\n${nested(20_000)}\n`);
    expect(msearch.status).toBe(200);
    expect(msearch.text).toContain('nesting depth');
    expect((await h.raw('GET', '/')).status).toBe(200);
  });
});
