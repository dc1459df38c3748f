import { startHarness, type Harness } from '../test_support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.client.indices.create({ index: 'sa', settings: { number_of_replicas: 0 }, mappings: { properties: { tag: { type: 'keyword' }, n: { type: 'long' } } } });
  await h.client.bulk({
    refresh: true,
    operations: Array.from({ length: 30 }, (_, i) => [{ index: { _index: 'sa', _id: String(i) } }, { tag: i % 3 === 0 ? 'a' : 'b', n: i }]).flat(),
  });
});
afterAll(() => h.stop());

type ErrorBody = { error: { type: string; reason: string; [k: string]: unknown }; status: number };

describe('search', () => {
  it('merges URL parameters into the body', async () => {
    const res = await h.raw('POST', '/sa/_search?size=2&from=1&sort=n:desc&_source_includes=n&track_total_hits=true', { query: { term: { tag: 'a' } } });
    const body = res.json() as { hits: { total: { value: number }; hits: Array<{ _id: string; _source: unknown }> } };
    expect(body.hits.total.value).toBe(10);
    expect(body.hits.hits.map((x) => x._id)).toEqual(['24', '21']);
    expect(body.hits.hits[0]._source).toEqual({ n: 24 });
  });

  it('supports rest_total_hits_as_int and filter_path on search', async () => {
    const res = await h.raw('GET', '/sa/_search?rest_total_hits_as_int=true&filter_path=hits.total');
    expect(res.json()).toEqual({ hits: { total: 30 } });
  });

  it('counts and returns empty results for empty wildcards', async () => {
    expect(await h.client.count({ index: 'sa', query: { range: { n: { gte: 10 } } } })).toMatchObject({ count: 20 });
    const empty = await h.client.search({ index: 'nothing-*' });
    expect(empty._shards.total).toBe(0);
    const missing = await h.raw('GET', '/nothing/_search');
    expect(missing.status).toBe(404);
    expect((missing.json() as ErrorBody).error.type).toBe('index_not_found_exception');
    const ignored = await h.raw('GET', '/nothing,sa/_search?ignore_unavailable=true&size=0&rest_total_hits_as_int');
    expect((ignored.json() as { hits: { total: number } }).hits.total).toBe(30);
  });

  it('runs msearch with per-entry failures', async () => {
    const res = await h.client.msearch({
      searches: [{ index: 'sa' }, { query: { term: { tag: 'a' } }, size: 0 }, { index: 'nope' }, { query: { match_all: {} } }, {}, { size: 0 }],
    });
    expect(res.responses).toHaveLength(3);
    expect(res.responses[0]).toMatchObject({ status: 200, hits: { total: { value: 10 } } });
    expect(res.responses[1]).toMatchObject({ status: 404, error: { type: 'index_not_found_exception' } });
    expect(res.responses[2]).toMatchObject({ status: 200 });
  });
});

describe('by query', () => {
  it('updates by query in batches, re-indexing unchanged sources', async () => {
    const res = await h.raw('POST', '/sa/_update_by_query?scroll_size=4&refresh', { query: { term: { tag: 'a' } } });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ timed_out: false, total: 10, updated: 10, deleted: 0, batches: 3, version_conflicts: 0, noops: 0, failures: [] });
    expect(res.json()).not.toHaveProperty('created');
    const doc = await h.client.get({ index: 'sa', id: '0' });
    expect(doc._version).toBe(2);
  });

  it('deletes by query with max_docs', async () => {
    const res = await h.raw('POST', '/sa/_delete_by_query?refresh', { query: { term: { tag: 'b' } }, max_docs: 5 });
    const body = res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ total: 5, deleted: 5, batches: 1, version_conflicts: 0 });
    expect(body).not.toHaveProperty('updated');
    expect((await h.client.count({ index: 'sa' })).count).toBe(25);
  });

  it('reports version conflicts with abort (409) and proceeds with proceed', async () => {
    await h.client.indices.create({ index: 'cq', settings: { refresh_interval: '-1' } });
    await h.client.index({ index: 'cq', id: '1', document: { a: 1 }, refresh: true });
    await h.client.index({ index: 'cq', id: '2', document: { a: 1 }, refresh: true });
    // Changed after the searchable snapshot: a conflict.
    await h.client.index({ index: 'cq', id: '1', document: { a: 2 } });
    const abort = await h.raw('POST', '/cq/_update_by_query', {});
    expect(abort.status).toBe(409);
    const body = abort.json() as { failures: Array<Record<string, unknown>>; version_conflicts: number };
    expect(body.version_conflicts).toBe(1);
    expect(body.failures[0]).toMatchObject({ index: 'cq', id: '1', status: 409, cause: { type: 'version_conflict_engine_exception', index: 'cq' } });
    const proceed = await h.raw('POST', '/cq/_delete_by_query?conflicts=proceed', { query: { match_all: {} } });
    expect(proceed.status).toBe(200);
    expect(proceed.json()).toMatchObject({ deleted: 1, version_conflicts: 1, failures: [] });
  });

  it('rejects scripts and async execution', async () => {
    const script = await h.raw('POST', '/sa/_update_by_query', { script: { source: 'x' } });
    expect((script.json() as ErrorBody).error.embedded_unsupported).toBe('script');
    const async = await h.raw('POST', '/sa/_delete_by_query?wait_for_completion=false', {});
    expect((async.json() as ErrorBody).error.embedded_unsupported).toBe('other');
  });
});
