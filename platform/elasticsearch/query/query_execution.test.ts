import { EsError } from '../errors';
import { executeSearch } from '../search';
import type { SearchView } from '../search_view';
import { errorOf, indexFixture } from '../test_support';

const NOW = Date.parse('2026-03-15T12:00:00Z');

interface Hit {
  _id: string;
  _score: number | null;
}

function search(view: SearchView, body: Record<string, unknown>): Record<string, unknown> {
  return executeSearch([{ view }], body, { now: NOW });
}

function hitsOf(view: SearchView, query: unknown, extra: Record<string, unknown> = {}): Hit[] {
  const r = search(view, { query, size: 100, ...extra });
  return (r.hits as { hits: Hit[] }).hits;
}

function ids(view: SearchView, query: unknown): string[] {
  return hitsOf(view, query)
    .map((h) => h._id)
    .sort();
}

describe('full text scoring (golden)', () => {
  const { view } = indexFixture([{ text: 'the quick brown fox' }, { text: 'jumped over the lazy dog' }, { text: 'The vorpal blade went snicker-snack!' }]);

  it('match "the" gives the Elasticsearch scores', () => {
    const hits = hitsOf(view(), { match: { text: 'the' } });
    expect(hits.map((h) => h._id)).toEqual(['1', '2', '3']);
    expect(hits[0]._score).toBeCloseTo(0.14543022, 6);
    expect(hits[1]._score).toBeCloseTo(0.13353139, 6);
    expect(hits[2]._score).toBeCloseTo(0.12343238, 6);
  });

  it('prints scores as shortest float32 decimals', () => {
    const hits = hitsOf(view(), { match: { text: 'the' } });
    expect(JSON.stringify(hits[0]._score)).toBe('0.14543022');
  });

  it('term on text is not analyzed', () => {
    expect(ids(view(), { term: { text: 'The' } })).toEqual([]);
    expect(ids(view(), { term: { text: 'the' } })).toEqual(['1', '2', '3']);
  });

  it('boost multiplies into the weight', () => {
    const plain = hitsOf(view(), { match: { text: 'fox' } })[0]._score ?? 0;
    const boosted = hitsOf(view(), { match: { text: { query: 'fox', boost: 2 } } })[0]._score ?? 0;
    expect(boosted).toBeCloseTo(plain * 2, 5);
  });
});

describe('term-level queries', () => {
  const { view } = indexFixture(
    [
      { tag: 'Alpha', n: 5, price: 1.5, when: '2026-01-01T10:00:00Z', ok: true, ip: '10.1.2.3', obj: { inner: 'x' } },
      { tag: 'beta', n: 10, price: 2.5, when: '2026-01-02T00:00:00Z', ok: false, ip: '192.168.0.1' },
      { tag: ['gamma', 'alpha'], n: [1, 20], when: '2025-12-31T23:59:59.999Z', ip: '2001:db8::1' },
      { other: 'no fields here', empty: '' },
    ],
    {
      mappings: {
        properties: {
          tag: { type: 'keyword' },
          n: { type: 'long' },
          price: { type: 'double' },
          when: { type: 'date' },
          ok: { type: 'boolean' },
          ip: { type: 'ip' },
          obj: { properties: { inner: { type: 'keyword' } } },
          other: { type: 'text' },
          empty: { type: 'keyword' },
        },
      },
    },
  );

  it('term: keyword as given, case_insensitive, numbers, dates, booleans, ips', () => {
    expect(ids(view(), { term: { tag: 'alpha' } })).toEqual(['3']);
    expect(ids(view(), { term: { tag: { value: 'ALPHA', case_insensitive: true } } })).toEqual(['1', '3']);
    expect(ids(view(), { term: { n: '10' } })).toEqual(['2']);
    expect(ids(view(), { term: { n: 20 } })).toEqual(['3']);
    expect(ids(view(), { term: { n: 1.5 } })).toEqual([]);
    expect(ids(view(), { term: { price: 2.5 } })).toEqual(['2']);
    expect(ids(view(), { term: { when: '2026-01-02T00:00:00Z' } })).toEqual(['2']);
    expect(ids(view(), { term: { ok: 'false' } })).toEqual(['2']);
    expect(ids(view(), { term: { ok: true } })).toEqual(['1']);
    expect(ids(view(), { term: { ip: '192.168.0.1' } })).toEqual(['2']);
    expect(ids(view(), { term: { ip: '10.0.0.0/8' } })).toEqual(['1']);
    expect(ids(view(), { term: { ip: '2001:db8::/32' } })).toEqual(['3']);
    expect(ids(view(), { term: { missing_field: 'x' } })).toEqual([]);
  });

  it('term scores keyword with BM25 and numbers with a constant', () => {
    const kw = hitsOf(view(), { term: { tag: 'beta' } })[0]._score ?? 0;
    expect(kw).toBeGreaterThan(0);
    expect(kw).not.toBe(1);
    expect(hitsOf(view(), { term: { n: 10 } })[0]._score).toBe(1);
  });

  it('type mismatches are per-index query_shard_exceptions', () => {
    const e = errorOf(() => search(view(), { query: { term: { n: 'abc' } } }));
    expect(e.type).toBe('search_phase_execution_exception');
    expect(e.status).toBe(400);
    const root = e.rootCauses()[0];
    expect(root.type).toBe('query_shard_exception');
    expect(root.reason).toBe('failed to create query: For input string: "abc"');
    expect(root.index).toBe('test');
    const body = e.toBody();
    expect(JSON.stringify(body)).toContain('number_format_exception');
    expect(errorOf(() => search(view(), { query: { term: { ip: 'not-an-ip' } } })).rootCauses()[0].reason).toContain("'not-an-ip' is not an IP string literal.");
    expect(errorOf(() => search(view(), { query: { term: { ok: 'maybe' } } })).rootCauses()[0].reason).toContain("Can't parse boolean value [maybe]");
  });

  it('terms with mixed values and max_terms_count', () => {
    expect(ids(view(), { terms: { tag: ['beta', 'gamma', 'nope'] } })).toEqual(['2', '3']);
    expect(ids(view(), { terms: { n: [5, '20'] } })).toEqual(['1', '3']);
    expect(ids(view(), { terms: { ip: ['10.1.2.3', '2001:db8::/48'] } })).toEqual(['1', '3']);
    const { view: small } = indexFixture([{ k: 'a' }], { settings: { maxTermsCount: 2 } });
    const e = errorOf(() => search(small(), { query: { terms: { k: ['a', 'b', 'c'] } } }));
    expect(e.rootCauses()[0].reason).toBe(
      'failed to create query: The number of terms [3] used in the Terms Query request has exceeded the allowed maximum of [2]. This maximum can be set by changing the [index.max_terms_count] index level setting.',
    );
  });

  it('range on numbers, keywords and ips', () => {
    expect(ids(view(), { range: { n: { gt: 5 } } })).toEqual(['2', '3']);
    expect(ids(view(), { range: { n: { gte: 5, lt: 10 } } })).toEqual(['1']);
    expect(ids(view(), { range: { n: { gt: 4.5, lte: 5.5 } } })).toEqual(['1']);
    expect(ids(view(), { range: { n: { from: 1, to: 1 } } })).toEqual(['3']);
    expect(ids(view(), { range: { price: { gt: 1.5 } } })).toEqual(['2']);
    expect(ids(view(), { range: { tag: { gte: 'b', lt: 'gamma' } } })).toEqual(['2']);
    expect(ids(view(), { range: { ip: { gte: '10.0.0.0', lte: '10.255.255.255' } } })).toEqual(['1']);
    expect(ids(view(), { range: { n: { gte: 1e30 } } })).toEqual([]);
  });

  it('range on dates with math, rounding, format and time zone', () => {
    expect(ids(view(), { range: { when: { gte: '2026-01-01' } } })).toEqual(['1', '2']);
    // gt with rounding excludes the whole day; lte with rounding includes it
    expect(ids(view(), { range: { when: { gt: '2026-01-01||/d' } } })).toEqual(['2']);
    expect(ids(view(), { range: { when: { lte: '2026-01-01||/d' } } })).toEqual(['1', '3']);
    expect(ids(view(), { range: { when: { lt: '2026-01-01||/d' } } })).toEqual(['3']);
    expect(ids(view(), { range: { when: { gte: 'now-73d/d', lte: 'now' } } })).toEqual(['1', '2']);
    expect(ids(view(), { range: { when: { gte: '01/01/2026', format: 'dd/MM/yyyy' } } })).toEqual(['1', '2']);
    // 2026-01-01T00:00 in +01:00 is 2025-12-31T23:00Z
    expect(ids(view(), { range: { when: { gte: '2026-01-01T00:00:00', time_zone: '+01:00' } } })).toEqual(['1', '2', '3']);
  });

  it('exists on leaves and objects, and the _source error', () => {
    expect(ids(view(), { exists: { field: 'tag' } })).toEqual(['1', '2', '3']);
    expect(ids(view(), { exists: { field: 'empty' } })).toEqual(['4']);
    expect(ids(view(), { exists: { field: 'obj' } })).toEqual(['1']);
    expect(ids(view(), { exists: { field: 'nope' } })).toEqual([]);
    expect(ids(view(), { exists: { field: 'o*' } })).toEqual(['1', '2', '4']);
    const e = errorOf(() => search(view(), { query: { exists: { field: '_source' } } }));
    expect(e.rootCauses()[0].type).toBe('query_shard_exception');
  });

  it('exists on _routing finds routed docs', () => {
    const f = indexFixture([{ a: 1 }]);
    f.shard.indexDoc('routed', '{"a":2}', { routing: 'r1' });
    f.shard.refresh();
    expect(ids(f.view(), { exists: { field: '_routing' } })).toEqual(['routed']);
    expect(ids(f.view(), { exists: { field: '_seq_no' } })).toEqual(['1', 'routed']);
  });

  it('ids, prefix, wildcard', () => {
    expect(ids(view(), { ids: { values: ['2', '4', '99'] } })).toEqual(['2', '4']);
    expect(ids(view(), { term: { _id: '3' } })).toEqual(['3']);
    expect(ids(view(), { prefix: { tag: 'al' } })).toEqual(['3']);
    expect(ids(view(), { prefix: { tag: { value: 'AL', case_insensitive: true } } })).toEqual(['1', '3']);
    expect(ids(view(), { wildcard: { tag: '?eta' } })).toEqual(['2']);
    expect(ids(view(), { wildcard: { tag: { value: '*A', case_insensitive: true } } })).toEqual(['1', '2', '3']);
    expect(ids(view(), { wildcard: { tag: 'a\\*' } })).toEqual([]);
    const e = errorOf(() => search(view(), { query: { prefix: { n: '1' } } }));
    expect(e.rootCauses()[0].reason).toContain('Can only use prefix queries on keyword, text and wildcard fields');
  });
});

describe('bool and compound queries', () => {
  const { view } = indexFixture([{ t: 'a b c' }, { t: 'a b' }, { t: 'a' }, { t: 'd' }]);
  const should = (...terms: string[]) => terms.map((t) => ({ term: { t } }));

  it('minimum_should_match forms', () => {
    expect(ids(view(), { bool: { should: should('a', 'b', 'c'), minimum_should_match: 2 } })).toEqual(['1', '2']);
    expect(ids(view(), { bool: { should: should('a', 'b', 'c'), minimum_should_match: '-1' } })).toEqual(['1', '2']);
    expect(ids(view(), { bool: { should: should('a', 'b', 'c'), minimum_should_match: '100%' } })).toEqual(['1']);
    expect(ids(view(), { bool: { should: should('a', 'b', 'c'), minimum_should_match: '2<-25%' } })).toEqual(['1']);
    expect(ids(view(), { bool: { should: should('a', 'b'), minimum_should_match: '2<-25%' } })).toEqual(['1', '2']);
    expect(ids(view(), { bool: { should: should('a', 'b'), minimum_should_match: 3 } })).toEqual([]);
  });

  it('defaults: should is optional next to must/filter, required alone', () => {
    expect(ids(view(), { bool: { filter: [{ term: { t: 'a' } }], should: should('c') } })).toEqual(['1', '2', '3']);
    expect(ids(view(), { bool: { should: should('c', 'd') } })).toEqual(['1', '4']);
    expect(ids(view(), { bool: { must_not: should('a') } })).toEqual(['4']);
  });

  it('scores: empty bool 1, filter-only 0, must + should summed', () => {
    expect(hitsOf(view(), { bool: {} }).every((h) => h._score === 1)).toBe(true);
    expect(hitsOf(view(), { bool: { filter: should('a') } }).every((h) => h._score === 0)).toBe(true);
    expect(hitsOf(view(), { bool: { must_not: should('a') } })[0]._score).toBe(0);
    expect(hitsOf(view(), { constant_score: { filter: { term: { t: 'a' } }, boost: 3 } }).every((h) => h._score === 3)).toBe(true);
    const a = hitsOf(view(), { term: { t: 'a' } }).find((h) => h._id === '1')?._score ?? 0;
    const c = hitsOf(view(), { term: { t: 'c' } }).find((h) => h._id === '1')?._score ?? 0;
    const both = hitsOf(view(), { bool: { must: [{ term: { t: 'a' } }], should: should('c') } }).find((h) => h._id === '1')?._score ?? 0;
    expect(Math.fround(both)).toBe(Math.fround(a + c));
  });

  it('boosting demotes negative matches', () => {
    const pos = hitsOf(view(), { boosting: { positive: { term: { t: 'a' } }, negative: { term: { t: 'c' } }, negative_boost: 0.5 } });
    const plain = hitsOf(view(), { term: { t: 'a' } });
    const score = (hs: Hit[], id: string) => hs.find((h) => h._id === id)?._score ?? 0;
    expect(score(pos, '1')).toBeCloseTo(score(plain, '1') * 0.5, 6);
    expect(score(pos, '2')).toBe(score(plain, '2'));
  });

  it('dis_max takes the best clause plus tie_breaker times the rest', () => {
    const a = hitsOf(view(), { term: { t: 'a' } }).find((h) => h._id === '1')?._score ?? 0;
    const c = hitsOf(view(), { term: { t: 'c' } }).find((h) => h._id === '1')?._score ?? 0;
    const d = hitsOf(view(), { dis_max: { queries: should('a', 'c'), tie_breaker: 0.5 } }).find((h) => h._id === '1')?._score ?? 0;
    expect(d).toBeCloseTo(Math.max(a, c) + 0.5 * Math.min(a, c), 6);
  });
});

describe('range filters checked per candidate behind a rarer clause', () => {
  const docs = Array.from({ length: 64 }, (_, i) => ({ k: i % 32 === 0 ? 'rare' : 'common', n: [i, i + 1000] }));
  const { view } = indexFixture(docs, { mappings: { properties: { k: { type: 'keyword' }, n: { type: 'long' } } } });

  it('gives the same answer as the materialized range', () => {
    const deferred = ids(view(), { bool: { filter: [{ term: { k: 'rare' } }, { range: { n: { gte: 10, lte: 40 } } }] } });
    expect(deferred).toEqual(['33']);
    expect(ids(view(), { bool: { filter: [{ term: { k: 'rare' } }, { range: { n: { gte: 1000, lt: 1001 } } }] } })).toEqual(['1']);
    expect(ids(view(), { bool: { filter: [{ term: { k: 'common' } }, { range: { n: { gte: 10, lte: 12 } } }] } })).toEqual(['11', '12', '13']);
    expect(ids(view(), { bool: { must: [{ term: { k: 'rare' } }], filter: [{ range: { n: { gt: 2000 } } }] } })).toEqual([]);
  });
});

describe('match, multi_match, match_phrase', () => {
  const { view } = indexFixture(
    [
      { title: 'quick brown fox', body: 'lazy dog', tags: ['red fox', 'blue whale'], code: 'ABC', n: 7 },
      { title: 'quick dog', body: 'the brown fox jumps', tags: ['fox'], code: 'abc', n: 8 },
      { title: 'slow turtle', body: 'brown', tags: ['red', 'fox'], code: 'x', n: 9 },
    ],
    { mappings: { properties: { title: { type: 'text' }, body: { type: 'text' }, tags: { type: 'text' }, code: { type: 'keyword' }, n: { type: 'integer' } } } },
  );

  it('match operator, minimum_should_match, zero_terms_query', () => {
    expect(ids(view(), { match: { title: 'quick fox' } })).toEqual(['1', '2']);
    expect(ids(view(), { match: { title: { query: 'quick fox', operator: 'and' } } })).toEqual(['1']);
    expect(ids(view(), { match: { title: { query: 'quick brown fox', minimum_should_match: 2 } } })).toEqual(['1']);
    expect(ids(view(), { match: { title: { query: '!!!', zero_terms_query: 'all' } } })).toEqual(['1', '2', '3']);
    expect(ids(view(), { match: { title: '!!!' } })).toEqual([]);
  });

  it('match on keyword and numbers acts as term; lenient swallows bad values', () => {
    expect(ids(view(), { match: { code: 'ABC' } })).toEqual(['1']);
    expect(ids(view(), { match: { n: '8' } })).toEqual(['2']);
    expect(ids(view(), { match: { n: { query: 'eight', lenient: true } } })).toEqual([]);
    expect(() => search(view(), { query: { match: { n: 'eight' } } })).toThrow(EsError);
  });

  it('match honours the analyzer parameter', () => {
    expect(ids(view(), { match: { title: { query: 'QUICK', analyzer: 'whitespace' } } })).toEqual([]);
    expect(ids(view(), { match: { title: { query: 'QUICK', analyzer: 'standard' } } })).toEqual(['1', '2']);
    const e = errorOf(() => search(view(), { query: { match: { title: { query: 'x', analyzer: 'english' } } } }));
    expect(e.meta.embedded_unsupported).toBe('custom_analysis');
  });

  it('match with fuzziness', () => {
    expect(ids(view(), { match: { title: { query: 'quikc', fuzziness: 'AUTO' } } })).toEqual(['1', '2']);
    expect(ids(view(), { match: { title: { query: 'quikc' } } })).toEqual([]);
  });

  it('match_phrase with slop and array position gaps', () => {
    expect(ids(view(), { match_phrase: { title: 'quick brown' } })).toEqual(['1']);
    expect(ids(view(), { match_phrase: { title: 'brown quick' } })).toEqual([]);
    expect(ids(view(), { match_phrase: { title: { query: 'quick fox', slop: 1 } } })).toEqual(['1']);
    expect(ids(view(), { match_phrase: { title: { query: 'brown quick', slop: 2 } } })).toEqual(['1']);
    expect(ids(view(), { match_phrase: { tags: 'red fox' } })).toEqual(['1']);
    // "red" and "fox" are separate array values of doc 3: no phrase across them
    expect(ids(view(), { match_phrase: { tags: { query: 'red fox', slop: 10 } } })).toEqual(['1']);
  });

  it('multi_match best_fields, most_fields, phrase, boosts and wildcards', () => {
    expect(ids(view(), { multi_match: { query: 'brown', fields: ['title', 'body'] } })).toEqual(['1', '2', '3']);
    const best = hitsOf(view(), { multi_match: { query: 'brown fox', fields: ['title', 'body'] } });
    const most = hitsOf(view(), { multi_match: { query: 'brown fox', fields: ['title', 'body'], type: 'most_fields' } });
    const score = (hs: Hit[], id: string) => hs.find((h) => h._id === id)?._score ?? 0;
    expect(score(most, '2')).toBeGreaterThan(score(best, '2') - 1e-9);
    const boosted = hitsOf(view(), { multi_match: { query: 'turtle', fields: ['title^3', 'body'] } });
    const plain = hitsOf(view(), { multi_match: { query: 'turtle', fields: ['title', 'body'] } });
    expect(score(boosted, '3')).toBeCloseTo(score(plain, '3') * 3, 5);
    expect(ids(view(), { multi_match: { query: 'brown fox', fields: ['ti*', 'bo*'], type: 'phrase' } })).toEqual(['1', '2']);
    expect(ids(view(), { multi_match: { query: 'ABC' } })).toEqual(['1']);
  });

  it('multi_match best_fields uses tie_breaker', () => {
    const score = (hs: Hit[], id: string) => hs.find((h) => h._id === id)?._score ?? 0;
    const t = score(hitsOf(view(), { match: { title: 'dog' } }), '2');
    const b = score(hitsOf(view(), { match: { body: 'dog' } }), '1');
    expect(t).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const withTie = score(hitsOf(view(), { multi_match: { query: 'brown', fields: ['title', 'body'], tie_breaker: 1 } }), '1');
    const titleOnly = score(hitsOf(view(), { match: { title: 'brown' } }), '1');
    expect(withTie).toBeCloseTo(titleOnly, 6);
  });
});

describe('simple_query_string', () => {
  const { view } = indexFixture([
    { msg: 'foo bar' },
    { msg: 'foo baz' },
    { msg: 'qux' },
    { msg: 'the quick brown fox' },
    { msg: 'snicker-snack' },
  ]);
  const sqs = (query: string, extra: Record<string, unknown> = {}) => ids(view(), { simple_query_string: { query, fields: ['msg'], ...extra } });

  it('operators and default_operator', () => {
    expect(sqs('foo bar')).toEqual(['1', '2']);
    expect(sqs('foo bar', { default_operator: 'and' })).toEqual(['1']);
    expect(sqs('foo + bar')).toEqual(['1']);
    expect(sqs('bar | qux')).toEqual(['1', '3']);
    expect(sqs('(foo + baz) | qux')).toEqual(['2', '3']);
  });

  it('under OR, foo -baz also matches every doc without baz', () => {
    // doc 2 has baz but still matches the optional `foo`
    expect(sqs('foo -baz')).toEqual(['1', '2', '3', '4', '5']);
    expect(sqs('-baz')).toEqual(['1', '3', '4', '5']);
    expect(sqs('foo -baz', { default_operator: 'and' })).toEqual(['1']);
  });

  it('phrases, slop, prefixes, fuzzy, escapes, minimum_should_match', () => {
    expect(sqs('"quick brown"')).toEqual(['4']);
    expect(sqs('"quick fox"')).toEqual([]);
    expect(sqs('"quick fox"~1')).toEqual(['4']);
    expect(sqs('qu*')).toEqual(['3', '4']);
    expect(sqs('quack~1')).toEqual(['4']);
    expect(sqs('snicker\\-snack')).toEqual(['5']);
    expect(sqs('foo bar qux', { minimum_should_match: 2 })).toEqual(['1']);
    expect(sqs('"unbalanced (((')).toEqual([]);
  });

  it('flags restrict the syntax', () => {
    expect(sqs('foo + bar', { flags: 'NONE', default_operator: 'and' })).toEqual(['1']);
    expect(sqs('qu*', { flags: 'AND|OR' })).toEqual([]);
  });

  it('defaults to all text fields and is lenient there', () => {
    expect(ids(view(), { simple_query_string: { query: 'qux' } })).toEqual(['3']);
  });
});
