/** Pure: the Alerts page's filters, sort and page → the search body sent to signals/search. */
import type { SearchAlertsRequestBody } from '../../common/api';

export type SortDirection = 'asc' | 'desc';

export interface AlertsTableState {
  /** Absolute ISO bounds (resolved from date math by the caller). */
  from: string;
  to: string;
  statuses: string[];
  severities: string[];
  rules: string[];
  tags: string[];
  text: string;
  sortField: string;
  sortDirection: SortDirection;
  pageIndex: number;
  pageSize: number;
}

/** Elasticsearch's default max_result_window: deeper pages need search_after, which the table does not offer. */
export const MAX_RESULT_WINDOW = 10_000;

export const TEXT_SEARCH_FIELDS = [
  'kibana.alert.rule.name.text',
  'kibana.alert.reason.text',
  'message',
  'host.name',
  'user.name',
  'process.name',
  'process.command_line.text',
  'file.name',
  'dns.question.name',
  'kibana.alert.workflow_tags',
];

export const SORTABLE_FIELDS: Record<string, string> = {
  '@timestamp': '@timestamp',
  'kibana.alert.rule.name': 'kibana.alert.rule.name',
  'kibana.alert.severity': 'kibana.alert.risk_score',
  'kibana.alert.risk_score': 'kibana.alert.risk_score',
  'kibana.alert.workflow_status': 'kibana.alert.workflow_status',
  'host.name': 'host.name',
  'user.name': 'user.name',
};

export function buildFilters(state: Pick<AlertsTableState, 'from' | 'to' | 'statuses' | 'severities' | 'rules' | 'tags' | 'text'>): Record<string, unknown> {
  const filter: unknown[] = [{ range: { '@timestamp': { gte: state.from, lte: state.to, format: 'strict_date_optional_time' } } }];
  if (state.statuses.length > 0) filter.push({ terms: { 'kibana.alert.workflow_status': state.statuses } });
  if (state.severities.length > 0) filter.push({ terms: { 'kibana.alert.severity': state.severities } });
  if (state.rules.length > 0) filter.push({ terms: { 'kibana.alert.rule.name': state.rules } });
  if (state.tags.length > 0) filter.push({ terms: { 'kibana.alert.workflow_tags': state.tags } });
  const must: unknown[] = [];
  const text = state.text.trim();
  if (text) must.push({ simple_query_string: { query: text, fields: TEXT_SEARCH_FIELDS, default_operator: 'and', lenient: true } });
  return { bool: { filter, ...(must.length > 0 ? { must } : {}) } };
}

export function buildAlertsSearch(state: AlertsTableState): SearchAlertsRequestBody {
  const size = state.pageSize;
  const from = Math.min(state.pageIndex * size, Math.max(0, MAX_RESULT_WINDOW - size));
  const sortField = SORTABLE_FIELDS[state.sortField] ?? '@timestamp';
  return {
    query: buildFilters(state),
    from,
    size,
    // A unique tiebreaker keeps paging stable when many alerts share a timestamp.
    sort: [{ [sortField]: { order: state.sortDirection, unmapped_type: 'keyword' } }, { 'kibana.alert.uuid': { order: 'asc' } }],
    track_total_hits: true,
  };
}

/** Facet options (rules, tags, counts per status and severity) for the current time range. */
export function buildFacetsSearch(state: Pick<AlertsTableState, 'from' | 'to'>): SearchAlertsRequestBody {
  return {
    size: 0,
    query: buildFilters({ from: state.from, to: state.to, statuses: [], severities: [], rules: [], tags: [], text: '' }),
    aggs: {
      rules: { terms: { field: 'kibana.alert.rule.name', size: 200 } },
      tags: { terms: { field: 'kibana.alert.workflow_tags', size: 200 } },
      statuses: { terms: { field: 'kibana.alert.workflow_status', size: 10 } },
      severities: { terms: { field: 'kibana.alert.severity', size: 10 } },
    },
  };
}

export interface FacetBucket {
  key: string;
  doc_count: number;
}

export function readBuckets(aggregations: Record<string, unknown> | undefined, name: string): FacetBucket[] {
  const agg = aggregations?.[name] as { buckets?: Array<{ key: unknown; doc_count: number }> } | undefined;
  return (agg?.buckets ?? []).map((b) => ({ key: String(b.key), doc_count: b.doc_count }));
}
