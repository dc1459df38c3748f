import { parseQuery } from './parse';
import { resolveMinimumShouldMatch } from './minimum_should_match';
import { createBm25Scorer, idf, avgFieldLength, smallFloatRoundTrip } from './bm25';
import { parseSimpleQueryString } from './simple_query_string';
import { SQS_ALL_FLAGS } from './ast';
import { errorOf } from '../test_support';

describe('parseQuery', () => {
  it('rejects unknown queries with parsing_exception', () => {
    const e = errorOf(() => parseQuery({ foo: {} }));
    expect(e.status).toBe(400);
    expect(e.type).toBe('parsing_exception');
    expect(e.reason).toBe('unknown query [foo]');
  });

  it.each([
    ['script', 'script'],
    ['script_score', 'script'],
    ['function_score', 'script'],
    ['nested', 'nested'],
    ['has_child', 'join'],
    ['has_parent', 'join'],
    ['knn', 'knn'],
    ['sparse_vector', 'semantic'],
    ['semantic', 'semantic'],
    ['query_string', 'other'],
    ['regexp', 'other'],
    ['fuzzy', 'other'],
    ['geo_distance', 'other'],
    ['geo_bounding_box', 'other'],
  ])('rejects %s with the §11 id %s', (name, feature) => {
    const e = errorOf(() => parseQuery({ bool: { filter: [{ [name]: {} }] } }));
    expect(e.type).toBe('illegal_argument_exception');
    expect(e.meta.embedded_unsupported).toBe(feature);
    expect(e.reason).toContain('is not supported by the embedded Elasticsearch-compatible store');
  });

  it('rejects the terms lookup form', () => {
    const e = errorOf(() => parseQuery({ terms: { user: { index: 'users', id: '2', path: 'followers' } } }));
    expect(e.meta.embedded_unsupported).toBe('other');
  });

  it('reports malformed queries as Elasticsearch does', () => {
    expect(errorOf(() => parseQuery({ term: { a: 1, b: 2 } })).reason).toBe("[term] query doesn't support multiple fields, found [a] and [b]");
    expect(errorOf(() => parseQuery({ match_all: {}, term: { a: 1 } })).reason).toBe('[match_all] malformed query, expected [END_OBJECT] but found [FIELD_NAME]');
    expect(errorOf(() => parseQuery({ bool: { must: [], foo: 1 } })).reason).toBe('[bool] query does not support [foo]');
    expect(errorOf(() => parseQuery({ term: { a: { value: 1, bar: 2 } } })).reason).toBe('[term] query does not support [bar]');
    expect(errorOf(() => parseQuery({ exists: {} })).reason).toBe('[exists] must be provided with a [field]');
  });

  it('parses the legacy from/to range form', () => {
    const q = parseQuery({ range: { n: { from: 1, to: 5, include_upper: false } } });
    expect(q).toMatchObject({ kind: 'range', gte: 1, lt: 5 });
  });

  it('parses shorthand and full forms of match and term', () => {
    expect(parseQuery({ match: { t: 'x y' } })).toMatchObject({ kind: 'match', field: 't', query: 'x y', operator: 'or' });
    expect(parseQuery({ match: { t: { query: 'x', operator: 'AND', boost: 2 } } })).toMatchObject({ operator: 'and', boost: 2 });
    expect(parseQuery({ term: { k: { value: 'V', case_insensitive: true } } })).toMatchObject({ value: 'V', caseInsensitive: true });
  });

  it('rejects unsupported multi_match types', () => {
    expect(errorOf(() => parseQuery({ multi_match: { query: 'x', type: 'cross_fields' } })).meta.embedded_unsupported).toBe('other');
  });
});

describe('minimum_should_match', () => {
  it.each([
    [3, '2', 2],
    [3, '-1', 2],
    [4, '50%', 2],
    [3, '75%', 2],
    [3, '-25%', 3],
    [5, '3<90%', 4],
    [3, '3<90%', 3],
    [10, '2<-25% 9<-3', 7],
    [4, '2<-25% 9<-3', 3],
    [2, '5', 5],
    [2, '-5', 0],
    [2, 1, 1],
  ])('count %d with %s gives %d', (count, spec, expected) => {
    expect(resolveMinimumShouldMatch(count, spec)).toBe(expected);
  });
});

describe('LegacyBM25', () => {
  it('reproduces the golden scores', () => {
    // "the" in three docs of lengths 4, 5, 6
    const avgdl = avgFieldLength(15, 3);
    const scorer = createBm25Scorer(1, idf(3, 3), avgdl);
    expect(scorer.score(1, 4)).toBeCloseTo(0.14543022, 7);
    expect(scorer.score(1, 5)).toBeCloseTo(0.13353139, 7);
    expect(scorer.score(1, 6)).toBeCloseTo(0.12343238, 7);
  });

  it('is float32 all the way', () => {
    const s = createBm25Scorer(1, idf(1, 10), 3).score(2, 3);
    expect(Math.fround(s)).toBe(s);
  });

  it('encodes lengths like Lucene SmallFloat', () => {
    expect(smallFloatRoundTrip(10)).toBe(10);
    expect(smallFloatRoundTrip(23)).toBe(23);
    expect(smallFloatRoundTrip(1000)).toBeLessThanOrEqual(1000);
    expect(smallFloatRoundTrip(1000)).toBeGreaterThan(900);
  });
});

describe('simple_query_string grammar', () => {
  const parse = (q: string, op: 'or' | 'and' = 'or') => parseSimpleQueryString(q, SQS_ALL_FLAGS, op);

  it('builds a flat bool for the default operator', () => {
    expect(parse('a b')).toEqual({ kind: 'bool', clauses: [{ occur: 'should', query: { kind: 'text', text: 'a' } }, { occur: 'should', query: { kind: 'text', text: 'b' } }] });
  });

  it('wraps on operator changes (left to right precedence)', () => {
    expect(parse('a + b | c')).toEqual({
      kind: 'bool',
      clauses: [
        { occur: 'should', query: { kind: 'bool', clauses: [{ occur: 'must', query: { kind: 'text', text: 'a' } }, { occur: 'must', query: { kind: 'text', text: 'b' } }] } },
        { occur: 'should', query: { kind: 'text', text: 'c' } },
      ],
    });
  });

  it('parses phrases with slop, prefixes, fuzzy terms, negation and groups', () => {
    expect(parse('"quick fox"~2')).toEqual({ kind: 'phrase', text: 'quick fox', slop: 2 });
    expect(parse('qui*')).toEqual({ kind: 'prefix', text: 'qui' });
    expect(parse('quikc~1')).toEqual({ kind: 'fuzzy', text: 'quikc', edits: 1 });
    expect(parse('-dog')).toEqual({ kind: 'not', query: { kind: 'text', text: 'dog' } });
    expect(parse('(a b)')).toEqual(parse('a b'));
  });

  it('never fails on broken syntax', () => {
    expect(parse('"unterminated')).toBeDefined();
    expect(parse('(((a')).toBeDefined();
    expect(parse(')))')).toBeUndefined();
    expect(parse('a\\+b')).toEqual({ kind: 'text', text: 'a+b' });
    expect(parse('')).toBeUndefined();
  });
});
