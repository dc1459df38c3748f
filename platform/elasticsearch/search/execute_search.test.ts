import type { SearchView } from '../search_view';
import { executeCount, executeSearch, matchingDocs, NARROWING, type SearchOptions, type SearchTarget } from './execute_search';
import { errorOf, indexFixture } from '../test_support';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const opts: SearchOptions = { now: NOW };

interface Hits {
  total?: unknown;
  max_score: number | null;
  hits: Record<string, unknown>[];
}

function hitsOf(r: Record<string, unknown>): Hits {
  return r.hits as Hits;
}

function idsOf(r: Record<string, unknown>): unknown[] {
  return hitsOf(r).hits.map((h) => h._id);
}

const MAPPINGS = {
  properties: {
    name: { type: 'keyword' },
    n: { type: 'long' },
    f: { type: 'float' },
    when: { type: 'date', format: 'yyyy-MM-dd HH:mm:ss||epoch_millis' },
    msg: { type: 'text' },
    ok: { type: 'boolean' },
  },
};

function people(name = 'people'): { view: () => SearchView } {
  return indexFixture(
    [
      { name: 'carol', n: 3, f: 1.1, when: '2026-01-03 00:00:00', msg: 'hello world', ok: true },
      { name: 'alice', n: [1, 9], f: 2.2, when: '2026-01-01 00:00:00', msg: 'hello', ok: false },
      { name: 'bob', n: 5, msg: 'world' },
      { name: 'dave', n: 5, when: '2026-01-02 00:00:00', msg: 'other' },
    ],
    { name, mappings: MAPPINGS },
  );
}

describe('body validation and limits', () => {
  const { view } = people();
  const t = (): SearchTarget[] => [{ view: view() }];

  it('rejects unknown keys with the token type', () => {
    expect(errorOf(() => executeSearch(t(), { foo: {} }, opts)).reason).toBe('Unknown key for a START_OBJECT in [foo].');
    expect(errorOf(() => executeSearch(t(), { foo: 1 }, opts)).reason).toBe('Unknown key for a VALUE_NUMBER in [foo].');
    expect(errorOf(() => executeSearch(t(), { foo: 1 }, opts)).type).toBe('parsing_exception');
  });

  it('rejects §11 features', () => {
    expect(errorOf(() => executeSearch(t(), { highlight: { fields: {} } }, opts)).meta.embedded_unsupported).toBe('other');
    expect(errorOf(() => executeSearch(t(), { runtime_mappings: {} }, opts)).meta.embedded_unsupported).toBe('runtime_mappings');
    expect(errorOf(() => executeSearch(t(), { script_fields: {} }, opts)).meta.embedded_unsupported).toBe('script');
    expect(errorOf(() => executeSearch(t(), { knn: {} }, opts)).meta.embedded_unsupported).toBe('knn');
    expect(errorOf(() => executeSearch(t(), { sort: [{ _script: {} }] }, opts)).meta.embedded_unsupported).toBe('script');
    expect(executeSearch(t(), { profile: false }, opts)).toBeDefined();
  });

  it('checks from, size and the result window', () => {
    expect(errorOf(() => executeSearch(t(), { from: -1 }, opts)).reason).toContain('[from] parameter cannot be negative');
    const e = errorOf(() => executeSearch(t(), { from: 10000, size: 10 }, opts));
    expect(e.type).toBe('search_phase_execution_exception');
    expect(e.status).toBe(400);
    expect(e.rootCauses()[0].reason).toBe(
      'Result window is too large, from + size must be less than or equal to: [10000] but was [10010]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.',
    );
  });

  it('applies from and size', () => {
    const r = executeSearch(t(), { sort: ['name'], from: 1, size: 2 }, opts);
    expect(idsOf(r)).toEqual(['3', '1']);
  });
});

describe('hits.total', () => {
  const { view } = people();
  const t = (): SearchTarget[] => [{ view: view() }];

  it('defaults to an accurate count up to 10000', () => {
    expect(hitsOf(executeSearch(t(), {}, opts)).total).toEqual({ value: 4, relation: 'eq' });
  });

  it('honours integers, true and false', () => {
    expect(hitsOf(executeSearch(t(), { track_total_hits: 2 }, opts)).total).toEqual({ value: 2, relation: 'gte' });
    expect(hitsOf(executeSearch(t(), { track_total_hits: 4 }, opts)).total).toEqual({ value: 4, relation: 'eq' });
    expect(hitsOf(executeSearch(t(), { track_total_hits: true }, opts)).total).toEqual({ value: 4, relation: 'eq' });
    expect('total' in hitsOf(executeSearch(t(), { track_total_hits: false }, opts))).toBe(false);
  });

  it('rest_total_hits_as_int prints a number and refuses inexact tracking', () => {
    const asInt = { ...opts, restTotalHitsAsInt: true };
    expect(hitsOf(executeSearch(t(), {}, asInt)).total).toBe(4);
    expect(hitsOf(executeSearch(t(), { track_total_hits: false }, asInt)).total).toBe(-1);
    expect(errorOf(() => executeSearch(t(), { track_total_hits: 100 }, asInt)).reason).toBe(
      '[rest_total_hits_as_int] cannot be used if the tracking of total hits is not accurate, got 100',
    );
  });
});

describe('sort', () => {
  const { view } = people();
  const t = (): SearchTarget[] => [{ view: view() }];

  it('sorts by keyword, by number with min/max on multi-values, and prints sort values', () => {
    const r = executeSearch(t(), { sort: [{ n: 'asc' }, 'name'] }, opts);
    expect(idsOf(r)).toEqual(['2', '1', '3', '4']);
    expect(hitsOf(r).hits.map((h) => h.sort)).toEqual([[1, 'alice'], [3, 'carol'], [5, 'bob'], [5, 'dave']]);
    expect(hitsOf(r).max_score).toBeNull();
    expect(hitsOf(r).hits[0]._score).toBeNull();
    const desc = executeSearch(t(), { sort: [{ n: { order: 'desc' } }, { name: 'desc' }] }, opts);
    expect(idsOf(desc)).toEqual(['2', '4', '3', '1']);
    expect(hitsOf(desc).hits[0].sort).toEqual([9, 'alice']);
  });

  it('puts missing values last (or first) with their sentinels', () => {
    const r = executeSearch(t(), { sort: [{ when: 'asc' }] }, opts);
    expect(idsOf(r)).toEqual(['2', '4', '1', '3']);
    expect(hitsOf(r).hits[3].sort).toEqual([9223372036854775807]);
    const first = executeSearch(t(), { sort: [{ when: { order: 'desc', missing: '_first' } }] }, opts);
    expect(idsOf(first)).toEqual(['3', '1', '4', '2']);
    const kw = executeSearch(t(), { sort: [{ f: { order: 'asc' } }] }, opts);
    expect(hitsOf(kw).hits.map((h) => h.sort)).toEqual([[1.1], [2.2], ['Infinity'], ['Infinity']]);
    const custom = executeSearch(t(), { sort: [{ f: { order: 'asc', missing: 0 } }, 'name'] }, opts);
    expect(idsOf(custom)).toEqual(['3', '4', '1', '2']);
  });

  it('uses Integer.MAX_VALUE for missing integer values and Long.MAX_VALUE for longs, across indices', () => {
    const ints = indexFixture([{ a: 1 }, {}], { name: 'ints', mappings: { properties: { a: { type: 'integer' } } } });
    const longs = indexFixture([{ a: 2 }, {}], { name: 'longs', mappings: { properties: { a: { type: 'long' } } } });
    const r = executeSearch([{ view: longs.view() }, { view: ints.view() }], { sort: [{ a: 'asc' }] }, opts);
    expect(hitsOf(r).hits.map((h) => [h._index, h.sort])).toEqual([
      ['ints', [1]],
      ['longs', [2]],
      ['ints', [2147483647]],
      ['longs', [9223372036854775807]],
    ]);
    const after = executeSearch([{ view: longs.view() }, { view: ints.view() }], { sort: [{ a: 'asc' }], search_after: [2] }, opts);
    expect(idsOf(after)).toEqual(['2', '2']);
  });

  it('formats dates and prints null for missing formatted dates', () => {
    const r = executeSearch(t(), { sort: [{ when: { order: 'asc', format: 'strict_date_optional_time' } }] }, opts);
    expect(hitsOf(r).hits.map((h) => h.sort)).toEqual([['2026-01-01T00:00:00.000Z'], ['2026-01-02T00:00:00.000Z'], ['2026-01-03T00:00:00.000Z'], [null]]);
  });

  it('sorts booleans as 0/1 and keeps _score when tracked', () => {
    const r = executeSearch(t(), { query: { match: { msg: 'hello' } }, sort: [{ ok: 'desc' }], track_scores: true }, opts);
    expect(idsOf(r)).toEqual(['1', '2']);
    expect(hitsOf(r).hits[0].sort).toEqual([1]);
    expect(typeof hitsOf(r).hits[0]._score).toBe('number');
    expect(typeof hitsOf(r).max_score).toBe('number');
  });

  it('an explicit _score sort prints sort values and pages with search_after', () => {
    const body = { query: { match: { msg: 'hello world' } }, sort: ['_score', { _doc: 'asc' }], size: 1 };
    const first = hitsOf(executeSearch(t(), body, opts)).hits[0];
    // _score among other sort keys: the sort value carries it, the hit's _score needs track_scores
    expect(first._score).toBeNull();
    expect(typeof (first.sort as unknown[])[0]).toBe('number');
    const second = hitsOf(executeSearch(t(), { ...body, search_after: first.sort }, opts)).hits[0];
    expect(second._id).not.toBe(first._id);
    const onlyScore = hitsOf(executeSearch(t(), { query: { match: { msg: 'hello world' } }, sort: ['_score'] }, opts)).hits;
    expect(onlyScore[0].sort).toEqual([onlyScore[0]._score]);
  });

  it('supports _score and _doc', () => {
    const r = executeSearch(t(), { query: { match: { msg: 'hello world' } }, sort: ['_score', { _doc: 'desc' }] }, opts);
    expect(idsOf(r)[0]).toBe('1');
    expect(idsOf(executeSearch(t(), { sort: [{ _doc: 'desc' }] }, opts))).toEqual(['4', '3', '2', '1']);
  });

  it('reports text, _id and unmapped sorts per index', () => {
    const text = errorOf(() => executeSearch(t(), { sort: ['msg'] }, opts));
    expect(text.type).toBe('search_phase_execution_exception');
    expect(text.rootCauses()[0].reason).toContain('Text fields are not optimised for operations that require per-document field data');
    expect(errorOf(() => executeSearch(t(), { sort: ['_id'] }, opts)).rootCauses()[0].reason).toContain('Fielddata access on the _id field is disallowed');
    const unmapped = errorOf(() => executeSearch(t(), { sort: ['nope'] }, opts));
    expect(unmapped.rootCauses()[0]).toMatchObject({ type: 'query_shard_exception', reason: 'No mapping found for [nope] in order to sort on', index: 'people' });
    const ok = executeSearch(t(), { sort: [{ nope: { unmapped_type: 'long' } }, 'name'] }, opts);
    expect(idsOf(ok)).toEqual(['2', '3', '1', '4']);
  });
});

describe('search_after', () => {
  const { view } = people();
  const t = (): SearchTarget[] => [{ view: view() }];

  it('pages strictly after the given sort values', () => {
    const first = executeSearch(t(), { size: 2, sort: [{ n: 'asc' }, { name: 'asc' }] }, opts);
    const last = hitsOf(first).hits[1].sort as unknown[];
    const next = executeSearch(t(), { size: 2, sort: [{ n: 'asc' }, { name: 'asc' }], search_after: last }, opts);
    expect(idsOf(next)).toEqual(['3', '4']);
    expect(hitsOf(next).total).toEqual({ value: 4, relation: 'eq' });
  });

  it('accepts formatted dates', () => {
    const r = executeSearch(t(), { sort: [{ when: 'asc' }], search_after: ['2026-01-02 00:00:00'] }, opts);
    expect(idsOf(r)).toEqual(['1', '3']);
  });

  it('validates length and from', () => {
    expect(errorOf(() => executeSearch(t(), { sort: ['n'], search_after: [1, 2] }, opts)).reason).toBe('search_after has 2 value(s) but sort has 1.');
    expect(errorOf(() => executeSearch(t(), { from: 1, sort: ['n'], search_after: [1] }, opts)).type).toBe('action_request_validation_exception');
  });
});

describe('hit contents', () => {
  const { view } = people();
  const t = (): SearchTarget[] => [{ view: view() }];

  it('filters _source and adds version and seq_no_primary_term', () => {
    const r = executeSearch(t(), { query: { ids: { values: ['1'] } }, _source: ['name'], version: true, seq_no_primary_term: true }, opts);
    expect(hitsOf(r).hits[0]).toEqual({ _index: 'people', _id: '1', _version: 1, _seq_no: 0, _primary_term: 1, _score: 1, _source: { name: 'carol' } });
    const none = executeSearch(t(), { query: { ids: { values: ['1'] } }, _source: false }, opts);
    expect('_source' in hitsOf(none).hits[0]).toBe(false);
    const stored = executeSearch(t(), { query: { ids: { values: ['1'] } }, stored_fields: '_none_' }, opts);
    expect(hitsOf(stored).hits[0]).toEqual({ _index: 'people', _score: 1 });
  });

  it('stored_fields drop _source unless _source is listed; docvalue_fields with a format', () => {
    const q = { ids: { values: ['1'] } };
    expect('_source' in hitsOf(executeSearch(t(), { query: q, stored_fields: ['name'] }, opts)).hits[0]).toBe(false);
    expect(hitsOf(executeSearch(t(), { query: q, stored_fields: ['name', '_source'] }, opts)).hits[0]._source).toMatchObject({ name: 'carol' });
    expect(hitsOf(executeSearch(t(), { query: q, docvalue_fields: [{ field: 'n', format: '#.0' }] }, opts)).hits[0].fields).toEqual({ n: ['3.0'] });
  });

  it('returns fields formatted per mapping', () => {
    const r = executeSearch(t(), { query: { ids: { values: ['1'] } }, fields: ['name', 'n', { field: 'when', format: 'epoch_millis' }, 'f'], _source: false }, opts);
    expect(hitsOf(r).hits[0].fields).toEqual({ name: ['carol'], n: [3], when: [String(Date.parse('2026-01-03T00:00:00Z'))], f: [1.1] });
  });

  it('applies min_score, post_filter and terminate_after', () => {
    const scored = executeSearch(t(), { query: { match: { msg: 'hello world' } }, min_score: 0.5 }, opts);
    for (const h of hitsOf(scored).hits) expect(Number(h._score)).toBeGreaterThanOrEqual(0.5);
    const post = executeSearch(t(), { post_filter: { term: { name: 'bob' } }, aggs: { c: { value_count: { field: 'name' } } } }, opts);
    expect(idsOf(post)).toEqual(['3']);
    expect((post.aggregations as Record<string, { value: number }>).c.value).toBe(4);
    const term = executeSearch(t(), { terminate_after: 2 }, opts);
    expect(term.terminated_early).toBe(true);
    expect(hitsOf(term).total).toEqual({ value: 2, relation: 'eq' });
  });

  it('lists matched_queries for named clauses', () => {
    const r = executeSearch(
      t(),
      { query: { bool: { should: [{ term: { name: { value: 'bob', _name: 'is_bob' } } }, { range: { n: { gte: 5, _name: 'big' } } }], _name: 'outer' } }, sort: ['name'] },
      opts,
    );
    expect(hitsOf(r).hits.map((h) => [h._id, h.matched_queries])).toEqual([
      ['2', ['outer', 'big']],
      ['3', ['outer', 'is_bob', 'big']],
      ['4', ['outer', 'big']],
    ]);
  });

  it('returns max_score null for size 0', () => {
    expect(hitsOf(executeSearch(t(), { size: 0 }, opts)).max_score).toBeNull();
  });
});

describe('multiple targets, aliases and shard failures', () => {
  it('merges hits across indices, ties by index name then doc order', () => {
    const a = people('b_index');
    const b = people('a_index');
    const r = executeSearch([{ view: a.view() }, { view: b.view() }], { size: 3 }, opts);
    expect(hitsOf(r).hits.map((h) => [h._index, h._id])).toEqual([
      ['a_index', '1'],
      ['a_index', '2'],
      ['a_index', '3'],
    ]);
    expect(r._shards).toEqual({ total: 2, successful: 2, skipped: 0, failed: 0 });
    expect(hitsOf(r).total).toEqual({ value: 8, relation: 'eq' });
  });

  it('applies alias filters (OR-ed) per target', () => {
    const { view } = people();
    const r = executeSearch([{ view: view(), aliasFilters: [{ term: { name: 'bob' } }, { term: { name: 'dave' } }] }], {}, opts);
    expect(idsOf(r)).toEqual(['3', '4']);
    expect(matchingDocs({ view: view(), aliasFilters: [{ term: { name: 'bob' } }] }, { match_all: {} }, NOW)).toHaveLength(1);
  });

  it('reports a partial failure with 200 and all failures as search_phase_execution_exception', () => {
    const good = indexFixture([{ x: 1 }], { name: 'good', mappings: { properties: { x: { type: 'keyword' } } } });
    const bad = indexFixture([{ x: 1 }], { name: 'bad', mappings: { properties: { x: { type: 'long' } } } });
    const r = executeSearch([{ view: good.view() }, { view: bad.view() }], { query: { term: { x: 'abc' } } }, opts);
    const shards = r._shards as { failed: number; failures: { index: string; shard: number; reason: { type: string } }[] };
    expect(shards.failed).toBe(1);
    expect(shards.failures[0]).toMatchObject({ shard: 0, index: 'bad', reason: { type: 'query_shard_exception' } });
    const e = errorOf(() => executeSearch([{ view: bad.view() }], { query: { term: { x: 'abc' } } }, opts));
    const body = e.toBody();
    expect(body.status).toBe(400);
    expect(body.error).toMatchObject({ type: 'search_phase_execution_exception', reason: 'all shards failed', phase: 'query', grouped: true });
    expect((body.error.root_cause as { type: string }[])[0].type).toBe('query_shard_exception');
  });

  it('answers an empty target list', () => {
    const r = executeSearch([], {}, opts);
    expect(r._shards).toEqual({ total: 0, successful: 0, skipped: 0, failed: 0 });
    expect(hitsOf(r).hits).toEqual([]);
  });
});

describe('count and matchingDocs', () => {
  const { view, shard } = (() => {
    const f = indexFixture([{ a: 'x' }, { a: 'y' }, { a: 'x' }]);
    return f;
  })();

  it('counts matches and honours min_score', () => {
    expect(executeCount([{ view: view() }], { query: { term: { 'a.keyword': 'x' } } }, opts)).toEqual({ count: 2, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } });
    expect(executeCount([{ view: view() }], undefined, opts).count).toBe(3);
    expect(executeCount([{ view: view() }], { query: { match_all: {} }, min_score: 2 }, opts).count).toBe(0);
    expect(errorOf(() => executeCount([{ view: view() }], { size: 1 }, opts)).type).toBe('parsing_exception');
  });

  it('skips deleted documents', () => {
    shard.deleteDoc('1');
    shard.refresh();
    expect(matchingDocs({ view: view() }, { term: { 'a.keyword': 'x' } }, NOW).map((d) => view().id(d))).toEqual(['3']);
    expect(executeCount([{ view: view() }], {}, opts).count).toBe(2);
  });
});

describe('top-k narrowing on large result sets', () => {
  // 400 docs: keyword and number sort keys with ties, missing values and multi-values
  const docs = Array.from({ length: 400 }, (_, i) => {
    const d: Record<string, unknown> = {};
    if (i % 7 !== 0) d.k = `k${String((i * 37) % 50).padStart(2, '0')}`;
    if (i % 11 === 0) d.k = [`k${String(i % 13).padStart(2, '0')}`, 'k99'];
    if (i % 5 !== 0) d.n = (i * 53) % 97;
    if (i % 17 === 0) d.n = [i % 3, 500 + (i % 5)];
    return d;
  });
  const { view } = indexFixture(docs, { mappings: { properties: { k: { type: 'keyword' }, n: { type: 'long' } } } });

  /** Reference order: full sort of every doc with the same comparator, no narrowing possible (size = all). */
  function reference(sort: unknown[], searchAfter?: unknown[]): unknown[] {
    const all = executeSearch([{ view: view() }], { size: 400, sort }, opts);
    const sorted = hitsOf(all).hits;
    if (!searchAfter) return sorted.map((h) => h._id);
    const start = sorted.findIndex((h) => JSON.stringify(h.sort) === JSON.stringify(searchAfter));
    return sorted.slice(start + 1).map((h) => h._id);
  }

  afterEach(() => {
    NARROWING.computedKeysLimit = 65536;
  });

  it.each([[0], [65536]])('numeric narrowing (computed-keys limit %d) matches a full sort', (limit) => {
    NARROWING.computedKeysLimit = limit;
    for (const sort of [[{ n: 'asc' }, { _doc: 'asc' }], [{ n: 'desc' }, { _doc: 'asc' }]]) {
      const ref = reference(sort);
      const top = hitsOf(executeSearch([{ view: view() }], { size: 7, sort }, opts)).hits;
      expect(top.map((h) => h._id)).toEqual(ref.slice(0, 7));
      const after = top[top.length - 1].sort as unknown[];
      const next = hitsOf(executeSearch([{ view: view() }], { size: 7, sort, search_after: after }, opts)).hits;
      expect(next.map((h) => h._id)).toEqual(reference(sort, after).slice(0, 7));
    }
  });

  it.each([
    [[{ k: 'asc' }, { n: 'asc' }, { _doc: 'asc' }]],
    [[{ k: 'desc' }, { _doc: 'asc' }]],
    [[{ n: 'asc' }, { _doc: 'asc' }]],
    [[{ n: 'desc' }, { k: 'asc' }, { _doc: 'desc' }]],
  ])('gives the same top hits as a full sort for %j', (sort) => {
    const ref = reference(sort);
    const top = hitsOf(executeSearch([{ view: view() }], { size: 10, sort }, opts)).hits;
    expect(top.map((h) => h._id)).toEqual(ref.slice(0, 10));
    let after = top[top.length - 1].sort as unknown[];
    for (let page = 0; page < 5; page++) {
      const next = hitsOf(executeSearch([{ view: view() }], { size: 10, sort, search_after: after }, opts)).hits;
      expect(next.map((h) => h._id)).toEqual(reference(sort, after).slice(0, 10));
      if (next.length === 0) break;
      after = next[next.length - 1].sort as unknown[];
    }
  });

  it('pages into documents without a value', () => {
    const sort = [{ k: 'asc' }, { _doc: 'asc' }];
    const ref = reference(sort);
    const lastValued = hitsOf(executeSearch([{ view: view() }], { size: 400, sort }, opts)).hits.filter((h) => (h.sort as unknown[])[0] === null);
    const firstMissing = lastValued[0];
    const after = firstMissing.sort as unknown[];
    const page = hitsOf(executeSearch([{ view: view() }], { size: 5, sort, search_after: after }, opts)).hits;
    expect(page.map((h) => h._id)).toEqual(ref.slice(ref.indexOf(firstMissing._id) + 1, ref.indexOf(firstMissing._id) + 6));
  });
});
