import { aliasExpand, firstPageSize, nextPageSize, seedSearchBody, subSearchBody, termsClauses } from './query_builder';

describe('aliasExpand', () => {
  it('copies values onto alias fields without duplicates', () => {
    const aliases = new Map([
      ['source.ip', [{ field: 'destination.ip', score: 4 }]],
      ['destination.ip', [{ field: 'source.ip', score: 4 }]],
    ]);
    expect(aliasExpand(new Map([['source.ip', ['a']], ['destination.ip', ['a', 'b']]]), aliases)).toEqual(
      new Map([
        ['source.ip', ['a', 'b']],
        ['destination.ip', ['a', 'b']],
      ]),
    );
  });
});

describe('termsClauses', () => {
  it('splits long value lists into chunks of max_terms_per_query', () => {
    expect(termsClauses(new Map([['h', ['1', '2', '3', '4', '5']], ['u', ['x']]]), 2)).toEqual([
      { terms: { h: ['1', '2'] } },
      { terms: { h: ['3', '4'] } },
      { terms: { h: ['5'] } },
      { terms: { u: ['x'] } },
    ]);
  });
});

describe('subSearchBody', () => {
  it('filters on time, space and any clause, excludes seen ids, sorts on time and uuid', () => {
    const body = subSearchBody({
      span: { from: 0, to: 1000 },
      clauses: [{ terms: { h: ['1'] } }],
      spaceId: 'sec',
      excludeIds: ['S'],
      size: 50,
      searchAfter: [5, 'u'],
      sourceFields: ['@timestamp', 'h'],
    });
    expect(body).toEqual({
      size: 50,
      _source: ['@timestamp', 'h'],
      track_total_hits: false,
      sort: [{ '@timestamp': 'asc' }, { 'kibana.alert.uuid': 'asc' }],
      search_after: [5, 'u'],
      query: {
        bool: {
          filter: [
            { range: { '@timestamp': { gte: '1970-01-01T00:00:00.000Z', lte: '1970-01-01T00:00:01.000Z' } } },
            { term: { 'kibana.space_ids': 'sec' } },
            { bool: { should: [{ terms: { h: ['1'] } }], minimum_should_match: 1 } },
          ],
          must_not: [{ ids: { values: ['S'] } }],
        },
      },
    });
    const first = subSearchBody({ span: { from: 0, to: 1 }, clauses: [], spaceId: 's', excludeIds: [], size: 1, sourceFields: [] });
    expect(first).not.toHaveProperty('search_after');
    expect(first.query?.bool).not.toHaveProperty('must_not');
  });
});

describe('seedSearchBody', () => {
  it('looks the id up inside the space', () => {
    expect(seedSearchBody('a1', 'sec', ['@timestamp']).query).toEqual({
      bool: { filter: [{ ids: { values: ['a1'] } }, { term: { 'kibana.space_ids': 'sec' } }] },
    });
  });
});

describe('page sizes', () => {
  it('starts at min(page_size, max(remaining, 50)) and doubles up to page_size', () => {
    expect(firstPageSize(200, 299)).toBe(200);
    expect(firstPageSize(200, 20)).toBe(50);
    expect(firstPageSize(10, 20)).toBe(10);
    expect(nextPageSize(50, 200)).toBe(100);
    expect(nextPageSize(150, 200)).toBe(200);
  });
});
