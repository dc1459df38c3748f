import { IndexShard } from './index_shard';
import { errorOf, fieldOf, newShard } from '../test_support';

describe('IndexShard versioning', () => {
  it('assigns seq_no per operation and versions per document', () => {
    const s = newShard();
    expect(s.indexDoc('1', '{"a":1}')).toMatchObject({ result: 'created', version: 1, seqNo: 0, primaryTerm: 1 });
    expect(s.indexDoc('2', '{"a":2}')).toMatchObject({ result: 'created', version: 1, seqNo: 1 });
    expect(s.indexDoc('1', '{"a":3}')).toMatchObject({ result: 'updated', version: 2, seqNo: 2 });
    expect(s.deleteDoc('1')).toMatchObject({ result: 'deleted', version: 3, seqNo: 3 });
    expect(s.deleteDoc('1')).toMatchObject({ result: 'not_found', version: 4, seqNo: 4 });
    expect(s.deleteDoc('never')).toMatchObject({ result: 'not_found', version: 1, seqNo: 5 });
    expect(s.indexDoc('1', '{"a":4}')).toMatchObject({ result: 'created', version: 5, seqNo: 6 });
    expect(s.stats().maxSeqNo).toBe(6);
  });

  it('rejects create on an existing doc with the ES message and no side effect', () => {
    const s = newShard();
    s.indexDoc('1', '{"a":1}');
    const e = errorOf(() => s.indexDoc('1', '{"a":2}', { opType: 'create' }));
    expect(e.status).toBe(409);
    expect(e.type).toBe('version_conflict_engine_exception');
    expect(e.reason).toBe('[1]: version conflict, document already exists (current version [1])');
    expect(e.meta).toEqual({ index_uuid: 'uuid-1', shard: '0', index: 'test' });
    expect(s.stats().maxSeqNo).toBe(0);
    expect(s.indexDoc('2', '{}', { opType: 'create' })).toMatchObject({ result: 'created', seqNo: 1 });
  });

  it('checks compare-and-set on index, delete and update', () => {
    const s = newShard();
    s.indexDoc('1', '{"a":1}');
    expect(errorOf(() => s.indexDoc('1', '{}', { ifSeqNo: 5, ifPrimaryTerm: 1 })).reason).toBe(
      '[1]: version conflict, required seqNo [5], primary term [1]. current document has seqNo [0] and primary term [1]',
    );
    expect(errorOf(() => s.deleteDoc('x', { ifSeqNo: 0, ifPrimaryTerm: 1 })).reason).toBe(
      '[x]: version conflict, required seqNo [0], primary term [1]. but no document was found',
    );
    expect(errorOf(() => s.updateDoc('1', { doc: { a: 2 } }, { ifSeqNo: 1, ifPrimaryTerm: 1 })).status).toBe(409);
    expect(s.indexDoc('1', '{"a":2}', { ifSeqNo: 0, ifPrimaryTerm: 1 })).toMatchObject({ result: 'updated', seqNo: 1, version: 2 });
    expect(s.updateDoc('1', { doc: { a: 3 } }, { ifSeqNo: 1, ifPrimaryTerm: 1 })).toMatchObject({ result: 'updated', seqNo: 2, version: 3 });
    expect(errorOf(() => s.indexDoc('1', '{}', { ifSeqNo: 2, ifPrimaryTerm: 1, opType: 'create' })).type).toBe('action_request_validation_exception');
    expect(errorOf(() => s.indexDoc('1', '{}', { ifSeqNo: 2 })).reason).toBe('Validation Failed: 1: ifSeqNo is set, but primary term is [0];');
    expect(s.stats().maxSeqNo).toBe(2);
  });
});

describe('IndexShard update', () => {
  it('merges key by key, recursing only into objects on both sides; dotted keys stay literal', () => {
    const s = newShard();
    s.indexDoc('1', JSON.stringify({ a: { b: 1, c: 2 }, list: [1, 2], 'kibana.alert.status': 'open' }));
    const r = s.updateDoc('1', { doc: { a: { b: 5 }, list: [3], 'kibana.alert.status': 'closed', n: null } });
    expect(r.result).toBe('updated');
    expect(JSON.parse(r.source)).toEqual({ a: { b: 5, c: 2 }, list: [3], 'kibana.alert.status': 'closed', n: null });
    const nested = newShard();
    nested.indexDoc('1', JSON.stringify({ kibana: { alert: { status: 'open' } } }));
    const r2 = nested.updateDoc('1', { doc: { 'kibana.alert.status': 'closed' } });
    expect(JSON.parse(r2.source)).toEqual({ kibana: { alert: { status: 'open' } }, 'kibana.alert.status': 'closed' });
    nested.refresh();
    expect(fieldOf(nested, 'kibana.alert.status.keyword', 'terms').values(1)).toEqual(['closed', 'open']);
  });

  it('detects noops unless detect_noop is false', () => {
    const s = newShard();
    s.indexDoc('1', '{"a":1,"b":{"c":"x"}}');
    expect(s.updateDoc('1', { doc: { a: 1, b: { c: 'x' } } })).toMatchObject({ result: 'noop', version: 1, seqNo: 0, source: '{"a":1,"b":{"c":"x"}}' });
    expect(s.stats().maxSeqNo).toBe(0);
    expect(s.updateDoc('1', { doc: { a: 1 }, detectNoop: false })).toMatchObject({ result: 'updated', version: 2, seqNo: 1 });
  });

  it('upserts, doc_as_upsert and document_missing_exception', () => {
    const s = newShard();
    const missing = errorOf(() => s.updateDoc('1', { doc: { a: 1 } }));
    expect(missing.status).toBe(404);
    expect(missing.type).toBe('document_missing_exception');
    expect(missing.reason).toBe('[1]: document missing');
    expect(s.stats().maxSeqNo).toBe(-1);
    expect(s.updateDoc('1', { doc: { a: 1 }, upsert: { a: 0 } })).toMatchObject({ result: 'created', version: 1, source: '{"a":0}' });
    expect(s.updateDoc('1', { doc: { b: 1 }, upsert: { a: 0 } })).toMatchObject({ result: 'updated', version: 2, source: '{"a":0,"b":1}' });
    expect(s.updateDoc('2', { doc: { x: 1 }, docAsUpsert: true })).toMatchObject({ result: 'created', source: '{"x":1}' });
    expect(errorOf(() => s.updateDoc('1', {})).type).toBe('action_request_validation_exception');
  });
});

describe('IndexShard visibility', () => {
  it('hides changes from search until refresh, while realtime get sees them', () => {
    const s = newShard({ properties: { tag: { type: 'keyword' } } });
    s.indexDoc('1', '{"tag":"a"}');
    expect(s.getDoc('1', true)).toMatchObject({ found: true, version: 1, source: '{"tag":"a"}' });
    expect(s.getDoc('1', false)).toEqual({ found: false });
    expect(s.searchView().numDocs).toBe(0);
    const before = s.searchView();
    s.refresh();
    expect(s.searchView()).not.toBe(before);
    expect(before.numDocs).toBe(0);
    expect(s.searchView().numDocs).toBe(1);
    expect(s.getDoc('1', false)).toMatchObject({ found: true, version: 1 });
    s.indexDoc('1', '{"tag":"b"}');
    s.deleteDoc('1');
    expect(s.getDoc('1', true)).toEqual({ found: false });
    expect(s.getDoc('1', false)).toMatchObject({ found: true, version: 1, source: '{"tag":"a"}' });
    const old = s.searchView();
    expect(Array.from(fieldOf(s, 'tag', 'terms').postings('a') ?? [])).toEqual([0]);
    expect(fieldOf(s, 'tag', 'terms').postings('b')).toBeUndefined();
    s.refresh();
    expect(old.isLive(0)).toBe(true);
    expect(s.searchView().isLive(0)).toBe(false);
    expect(s.searchView().numDocs).toBe(0);
    expect(s.stats()).toMatchObject({ docsCount: 0, docsDeleted: 2 });
    expect(s.getDoc('1', false)).toEqual({ found: false });
  });

  it('keeps a refresh that changed nothing cheap (same view)', () => {
    const s = newShard();
    s.indexDoc('1', '{}');
    s.refresh();
    const v = s.searchView();
    s.refresh();
    expect(s.searchView()).toBe(v);
  });
});

describe('IndexShard field indexes', () => {
  it('indexes keyword postings, doc values and statistics of live docs', () => {
    const s = newShard({ properties: { k: { type: 'keyword' } } });
    s.indexDoc('1', '{"k":["b","a","b"]}');
    s.indexDoc('2', '{"k":"a"}');
    s.indexDoc('3', '{"other":1}');
    s.refresh();
    const k = fieldOf(s, 'k', 'terms');
    expect(k.terms()).toEqual(['a', 'b']);
    expect(Array.from(k.postings('a') ?? [])).toEqual([0, 1]);
    expect(k.values(0)).toEqual(['a', 'b']);
    expect(k.values(2)).toEqual([]);
    expect(k.docCount).toBe(2);
    expect(k.sumDocFreq).toBe(3);
    s.deleteDoc('1');
    s.refresh();
    expect(fieldOf(s, 'k', 'terms').docCount).toBe(1);
    expect(fieldOf(s, 'k', 'terms').sumDocFreq).toBe(1);
  });

  it('indexes numbers and dates as points with range queries', () => {
    const s = newShard({ properties: { n: { type: 'long' }, f: { type: 'float' }, d: { type: 'date' } } });
    for (let i = 0; i < 50; i++) s.indexDoc(String(i), JSON.stringify({ n: i % 10, f: 0.1, d: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` }));
    s.indexDoc('multi', '{"n":[100,-5]}');
    s.refresh();
    const n = fieldOf(s, 'n', 'numeric');
    expect(Array.from(n.range(3, 4))).toEqual([3, 4, 13, 14, 23, 24, 33, 34, 43, 44]);
    expect(Array.from(n.range(-Infinity, -1))).toEqual([50]);
    expect(n.values(50)).toEqual([-5, 100]);
    expect(n.docCount).toBe(51);
    expect(fieldOf(s, 'f', 'numeric').values(0)).toEqual([Math.fround(0.1)]);
    const d = fieldOf(s, 'd', 'numeric');
    expect(d.values(0)).toEqual([Date.UTC(2026, 0, 1)]);
    expect(d.range(Date.UTC(2026, 0, 28), Infinity).length).toBe(1);
  });

  it('indexes text with positions, array gaps and SmallFloat norms', () => {
    const s = newShard({ properties: { t: { type: 'text' } } });
    s.indexDoc('1', JSON.stringify({ t: ['the quick fox', 'the lazy dog'] }));
    s.indexDoc('2', JSON.stringify({ t: 'the the the' }));
    s.refresh();
    const t = fieldOf(s, 't', 'text');
    expect(t.terms()).toEqual(['dog', 'fox', 'lazy', 'quick', 'the']);
    const p = t.postings('the');
    expect(Array.from(p?.docs ?? [])).toEqual([0, 1]);
    expect(Array.from(p?.freqs ?? [])).toEqual([2, 3]);
    expect(Array.from(t.positions('the', 0))).toEqual([0, 103]);
    expect(Array.from(t.positions('dog', 0))).toEqual([105]);
    expect(t.fieldLength(0)).toBe(6);
    expect(t.sumTotalTermFreq).toBe(9);
    expect(t.docCount).toBe(2);
  });

  it('indexes boolean and ip terms and resolves aliases', () => {
    const s = newShard({ properties: { b: { type: 'boolean' }, ip: { type: 'ip' }, al: { type: 'alias', path: 'b' } } });
    s.indexDoc('1', '{"b":"true","ip":"10.0.0.1"}');
    s.indexDoc('2', '{"b":"","ip":"::1"}');
    s.refresh();
    expect(fieldOf(s, 'al', 'terms').terms()).toEqual(['false', 'true']);
    expect(fieldOf(s, 'ip', 'terms').values(0)[0]).toHaveLength(32);
    expect(s.searchView().mapping('al')?.type).toBe('boolean');
    expect(s.searchView().fieldPaths()).toEqual(['al', 'b', 'ip']);
  });

  it('lists ignored fields in _ignored', () => {
    const s = newShard({ properties: { n: { type: 'long', ignore_malformed: true }, k: { type: 'keyword', ignore_above: 3 } } });
    s.indexDoc('1', '{"n":"abc","k":"abcdef"}');
    expect(s.getDoc('1', true)).toMatchObject({ ignored: ['k', 'n'] });
    s.refresh();
    expect(Array.from(fieldOf(s, '_ignored', 'terms').postings('n') ?? [])).toEqual([0]);
    expect(fieldOf(s, 'n', 'numeric').docCount).toBe(0);
  });

  it('finds docs by _id in the view', () => {
    const s = newShard();
    s.indexDoc('a', '{}');
    s.indexDoc('b', '{}');
    s.refresh();
    const ids = fieldOf(s, '_id', 'terms');
    expect(Array.from(ids.postings('b') ?? [])).toEqual([1]);
    expect(ids.postings('zz')).toBeUndefined();
  });
});

describe('IndexShard atomicity and snapshots', () => {
  it('leaves no trace of a failed document (mapping included)', () => {
    const s = newShard({ properties: { n: { type: 'long' } } });
    expect(errorOf(() => s.indexDoc('1', '{"newfield":"x","n":"bad"}')).type).toBe('document_parsing_exception');
    expect(s.mappingJson()).toEqual({ properties: { n: { type: 'long' } } });
    expect(s.stats().maxSeqNo).toBe(-1);
    expect(s.getDoc('1', true)).toEqual({ found: false });
  });

  it('round-trips through exportState/restore with identical state', () => {
    const s = newShard({ properties: { k: { type: 'keyword' } } });
    s.indexDoc('1', '{"k":"a","x":1.5}', { routing: 'r1' });
    s.indexDoc('2', '{"k":"b"}');
    s.deleteDoc('2');
    s.updateDoc('1', { doc: { k: 'c' } });
    const state = JSON.parse(JSON.stringify(s.exportState()));
    const r = IndexShard.restore(state);
    expect(r.exportState()).toEqual(s.exportState());
    expect(r.getDoc('1', false)).toMatchObject({ found: true, version: 2, seqNo: 3, routing: 'r1' });
    expect(r.indexDoc('2', '{}')).toMatchObject({ version: 3, seqNo: 4, result: 'created' });
    expect(r.mappingJson()).toEqual(s.mappingJson());
  });

  it('replays deterministically', () => {
    const run = (): unknown[] => {
      const s = newShard();
      const out: unknown[] = [];
      for (let i = 0; i < 200; i++) {
        const id = String(i % 37);
        if (i % 7 === 3) out.push(s.deleteDoc(id));
        else if (i % 5 === 1) out.push(s.updateDoc(id, { doc: { n: i % 3 }, docAsUpsert: true }));
        else out.push(s.indexDoc(id, JSON.stringify({ n: i, s: `v${i % 4}` })));
      }
      out.push(s.exportState());
      return out;
    };
    expect(run()).toEqual(run());
  });
});

describe('numeric points under every sort strategy', () => {
  it.each([
    ['ascending timestamps', (i: number) => 1_700_000_000_000 + i * 1000],
    ['small integers', (i: number) => (i * 7919) % 101],
    ['negative small integers', (i: number) => -((i * 31) % 57)],
    ['fractions', (i: number) => ((i * 7919) % 101) / 3],
    ['large integers', (i: number) => ((i * 7919) % 101) * 1e9],
  ])('range() matches a scan for %s', (_label, gen) => {
    const s = newShard({ properties: { n: { type: 'double' } } });
    const n = 70_000; // above the seal threshold: several runs and a merge
    for (let i = 0; i < n; i++) s.indexDoc(String(i), `{"n":${gen(i)}}`);
    s.refresh();
    const f = fieldOf(s, 'n', 'numeric');
    const values = Array.from({ length: n }, (_, i) => gen(i)).sort((a, b) => a - b);
    for (const [lo, hi] of [
      [values[100], values[5000]],
      [values[0], values[0]],
      [values[n - 10], Infinity],
      [-Infinity, values[300]],
    ]) {
      const expected: number[] = [];
      for (let i = 0; i < n; i++) if (gen(i) >= lo && gen(i) <= hi) expected.push(i);
      expect(Array.from(f.range(lo, hi))).toEqual(expected);
    }
    expect(f.values(5)).toEqual([gen(5)]);
  });
});
