import fc from 'fast-check';
import { EsError } from '../errors';
import { executeSearch } from './execute_search';
import { indexFixture } from '../test_support';

/** Arbitrary request bodies never crash: they answer or fail with an Elasticsearch error. */
describe('robustness', () => {
  const { view } = indexFixture(
    [
      { k: 'a', n: 1, t: 'hello world', d: '2026-01-01T00:00:00Z', ip: '10.0.0.1', b: true },
      { k: ['b', 'c'], n: [2, 3], t: 'other words', d: '2026-02-01T00:00:00Z' },
      { o: { x: 'y' } },
    ],
    { mappings: { properties: { k: { type: 'keyword' }, n: { type: 'long' }, t: { type: 'text' }, d: { type: 'date' }, ip: { type: 'ip' }, b: { type: 'boolean' } } } },
  );
  const field = fc.constantFrom('k', 'n', 't', 'd', 'ip', 'b', 'o', 'o.x', 'missing', '*', '_id');
  const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constantFrom('now-1d/d', '10.0.0.0/8', 'a*', '2026-01-01'));
  const leaf = fc.oneof(
    fc.record({ term: fc.dictionary(field, scalar, { minKeys: 1, maxKeys: 1 }) }),
    fc.record({ terms: fc.dictionary(field, fc.array(scalar, { maxLength: 3 }), { minKeys: 1, maxKeys: 1 }) }),
    fc.record({ range: fc.dictionary(field, fc.record({ gte: scalar, lt: scalar }, { requiredKeys: [] }), { minKeys: 1, maxKeys: 1 }) }),
    fc.record({ match: fc.dictionary(field, scalar, { minKeys: 1, maxKeys: 1 }) }),
    fc.record({ exists: fc.record({ field }) }),
    fc.record({ simple_query_string: fc.record({ query: fc.string({ maxLength: 12 }) }) }),
    fc.record({ wildcard: fc.dictionary(field, fc.string({ maxLength: 4 }), { minKeys: 1, maxKeys: 1 }) }),
  );
  const query = fc.oneof(leaf, fc.record({ bool: fc.record({ must: fc.array(leaf, { maxLength: 2 }), should: fc.array(leaf, { maxLength: 2 }), must_not: fc.array(leaf, { maxLength: 1 }), minimum_should_match: scalar }, { requiredKeys: [] }) }));
  const sort = fc.array(fc.oneof(field, fc.dictionary(field, fc.constantFrom('asc', 'desc'), { minKeys: 1, maxKeys: 1 })), { maxLength: 2 });
  const aggs = fc.dictionary(
    fc.constantFrom('a1', 'a2'),
    fc.oneof(
      fc.record({ terms: fc.record({ field }) }),
      fc.record({ max: fc.record({ field }) }),
      fc.record({ date_histogram: fc.record({ field, calendar_interval: fc.constantFrom('day', '1M', '2d') }) }),
      fc.record({ cardinality: fc.record({ field }) }),
    ),
    { maxKeys: 2 },
  );

  it('answers or throws EsError', () => {
    fc.assert(
      fc.property(fc.record({ query, sort, aggs, size: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] }), (body) => {
        try {
          const r = executeSearch([{ view: view() }], body, { now: Date.parse('2026-03-01T00:00:00Z') });
          expect(r.hits).toBeDefined();
        } catch (e) {
          if (!(e instanceof EsError)) throw e;
        }
      }),
      { numRuns: 400 },
    );
  });
});
