import { buildAlertsSearch, buildFacetsSearch, MAX_RESULT_WINDOW, readBuckets, type AlertsTableState } from './alerts_query';

const state: AlertsTableState = {
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-01-08T00:00:00.000Z',
  statuses: ['open'],
  severities: ['high', 'critical'],
  rules: ['R1'],
  tags: ['t'],
  text: ' psexec ',
  sortField: 'kibana.alert.severity',
  sortDirection: 'desc',
  pageIndex: 2,
  pageSize: 50,
};

describe('alerts query', () => {
  it('turns filters, sort and page into one search body', () => {
    expect(buildAlertsSearch(state)).toEqual({
      query: {
        bool: {
          filter: [
            { range: { '@timestamp': { gte: state.from, lte: state.to, format: 'strict_date_optional_time' } } },
            { terms: { 'kibana.alert.workflow_status': ['open'] } },
            { terms: { 'kibana.alert.severity': ['high', 'critical'] } },
            { terms: { 'kibana.alert.rule.name': ['R1'] } },
            { terms: { 'kibana.alert.workflow_tags': ['t'] } },
          ],
          must: [{ simple_query_string: expect.objectContaining({ query: 'psexec', default_operator: 'and', lenient: true }) }],
        },
      },
      from: 100,
      size: 50,
      // Severity sorts by risk score (severity names do not sort by seriousness).
      sort: [{ 'kibana.alert.risk_score': { order: 'desc', unmapped_type: 'keyword' } }, { 'kibana.alert.uuid': { order: 'asc' } }],
      track_total_hits: true,
    });
  });

  it('never asks past the result window and omits empty filters', () => {
    const deep = buildAlertsSearch({ ...state, pageIndex: 1000, pageSize: 100, statuses: [], severities: [], rules: [], tags: [], text: '' });
    expect((deep.from ?? 0) + (deep.size ?? 0)).toBe(MAX_RESULT_WINDOW);
    expect((deep.query as { bool: { filter: unknown[]; must?: unknown } }).bool.filter).toHaveLength(1);
    expect((deep.query as { bool: { must?: unknown } }).bool.must).toBeUndefined();
  });

  it('facets use only the time range; buckets are read as strings', () => {
    expect(buildFacetsSearch(state)).toEqual(expect.objectContaining({ size: 0, aggs: expect.objectContaining({ rules: { terms: { field: 'kibana.alert.rule.name', size: 200 } } }) }));
    expect(readBuckets({ rules: { buckets: [{ key: 'a', doc_count: 3 }] } }, 'rules')).toEqual([{ key: 'a', doc_count: 3 }]);
    expect(readBuckets(undefined, 'rules')).toEqual([]);
  });
});
