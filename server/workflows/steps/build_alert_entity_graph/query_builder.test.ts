import { aliasExpand, firstPageSize, linkScoreBound, nextPageSize, seedSearchBody, subSearchBody, termsClauses } from './query_builder';

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

describe('linkScoreBound', () => {
  const config = {
    entityFields: ['host.id', 'host.name', 'user.id', 'source.ip', 'destination.ip'],
    fieldScore: new Map([['host.id', 4], ['host.name', 1], ['user.id', 4], ['source.ip', 1], ['destination.ip', 1]]),
    aliases: new Map([
      ['source.ip', [{ field: 'destination.ip', score: 4 }]],
      ['destination.ip', [{ field: 'source.ip', score: 4 }]],
    ]),
    limits: { maxDepth: 3, maxAlerts: 10, pageSize: 10, maxTermsPerQuery: 2, maxEntitiesPerField: 10, minEntityScore: 6, maxQueries: 10 },
  };

  it('scores each label at its best matching field (aliases included) and sums the labels', () => {
    const bound = linkScoreBound(new Map([['host.id', ['h1', 'h2', 'h3']], ['host.name', ['n']], ['source.ip', ['10.0.0.1']]]), config);
    expect(bound?.minScore).toBeCloseTo(6, 4);
    expect(bound?.minScore).toBeLessThan(6);
    expect(bound?.should).toEqual([
      {
        dis_max: {
          tie_breaker: 0,
          queries: [
            { constant_score: { filter: { terms: { 'host.id': ['h1', 'h2'] } }, boost: 4 } },
            { constant_score: { filter: { terms: { 'host.id': ['h3'] } }, boost: 4 } },
            { constant_score: { filter: { terms: { 'host.name': ['n'] } }, boost: 1 } },
          ],
        },
      },
      {
        dis_max: {
          tie_breaker: 0,
          queries: [{ constant_score: { filter: { terms: { 'source.ip': ['10.0.0.1'] } }, boost: 1 } }],
        },
      },
      {
        // A child's destination.ip equal to a candidate's source.ip scores the alias's 4, under the child's label.
        dis_max: {
          tie_breaker: 0,
          queries: [{ constant_score: { filter: { terms: { 'destination.ip': ['10.0.0.1'] } }, boost: 4 } }],
        },
      },
    ]);
    expect(linkScoreBound(new Map(), config)).toBeUndefined();
  });

  it('goes into the body as should clauses with min_score', () => {
    const bound = { should: [{ match_all: {} }], minScore: 5.5 };
    const body = subSearchBody({ span: { from: 0, to: 1 }, clauses: [{ terms: { h: ['1'] } }], spaceId: 's', excludeIds: [], size: 5, sourceFields: [], bound });
    expect(body.min_score).toBe(5.5);
    expect(body.query?.bool?.should).toEqual([{ match_all: {} }]);
  });
});
