import { findCrossIndexClause } from './cross_index_clauses';
import { searchAlertsRequestBody } from './search_alerts';
import { setAlertStatusRequestBody } from './set_alert_status';

describe('findCrossIndexClause', () => {
  it('finds clauses that read another index, wherever they are nested', () => {
    expect(findCrossIndexClause({ bool: { filter: [{ terms: { 'host.name': { index: '.kibana-actions', id: 'a', path: 'x' } } }] } })).toBe(
      'bool.filter.0.terms.host.name',
    );
    expect(findCrossIndexClause({ more_like_this: { like: [{ _index: 'notes', _id: '1' }] } })).toBe('more_like_this');
    expect(findCrossIndexClause({ a: { filter: { geo_shape: { loc: { indexed_shape: { index: 'x', id: '1' } } } } } })).toContain('indexed_shape');
    expect(findCrossIndexClause({ percolate: { field: 'q', index: 'x', id: '1' } })).toBe('percolate');
  });

  it('accepts ordinary queries, including terms lists and a field called "index"', () => {
    expect(findCrossIndexClause({ bool: { filter: [{ terms: { 'host.name': ['a', 'b'] } }, { term: { index: 'x' } }] } })).toBeUndefined();
    expect(findCrossIndexClause({ by_host: { terms: { field: 'host.name', size: 10 } } })).toBeUndefined();
  });

  it('makes the alerts search and status-by-query schemas answer 400 with the clause path', () => {
    const lookup = { terms: { 'user.name': { index: '.alerts-security.alerts-other', id: 'x', path: 'user.name' } } };
    const search = searchAlertsRequestBody.safeParse({ query: lookup });
    expect(search.success).toBe(false);
    expect(search.error?.issues[0]).toMatchObject({ path: ['query'], message: expect.stringContaining('terms.user.name') });
    const aggs = searchAlertsRequestBody.safeParse({ aggs: { f: { filter: { more_like_this: { like: 'x' } } } } });
    expect(aggs.success).toBe(false);
    expect(setAlertStatusRequestBody.safeParse({ query: lookup, status: 'closed' }).success).toBe(false);
    expect(searchAlertsRequestBody.safeParse({ query: { terms: { 'user.name': ['a'] } } }).success).toBe(true);
  });
});
