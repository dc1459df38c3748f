import { EsError } from '../errors';
import { executeSearch, type SearchOptions } from '../search';
import type { SearchView } from '../search_view';
import { errorOf, indexFixture } from '../test_support';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const opts: SearchOptions = { now: NOW };

type Aggs = Record<string, Record<string, unknown>>;

function aggs(view: SearchView | SearchView[], body: Record<string, unknown>, options: SearchOptions = opts): Aggs {
  const views = Array.isArray(view) ? view : [view];
  const r = executeSearch(
    views.map((v) => ({ view: v })),
    { size: 0, ...body },
    options,
  );
  return r.aggregations as Aggs;
}

const MAPPINGS = {
  properties: {
    user: { type: 'keyword' },
    n: { type: 'long' },
    price: { type: 'float' },
    d: { type: 'double' },
    ts: { type: 'date' },
    ok: { type: 'boolean' },
    ip: { type: 'ip' },
    msg: { type: 'text' },
  },
};

const DOCS = [
  { user: 'kimchy', n: 1, price: 1.1, d: 0.5, ts: '2026-01-01T10:00:00Z', ok: true, ip: '10.0.0.1', msg: 'a' },
  { user: 'kimchy', n: 2, price: 2.2, d: 1.5, ts: '2026-01-01T11:00:00Z', ok: false, ip: '10.0.0.2', msg: 'b' },
  { user: ['bob', 'kimchy'], n: [3, 3, 4], ts: ['2026-01-03T00:00:00Z', '2026-01-03T05:00:00Z'], ok: true, ip: '10.0.0.1' },
  { user: 'alice', ts: '2026-01-05T23:30:00Z' },
  { other: 1 },
];

describe('terms', () => {
  const { view } = indexFixture(DOCS, { mappings: MAPPINGS });

  it('counts once per value per doc, orders by count desc then key asc', () => {
    const r = aggs(view(), { aggs: { users: { terms: { field: 'user' } } } });
    expect(r.users).toEqual({
      doc_count_error_upper_bound: 0,
      sum_other_doc_count: 0,
      buckets: [
        { key: 'kimchy', doc_count: 3 },
        { key: 'alice', doc_count: 1 },
        { key: 'bob', doc_count: 1 },
      ],
    });
  });

  it('size, sum_other_doc_count, _key order, min_doc_count and missing', () => {
    const r = aggs(view(), {
      aggs: {
        top: { terms: { field: 'user', size: 1 } },
        byKey: { terms: { field: 'user', order: { _key: 'desc' } } },
        missing: { terms: { field: 'user', missing: 'N/A' } },
        rare: { terms: { field: 'user', min_doc_count: 2 } },
      },
    });
    expect(r.top).toMatchObject({ sum_other_doc_count: 2, buckets: [{ key: 'kimchy', doc_count: 3 }] });
    expect((r.byKey.buckets as { key: string }[]).map((b) => b.key)).toEqual(['kimchy', 'bob', 'alice']);
    expect((r.missing.buckets as { key: string }[]).map((b) => b.key)).toContain('N/A');
    expect(r.rare.buckets).toEqual([{ key: 'kimchy', doc_count: 3 }]);
  });

  it('include/exclude arrays and regexes', () => {
    const r = aggs(view(), {
      aggs: {
        inc: { terms: { field: 'user', include: ['bob', 'alice'] } },
        exc: { terms: { field: 'user', exclude: 'k.*' } },
      },
    });
    expect((r.inc.buckets as { key: string }[]).map((b) => b.key)).toEqual(['alice', 'bob']);
    expect((r.exc.buckets as { key: string }[]).map((b) => b.key)).toEqual(['alice', 'bob']);
  });

  it('keys per type: long, double, bool (1/0 + key_as_string), date (ms + string), ip', () => {
    const r = aggs(view(), {
      aggs: {
        n: { terms: { field: 'n' } },
        d: { terms: { field: 'd' } },
        ok: { terms: { field: 'ok' } },
        ts: { terms: { field: 'ts', size: 1, order: { _key: 'asc' } } },
        ip: { terms: { field: 'ip' } },
      },
    });
    expect(r.n.buckets).toEqual([
      { key: 1, doc_count: 1 },
      { key: 2, doc_count: 1 },
      { key: 3, doc_count: 1 },
      { key: 4, doc_count: 1 },
    ]);
    expect(r.d.buckets).toEqual([
      { key: 0.5, doc_count: 1 },
      { key: 1.5, doc_count: 1 },
    ]);
    expect(r.ok.buckets).toEqual([
      { key: 1, key_as_string: 'true', doc_count: 2 },
      { key: 0, key_as_string: 'false', doc_count: 1 },
    ]);
    expect(r.ts.buckets).toEqual([{ key: Date.parse('2026-01-01T10:00:00Z'), key_as_string: '2026-01-01T10:00:00.000Z', doc_count: 1 }]);
    expect(r.ip.buckets).toEqual([
      { key: '10.0.0.1', doc_count: 2 },
      { key: '10.0.0.2', doc_count: 1 },
    ]);
  });

  it('orders by a sub-aggregation metric and nests sub-aggregations', () => {
    const r = aggs(view(), { aggs: { users: { terms: { field: 'user', order: { maxn: 'desc' } }, aggs: { maxn: { max: { field: 'n' } } } } } });
    expect(r.users.buckets).toEqual([
      { key: 'bob', doc_count: 1, maxn: { value: 4 } },
      { key: 'kimchy', doc_count: 3, maxn: { value: 4 } },
      { key: 'alice', doc_count: 1, maxn: { value: null } },
    ]);
  });

  it('include/exclude values are typed per field; regexes only on strings; partitions', () => {
    const r = aggs(view(), {
      aggs: {
        ts: { terms: { field: 'ts', include: ['2026-01-01T10:00:00Z'] } },
        ip: { terms: { field: 'ip', exclude: ['10.0.0.1'] } },
        n: { terms: { field: 'n', include: [2, '4'] } },
      },
    });
    expect((r.ts.buckets as { key_as_string: string }[]).map((b) => b.key_as_string)).toEqual(['2026-01-01T10:00:00.000Z']);
    expect(r.ip.buckets).toEqual([{ key: '10.0.0.2', doc_count: 1 }]);
    expect((r.n.buckets as { key: number }[]).map((b) => b.key)).toEqual([2, 4]);
    expect(() => aggs(view(), { aggs: { x: { terms: { field: 'ip', exclude: '10.*' } } } })).toThrow(EsError);
    const { view: strs } = indexFixture([{ s: 'abc' }, { s: 'abc' }, { s: 'bcd' }, { i: 1234 }, { i: 5678 }, { i: 1234 }], {
      mappings: { properties: { s: { type: 'keyword' }, i: { type: 'long' } } },
    });
    const p = aggs(strs(), {
      aggs: {
        s0: { terms: { field: 's', include: { partition: 0, num_partitions: 2 } } },
        s1: { terms: { field: 's', include: { partition: 1, num_partitions: 2 } } },
        i0: { terms: { field: 'i', include: { partition: 0, num_partitions: 2 } } },
      },
    });
    expect(p.s0.buckets).toEqual([{ key: 'bcd', doc_count: 1 }]);
    expect(p.s1.buckets).toEqual([{ key: 'abc', doc_count: 2 }]);
    expect(p.i0.buckets).toEqual([{ key: 5678, doc_count: 1 }]);
  });

  it('ip keys sort by address bytes and unmapped fields honour value_type + missing', () => {
    const { view: ips } = indexFixture([{ ip: '::1' }, { ip: '127.0.0.1' }, { ip: '::2' }], { mappings: { properties: { ip: { type: 'ip' } } } });
    const r = aggs(ips(), {
      aggs: {
        ip: { terms: { field: 'ip', order: { _key: 'asc' } } },
        b: { terms: { field: 'unmapped_boolean', value_type: 'boolean', missing: true } },
        d: { terms: { field: 'unmapped_date', value_type: 'date', missing: '2016-05-11' } },
      },
    });
    expect((r.ip.buckets as { key: string }[]).map((b) => b.key)).toEqual(['::1', '::2', '127.0.0.1']);
    expect(r.b.buckets).toEqual([{ key: 1, key_as_string: 'true', doc_count: 3 }]);
    expect(r.d.buckets).toEqual([{ key: 1462924800000, key_as_string: '2016-05-11T00:00:00.000Z', doc_count: 3 }]);
  });

  it('unmapped fields give no buckets; text fields fail per index', () => {
    expect(aggs(view(), { aggs: { x: { terms: { field: 'nope' } } } }).x).toEqual({ doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets: [] });
    const e = errorOf(() => aggs(view(), { aggs: { x: { terms: { field: 'msg' } } } }));
    expect(e.type).toBe('search_phase_execution_exception');
    expect(e.rootCauses()[0].reason).toContain('Text fields are not optimised');
  });

  it('merges buckets across indices', () => {
    const other = indexFixture([{ user: 'bob' }, { user: 'zed' }], { name: 'other', mappings: MAPPINGS });
    const r = aggs([view(), other.view()], { aggs: { users: { terms: { field: 'user' } } } });
    expect(r.users.buckets).toEqual([
      { key: 'kimchy', doc_count: 3 },
      { key: 'bob', doc_count: 2 },
      { key: 'alice', doc_count: 1 },
      { key: 'zed', doc_count: 1 },
    ]);
  });
});

describe('metrics', () => {
  const { view } = indexFixture(DOCS, { mappings: MAPPINGS });

  it('min, max, avg, sum, stats, value_count, cardinality', () => {
    const r = aggs(view(), {
      aggs: {
        min: { min: { field: 'n' } },
        max: { max: { field: 'n' } },
        avg: { avg: { field: 'n' } },
        sum: { sum: { field: 'n' } },
        stats: { stats: { field: 'n' } },
        count: { value_count: { field: 'user' } },
        card: { cardinality: { field: 'user' } },
        cardIp: { cardinality: { field: 'ip' } },
        cardNone: { cardinality: { field: 'nope' } },
      },
    });
    expect(r.min).toEqual({ value: 1 });
    expect(r.max).toEqual({ value: 4 });
    expect(r.sum).toEqual({ value: 13 });
    expect(r.avg).toEqual({ value: 13 / 5 });
    expect(r.stats).toEqual({ count: 5, min: 1, max: 4, avg: 2.6, sum: 13 });
    expect(r.count).toEqual({ value: 5 });
    expect(r.card).toEqual({ value: 3 });
    expect(r.cardIp).toEqual({ value: 2 });
    expect(r.cardNone).toEqual({ value: 0 });
  });

  it('floats aggregate as float32 values', () => {
    const r = aggs(view(), { aggs: { s: { sum: { field: 'price' } } } });
    expect(r.s.value).toBe(Math.fround(1.1) + Math.fround(2.2));
  });

  it('empty results: null, and 0 for sum', () => {
    const r = aggs(view(), {
      query: { term: { user: 'nobody' } },
      aggs: { min: { min: { field: 'n' } }, sum: { sum: { field: 'n' } }, avg: { avg: { field: 'n' } }, stats: { stats: { field: 'n' } } },
    });
    expect(r).toEqual({ min: { value: null }, sum: { value: 0 }, avg: { value: null }, stats: { count: 0, min: null, max: null, avg: null, sum: 0 } });
  });

  it('dates get value_as_string', () => {
    const r = aggs(view(), { aggs: { first: { min: { field: 'ts' } } } });
    expect(r.first).toEqual({ value: Date.parse('2026-01-01T10:00:00Z'), value_as_string: '2026-01-01T10:00:00.000Z' });
  });

  it('format renders value_as_string and key_as_string for numbers', () => {
    const r = aggs(view(), { aggs: { s: { sum: { field: 'n', format: '0.00' } }, t: { terms: { field: 'n', size: 1, format: '#.0' } } } });
    expect(r.s).toEqual({ value: 13, value_as_string: '13.00' });
    expect((r.t.buckets as unknown[])[0]).toEqual({ key: 1, key_as_string: '1.0', doc_count: 1 });
  });

  it('missing replaces absent values', () => {
    const r = aggs(view(), { aggs: { s: { sum: { field: 'n', missing: 10 } } } });
    expect(r.s.value).toBe(13 + 20);
  });

  it('keyword fields are rejected for numeric metrics', () => {
    const e = errorOf(() => aggs(view(), { aggs: { m: { min: { field: 'user' } } } }));
    expect(e.status).toBe(400);
    expect(e.rootCauses()[0].reason).toBe('Field [user] of type [keyword] is not supported for aggregation [min]');
  });
});

describe('date_histogram', () => {
  const { view } = indexFixture(DOCS, { mappings: MAPPINGS });
  type B = { key: number; key_as_string: string; doc_count: number };

  it('calendar days with gap filling and once-per-bucket counting', () => {
    const r = aggs(view(), { aggs: { h: { date_histogram: { field: 'ts', calendar_interval: 'day' } } } });
    expect((r.h.buckets as B[]).map((b) => [b.key_as_string, b.doc_count])).toEqual([
      ['2026-01-01T00:00:00.000Z', 2],
      ['2026-01-02T00:00:00.000Z', 0],
      ['2026-01-03T00:00:00.000Z', 1],
      ['2026-01-04T00:00:00.000Z', 0],
      ['2026-01-05T00:00:00.000Z', 1],
    ]);
    expect((r.h.buckets as B[])[0].key).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('fixed intervals, format, min_doc_count and keyed', () => {
    const r = aggs(view(), {
      aggs: {
        h: { date_histogram: { field: 'ts', fixed_interval: '12h', format: 'yyyy-MM-dd HH', min_doc_count: 1 } },
        k: { date_histogram: { field: 'ts', calendar_interval: '1M', keyed: true } },
      },
    });
    expect((r.h.buckets as B[]).map((b) => [b.key_as_string, b.doc_count])).toEqual([
      ['2026-01-01 00', 2],
      ['2026-01-03 00', 1],
      ['2026-01-05 12', 1],
    ]);
    expect(r.k.buckets).toEqual({ '2026-01-01T00:00:00.000Z': { key_as_string: '2026-01-01T00:00:00.000Z', key: Date.parse('2026-01-01T00:00:00Z'), doc_count: 4 } });
  });

  it('time_zone shifts buckets; keys stay UTC ms and strings are local', () => {
    const r = aggs(view(), { aggs: { h: { date_histogram: { field: 'ts', calendar_interval: 'day', time_zone: '-01:00', min_doc_count: 1 } } } });
    const b = r.h.buckets as B[];
    expect(b[0]).toEqual({ key_as_string: '2026-01-01T00:00:00.000-01:00', key: Date.parse('2026-01-01T01:00:00Z'), doc_count: 2 });
    // doc 3's values (00:00Z and 05:00Z on Jan 3) fall on two local days
    expect(b.map((x) => x.key_as_string)).toEqual(['2026-01-01T00:00:00.000-01:00', '2026-01-02T00:00:00.000-01:00', '2026-01-03T00:00:00.000-01:00', '2026-01-05T00:00:00.000-01:00']);
  });

  it('offset, extended_bounds and hard_bounds', () => {
    const r = aggs(view(), {
      aggs: {
        off: { date_histogram: { field: 'ts', calendar_interval: 'day', offset: '+11h', min_doc_count: 1 } },
        ext: { date_histogram: { field: 'ts', calendar_interval: 'day', extended_bounds: { min: '2025-12-30', max: '2026-01-06' } } },
        hard: { date_histogram: { field: 'ts', calendar_interval: 'day', hard_bounds: { min: '2026-01-02', max: '2026-01-04' } } },
      },
    });
    expect((r.off.buckets as B[]).map((b) => [b.key_as_string, b.doc_count])).toEqual([
      ['2025-12-31T11:00:00.000Z', 1],
      ['2026-01-01T11:00:00.000Z', 1],
      ['2026-01-02T11:00:00.000Z', 1],
      ['2026-01-05T11:00:00.000Z', 1],
    ]);
    expect((r.ext.buckets as B[]).length).toBe(8);
    expect((r.hard.buckets as B[]).map((b) => [b.key_as_string, b.doc_count])).toEqual([['2026-01-03T00:00:00.000Z', 1]]);
  });

  it('nests sub-aggregations per bucket and renders stats on dates', () => {
    const r = aggs(view(), {
      aggs: {
        h: { date_histogram: { field: 'ts', calendar_interval: 'month' }, aggs: { u: { terms: { field: 'user' } }, n: { sum: { field: 'n' } } } },
        s: { stats: { field: 'ts' } },
      },
    });
    const bucket = (r.h.buckets as Record<string, unknown>[])[0];
    expect(bucket.doc_count).toBe(4);
    expect(bucket.n).toEqual({ value: 13 });
    expect((bucket.u as { buckets: { key: string }[] }).buckets.map((b) => b.key)).toEqual(['kimchy', 'alice', 'bob']);
    expect(r.s).toMatchObject({ count: 5, min_as_string: '2026-01-01T10:00:00.000Z', max_as_string: '2026-01-05T23:30:00.000Z' });
  });

  it('rejects bad intervals', () => {
    expect(errorOf(() => aggs(view(), { aggs: { h: { date_histogram: { field: 'ts', calendar_interval: '2d' } } } })).reason).toBe(
      'The supplied interval [2d] could not be parsed as a calendar interval.',
    );
  });
});

describe('filter, filters, top_hits, meta, typed_keys, errors', () => {
  const { view } = indexFixture(DOCS, { mappings: MAPPINGS });

  it('filter and filters (named, anonymous, other bucket)', () => {
    const r = aggs(view(), {
      aggs: {
        f: { filter: { term: { user: 'kimchy' } }, aggs: { s: { sum: { field: 'n' } } } },
        named: { filters: { filters: { k: { term: { user: 'kimchy' } }, a: { term: { user: 'alice' } } }, other_bucket_key: 'rest' } },
        anon: { filters: { filters: [{ term: { user: 'bob' } }, { exists: { field: 'ip' } }] } },
      },
    });
    expect(r.f).toEqual({ doc_count: 3, s: { value: 13 } });
    expect(r.named).toEqual({ buckets: { a: { doc_count: 1 }, k: { doc_count: 3 }, rest: { doc_count: 1 } } });
    expect(r.anon).toEqual({ buckets: [{ doc_count: 1 }, { doc_count: 3 }] });
  });

  it('top_hits per bucket with sort and _source filtering', () => {
    const r = aggs(view(), {
      aggs: {
        users: {
          terms: { field: 'user', size: 1 },
          aggs: { top: { top_hits: { size: 2, sort: [{ n: 'desc' }], _source: ['n'] } } },
        },
      },
    });
    const bucket = (r.users.buckets as Record<string, Record<string, unknown>>[])[0];
    expect(bucket.top).toEqual({
      hits: {
        total: { value: 3, relation: 'eq' },
        max_score: null,
        hits: [
          { _index: 'test', _id: '3', _score: null, _source: { n: [3, 3, 4] }, sort: [4] },
          { _index: 'test', _id: '2', _score: null, _source: { n: 2 }, sort: [2] },
        ],
      },
    });
  });

  it('top_hits scores follow the query (golden)', () => {
    const texts = indexFixture([{ text: 'the quick brown fox' }, { text: 'jumped over the lazy dog' }, { text: 'The vorpal blade went snicker-snack!' }]);
    const r = aggs(texts.view(), { query: { match: { text: 'the' } }, aggs: { top: { top_hits: {} } } });
    const hits = (r.top.hits as { hits: { _score: number }[]; max_score: number }).hits;
    expect(hits.map((h) => h._score)).toEqual([0.14543022, 0.13353139, 0.12343238]);
  });

  it('echoes meta and applies typed_keys prefixes recursively', () => {
    const r = aggs(
      view(),
      {
        aggs: {
          users: { meta: { color: 'blue' }, terms: { field: 'user', size: 1 }, aggs: { c: { cardinality: { field: 'n' } } } },
          nums: { terms: { field: 'n', size: 1 } },
          hist: { date_histogram: { field: 'ts', calendar_interval: 'year' } },
        },
      },
      { ...opts, typedKeys: true },
    );
    expect(Object.keys(r)).toEqual(['sterms#users', 'lterms#nums', 'date_histogram#hist']);
    expect(r['sterms#users'].meta).toEqual({ color: 'blue' });
    expect((r['sterms#users'].buckets as Record<string, unknown>[])[0]['cardinality#c']).toEqual({ value: 4 });
  });

  it('parse errors: sub-aggs on metrics, unknown and unsupported types', () => {
    const sub = errorOf(() => aggs(view(), { aggs: { m: { max: { field: 'n' }, aggs: { x: { min: { field: 'n' } } } } } }));
    expect(sub.status).toBe(400);
    expect(sub.reason).toBe('Aggregator [m] of type [max] cannot accept sub-aggregations');
    expect(errorOf(() => aggs(view(), { aggs: { m: { foo: {} } } })).reason).toBe('Unknown aggregation type [foo]');
    expect(errorOf(() => aggs(view(), { aggs: { d: { cardinality: { field: 'n', precision_threshold: -1 } } } })).reason).toBe(
      '[precisionThreshold] must be greater than or equal to 0. Found [-1] in [d]',
    );
    expect(errorOf(() => aggs(view(), { aggs: { f: { filters: { filters: [] } } } })).reason).toBe('[filters] cannot be empty.');
    expect(errorOf(() => aggs(view(), { aggs: { m: { percentiles: { field: 'n' } } } })).meta.embedded_unsupported).toBe('other');
    expect(errorOf(() => aggs(view(), { aggs: { m: { scripted_metric: {} } } })).meta.embedded_unsupported).toBe('script');
    expect(errorOf(() => aggs(view(), { aggs: { m: { nested: { path: 'x' } } } })).meta.embedded_unsupported).toBe('nested');
  });

  it('top_hits result window is per index', () => {
    const e = errorOf(() => aggs(view(), { aggs: { t: { top_hits: { size: 101 } } } }));
    expect(e.rootCauses()[0].reason).toContain("Top hits result window is too large, the top hits aggregator [t]'s from + size must be less than or equal to: [100] but was [101].");
  });
});

describe('postings fast path equals the per-document path', () => {
  it('for terms and cardinality, with deletions and partial batches', () => {
    const docs = Array.from({ length: 200 }, (_, i) => ({ k: i % 9 === 0 ? [`v${i % 7}`, `w${i % 3}`] : `v${i % 13}`, n: i }));
    const f = indexFixture(docs, { mappings: { properties: { k: { type: 'keyword' }, n: { type: 'long' } } } });
    for (let i = 1; i <= 200; i += 6) f.shard.deleteDoc(String(i));
    f.shard.refresh();
    for (const query of [undefined, { range: { n: { gte: 30 } } }, { range: { n: { lt: 10 } } }]) {
      const r = aggs(f.view(), {
        ...(query ? { query } : {}),
        aggs: {
          fast: { terms: { field: 'k', size: 100 } },
          slow: { terms: { field: 'k', size: 100, missing: '__none__' } },
          cfast: { cardinality: { field: 'k' } },
          cslow: { cardinality: { field: 'k', missing: '__none__' } },
        },
      });
      expect(r.fast.buckets).toEqual(r.slow.buckets);
      expect(r.cfast).toEqual(r.cslow);
    }
  });
});
