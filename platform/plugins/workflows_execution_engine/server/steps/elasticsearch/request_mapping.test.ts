import { indexPath, mapBulk, mapEsqlQuery, mapIndex, mapRequest, mapSearch, mapUpdate } from './request_mapping';

describe('elasticsearch.* parameter mapping', () => {
  it('search: index list comma-joined; URL params to the query string; body keys merged; other keys to the body', () => {
    expect(
      mapSearch({
        index: ['a', 'b-*'],
        size: 0,
        track_total_hits: true,
        ignore_unavailable: true,
        expand_wildcards: 'open',
        query: { match_all: {} },
        body: { aggs: { x: { terms: { field: 'f' } } } },
      }),
    ).toEqual({
      method: 'POST',
      path: '/a,b-*/_search',
      querystring: { ignore_unavailable: true, expand_wildcards: 'open' },
      body: { size: 0, track_total_hits: true, query: { match_all: {} }, aggs: { x: { terms: { field: 'f' } } } },
    });
    expect(mapSearch({ query: { match_all: {} } }).path).toBe('/_search');
  });

  it('esql.query: POST /_query with the query in the body and format in the URL', () => {
    expect(mapEsqlQuery({ query: 'FROM x | LIMIT 1', params: [1], filter: { term: { a: 1 } }, format: 'json', columnar: false })).toEqual({
      method: 'POST',
      path: '/_query',
      querystring: { format: 'json' },
      body: { query: 'FROM x | LIMIT 1', params: [1], filter: { term: { a: 1 } }, columnar: false },
    });
  });

  it('index: PUT with id, POST without; document (or body) is the body; refresh and routing to the URL', () => {
    expect(mapIndex({ index: 'idx', id: 'a/1', document: { a: 1 }, refresh: 'wait_for', routing: 'r' })).toEqual({
      method: 'PUT',
      path: '/idx/_doc/a%2F1',
      querystring: { refresh: 'wait_for', routing: 'r' },
      body: { a: 1 },
    });
    expect(mapIndex({ index: 'idx', body: { b: 2 } })).toEqual({ method: 'POST', path: '/idx/_doc', querystring: {}, body: { b: 2 } });
  });

  it('update: POST /{index}/_update/{id} with doc/script/upsert in the body', () => {
    expect(mapUpdate({ index: 'idx', id: 7, doc: { a: 1 }, doc_as_upsert: true, retry_on_conflict: 3 })).toEqual({
      method: 'POST',
      path: '/idx/_update/7',
      querystring: { retry_on_conflict: 3 },
      body: { doc: { a: 1 }, doc_as_upsert: true },
    });
  });

  it('bulk: operations as NDJSON lines or an NDJSON string body, index optional', () => {
    expect(mapBulk({ index: 'idx', operations: [{ index: {} }, { a: 1 }], refresh: true })).toEqual({
      method: 'POST',
      path: '/idx/_bulk',
      querystring: { refresh: true },
      bulkBody: [{ index: {} }, { a: 1 }],
    });
    expect(mapBulk({ body: '{"index":{"_index":"i"}}\n{"a":1}' })).toEqual({
      method: 'POST',
      path: '/_bulk',
      querystring: {},
      bulkBody: '{"index":{"_index":"i"}}\n{"a":1}\n',
    });
  });

  it('request: sent as written; a query in the path is kept and `query` wins', () => {
    expect(mapRequest({ method: 'GET', path: 'idx/_count?q=a:1&pretty', query: { q: 'b:2' }, headers: { 'x-opaque-id': 'w' } })).toEqual({
      method: 'GET',
      path: '/idx/_count',
      querystring: { q: 'b:2', pretty: '' },
      headers: { 'x-opaque-id': 'w' },
    });
    expect(mapRequest({ method: 'POST', path: '/_bulk', body: 'x' })).toEqual({ method: 'POST', path: '/_bulk', querystring: {}, body: 'x' });
  });

  it('indexPath escapes names but keeps commas and wildcards', () => {
    expect(indexPath('a, b')).toBe('a,b');
    expect(indexPath(['.alerts-security.alerts-default', 'x*'])).toBe('.alerts-security.alerts-default,x*');
    expect(indexPath('we ird')).toBe('we%20ird');
  });
});
