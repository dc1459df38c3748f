import { errors } from '@elastic/elasticsearch';
import { startHarness, type Harness } from '../test_support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

async function esError(p: Promise<unknown>): Promise<{ status: number; body: { error: Record<string, unknown>; status: number } }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof errors.ResponseError) return { status: e.meta.statusCode ?? 0, body: e.meta.body as { error: Record<string, unknown>; status: number } };
    throw e;
  }
  throw new Error('expected an error');
}

describe('index, get, delete', () => {
  it('auto-creates, versions and sequences writes', async () => {
    const created = await h.client.index({ index: 'docs', id: '1', document: { a: 1 } });
    expect(created).toEqual({ _index: 'docs', _id: '1', _version: 1, result: 'created', _shards: { total: 2, successful: 1, failed: 0 }, _seq_no: 0, _primary_term: 1 });
    const updated = await h.client.index({ index: 'docs', id: '1', document: { a: 2 }, refresh: true });
    expect(updated).toMatchObject({ _version: 2, result: 'updated', forced_refresh: true, _seq_no: 1 });
    const got = await h.client.get({ index: 'docs', id: '1' });
    expect(got).toEqual({ _index: 'docs', _id: '1', _version: 2, _seq_no: 1, _primary_term: 1, found: true, _source: { a: 2 } });
    const wrongVersion = await h.raw('GET', '/docs/_doc/1?version=1');
    expect(wrongVersion.status).toBe(409);
    expect((wrongVersion.json() as { error: { reason: string } }).error.reason).toBe(
      '[1]: version conflict, current version [2] is different than the one provided [1]',
    );
    const missing = await h.raw('GET', '/docs/_doc/nope');
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ _index: 'docs', _id: 'nope', found: false });
  });

  it('POST _doc generates a 20-character id', async () => {
    const res = await h.client.index({ index: 'docs', document: { b: 1 } });
    expect(res._id).toHaveLength(20);
    expect(res.result).toBe('created');
  });

  it('rejects create on an existing document and CAS mismatches with 409', async () => {
    await h.client.index({ index: 'cas', id: '1', document: { a: 1 } });
    const exists = await esError(h.client.create({ index: 'cas', id: '1', document: { a: 1 } }));
    expect(exists.status).toBe(409);
    expect(exists.body.error).toMatchObject({ type: 'version_conflict_engine_exception', reason: '[1]: version conflict, document already exists (current version [1])', shard: '0', index: 'cas' });
    const cas = await esError(h.client.index({ index: 'cas', id: '1', document: { a: 2 }, if_seq_no: 5, if_primary_term: 1 }));
    expect(cas.body.error.reason).toBe('[1]: version conflict, required seqNo [5], primary term [1]. current document has seqNo [0] and primary term [1]');
    const ok = await h.client.index({ index: 'cas', id: '1', document: { a: 2 }, if_seq_no: 0, if_primary_term: 1 });
    expect(ok._version).toBe(2);
    const noTerm = await h.raw('PUT', '/cas/_doc/1?if_seq_no=1', { a: 1 });
    expect(noTerm.status).toBe(400);
    expect(noTerm.json()).toMatchObject({ error: { type: 'action_request_validation_exception', reason: 'Validation Failed: 1: ifSeqNo is set, but primary term is [0];' } });
    const version = await h.raw('PUT', '/cas/_doc/1?version=3', { a: 1 });
    expect((version.json() as { error: { type: string } }).error.type).toBe('action_request_validation_exception');
  });

  it('deletes, answering 404 not_found for a missing document and index', async () => {
    await h.client.index({ index: 'del', id: '1', document: { a: 1 } });
    const deleted = await h.client.delete({ index: 'del', id: '1' });
    expect(deleted).toMatchObject({ result: 'deleted', _version: 2, _seq_no: 1 });
    const again = await h.raw('DELETE', '/del/_doc/1');
    expect(again.status).toBe(404);
    expect(again.json()).toMatchObject({ result: 'not_found', _version: 3, _seq_no: 2 });
    const noIndex = await h.raw('DELETE', '/nope-index/_doc/1');
    expect(noIndex.status).toBe(404);
    expect((noIndex.json() as { error: { type: string } }).error.type).toBe('index_not_found_exception');
    expect((await h.raw('HEAD', '/nope-index')).status).toBe(404);
  });

  it('echoes routing and filters _source', async () => {
    await h.client.index({ index: 'src', id: '1', routing: 'r', document: { a: { b: 1, c: 2 }, d: 3 } });
    const got = await h.client.get({ index: 'src', id: '1', routing: 'r', _source_includes: ['a.b'] });
    expect(got).toMatchObject({ _routing: 'r', _source: { a: { b: 1 } } });
    const none = await h.raw('GET', '/src/_doc/1?_source=false');
    expect(none.json()).not.toHaveProperty('_source');
    const source = await h.raw('GET', '/src/_source/1?_source_excludes=a');
    expect(source.json()).toEqual({ d: 3 });
  });

  it('keeps large integers in _source exactly', async () => {
    await h.raw('PUT', '/big/_doc/1', '{"n":9007199254740993}');
    const res = await h.raw('GET', '/big/_doc/1');
    expect(res.text).toContain('"_source":{"n":9007199254740993}');
  });

  it('serves realtime and searchable reads', async () => {
    await h.client.indices.create({ index: 'rt', settings: { refresh_interval: '-1' } });
    await h.client.index({ index: 'rt', id: '1', document: { a: 1 } });
    expect((await h.raw('GET', '/rt/_doc/1?realtime=false')).status).toBe(404);
    expect((await h.raw('GET', '/rt/_doc/1')).status).toBe(200);
    expect((await h.raw('HEAD', '/rt/_doc/1')).status).toBe(200);
    await h.client.indices.refresh({ index: 'rt' });
    expect((await h.raw('GET', '/rt/_doc/1?realtime=false')).status).toBe(200);
  });

  it('waits for a refresh with refresh=wait_for', async () => {
    await h.client.indices.create({ index: 'wf', settings: { refresh_interval: '100ms' } });
    const res = await h.client.index({ index: 'wf', id: '1', document: { a: 1 }, refresh: 'wait_for' });
    expect(res).not.toHaveProperty('forced_refresh');
    const count = await h.client.count({ index: 'wf' });
    expect(count.count).toBe(1);
  });

  it('requires an alias with require_alias', async () => {
    const res = await h.raw('PUT', '/not-an-alias/_doc/1?require_alias=true', { a: 1 });
    expect(res.status).toBe(404);
    expect((res.json() as { error: { reason: string } }).error.reason).toBe(
      'no such index [not-an-alias] and [require_alias] request flag is [true] and [not-an-alias] is not an alias',
    );
    expect((await h.raw('HEAD', '/not-an-alias')).status).toBe(404);
  });
});

describe('update', () => {
  it('merges, detects noops, upserts and rejects unknown keys', async () => {
    await h.client.index({ index: 'upd', id: '1', document: { a: { b: 1 }, c: 1 } });
    const merged = await h.client.update({ index: 'upd', id: '1', doc: { a: { d: 2 } }, _source: true });
    expect(merged).toMatchObject({ result: 'updated', _version: 2, get: { found: true, _source: { a: { b: 1, d: 2 }, c: 1 } } });
    const noop = await h.client.update({ index: 'upd', id: '1', doc: { c: 1 } });
    expect(noop).toMatchObject({ result: 'noop', _version: 2, _shards: { total: 0, successful: 0, failed: 0 } });
    const upsert = await h.raw('POST', '/upd/_update/2', { doc: { x: 1 }, upsert: { x: 0 } });
    expect(upsert.status).toBe(201);
    expect((await h.client.get({ index: 'upd', id: '2' }))._source).toEqual({ x: 0 });
    const asUpsert = await h.raw('POST', '/upd/_update/3', { doc: { y: 1 }, doc_as_upsert: true });
    expect(asUpsert.status).toBe(201);
    const missing = await h.raw('POST', '/upd/_update/4', { doc: { y: 1 } });
    expect(missing.status).toBe(404);
    expect((missing.json() as { error: { type: string; reason: string } }).error).toMatchObject({ type: 'document_missing_exception', reason: '[4]: document missing' });
    const unknown = await h.raw('POST', '/upd/_update/1', { dac: { y: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { type: 'x_content_parse_exception', reason: '[UpdateRequest] unknown field [dac] did you mean [doc]?' } });
    const script = await h.raw('POST', '/upd/_update/1', { script: { source: 'ctx._source.a = 1' } });
    expect((script.json() as { error: { embedded_unsupported: string } }).error.embedded_unsupported).toBe('script');
  });
});

describe('bulk', () => {
  it('executes items, reporting per-item errors', async () => {
    const res = await h.client.bulk({
      refresh: true,
      operations: [
        { index: { _index: 'bulk', _id: '1' } },
        { a: 1 },
        { create: { _index: 'bulk', _id: '1' } },
        { a: 2 },
        { update: { _index: 'bulk', _id: '1' } },
        { doc: { b: 2 } },
        { delete: { _index: 'bulk', _id: 'missing' } },
        { index: { _index: 'bulk', _id: '' } },
        { a: 3 },
        { index: { _index: 'bulk', _id: '2', pipeline: 'p' } },
        { a: 4 },
      ],
    });
    expect(res.errors).toBe(true);
    const items = res.items.map((i) => Object.entries(i)[0]);
    expect(items.map(([op, r]) => [op, r.status])).toEqual([
      ['index', 201],
      ['create', 409],
      ['update', 200],
      ['delete', 404],
      ['index', 400],
      ['index', 400],
    ]);
    expect(items[1][1].error).toMatchObject({ type: 'version_conflict_engine_exception', index: 'bulk', shard: '0' });
    expect(items[4][1].error).toMatchObject({ reason: 'if _id is specified it must not be empty' });
    expect(items[5][1].error).toMatchObject({ embedded_unsupported: 'pipeline' });
    expect(items[2][1]).toMatchObject({ result: 'updated', _version: 2 });
    const got = await h.client.get({ index: 'bulk', id: '1' });
    expect(got._source).toEqual({ a: 1, b: 2 });
  });

  it('validates the NDJSON framing', async () => {
    const unterminated = await h.raw('POST', '/_bulk', '{"index":{"_index":"b2"}}\n{"a":1}', { 'content-type': 'application/x-ndjson' });
    expect(unterminated.status).toBe(400);
    expect((unterminated.json() as { error: { reason: string } }).error.reason).toBe('The bulk request must be terminated by a newline [\\n]');
    const empty = await h.raw('POST', '/_bulk', '', { 'content-type': 'application/x-ndjson' });
    expect((empty.json() as { error: { reason: string } }).error.reason).toBe('Validation Failed: 1: no requests added;');
    const malformed = await h.raw('POST', '/_bulk', '{}\n', { 'content-type': 'application/x-ndjson' });
    expect((malformed.json() as { error: { reason: string } }).error.reason).toBe(
      'Malformed action/metadata line [1], expected FIELD_NAME but found [END_OBJECT]',
    );
    const unknown = await h.raw('POST', '/_bulk', '{"index":{"_index":"b2","foo":1}}\n{}\n', { 'content-type': 'application/x-ndjson' });
    expect((unknown.json() as { error: { reason: string } }).error.reason).toBe('Action/metadata line [1] contains an unknown parameter [foo]');
  });
});

describe('mget', () => {
  it('returns documents in order with per-document errors', async () => {
    await h.client.index({ index: 'mg', id: '1', document: { a: 1 } });
    const res = await h.client.mget({ docs: [{ _index: 'mg', _id: '1' }, { _index: 'mg', _id: '2' }, { _index: 'mg-missing', _id: '1' }] });
    expect(res.docs[0]).toMatchObject({ _index: 'mg', _id: '1', found: true, _source: { a: 1 } });
    expect(res.docs[1]).toEqual({ _index: 'mg', _id: '2', found: false });
    expect(res.docs[2]).toMatchObject({ _index: 'mg-missing', _id: '1', error: { type: 'index_not_found_exception', reason: 'no such index [mg-missing]' } });
    expect(res.docs[2]).not.toHaveProperty('found');
    const ids = await h.client.mget({ index: 'mg', ids: ['1'], _source_includes: ['a'] });
    expect(ids.docs[0]).toMatchObject({ found: true, _source: { a: 1 } });
    const invalid = await h.raw('POST', '/_mget', { docs: [{ _id: '1' }] });
    expect((invalid.json() as { error: { reason: string } }).error.reason).toBe('Validation Failed: 1: index is missing for doc 0;');
  });
});
