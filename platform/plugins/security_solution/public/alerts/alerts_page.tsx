/**
 * The Alerts page: time range, status/severity/rule/tag filters, free text, a sortable server-paginated
 * table, and the alert details flyout. Every filter change is one search against signals/search.
 */
import dateMath from '@elastic/datemath';
import {
  EuiBasicTable,
  EuiCallOut,
  EuiFieldSearch,
  EuiFilterGroup,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiSpacer,
  EuiSuperDatePicker,
  EuiText,
  type CriteriaWithPagination,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AlertHit } from '../../common/api';
import { readString, readStringArray } from '../../common/alert_fields';
import type { AlertsApi } from '../api/alerts_api';
import type { ExtensionRegistry } from '../extensions/extension_registry';
import { AlertFlyout } from './alert_flyout';
import { BulkActionsToolbar } from './bulk_actions_toolbar';
import { buildAlertsSearch, buildFacetsSearch, MAX_RESULT_WINDOW, readBuckets, type AlertsTableState, type FacetBucket, type SortDirection } from './alerts_query';
import { FilterPopover } from './filter_popover';
import { SeverityHealth, StatusBadge } from './severity_badge';

export interface AlertsPageProps {
  api: AlertsApi;
  extensions: ExtensionRegistry;
  /** Alert whose flyout is open (from the URL), and how to change it. */
  flyoutAlertId: string | undefined;
  onFlyoutAlertChange(id: string | undefined): void;
  onError(title: string, error: Error): void;
}

interface Facets {
  rules: FacetBucket[];
  tags: FacetBucket[];
  statuses: FacetBucket[];
  severities: FacetBucket[];
}

const DEFAULT_RANGE = { start: 'now-7d', end: 'now' };

function resolveRange(start: string, end: string): { from: string; to: string } | undefined {
  const from = dateMath.parse(start);
  const to = dateMath.parse(end, { roundUp: true });
  if (!from?.isValid() || !to?.isValid()) return undefined;
  return { from: from.toISOString(), to: to.toISOString() };
}

export function AlertsPage({ api, extensions, flyoutAlertId, onFlyoutAlertChange, onError }: AlertsPageProps) {
  const [range, setRange] = useState(DEFAULT_RANGE);
  const [refreshKey, setRefreshKey] = useState(0);
  const [statuses, setStatuses] = useState<string[]>(['open']);
  const [severities, setSeverities] = useState<string[]>([]);
  const [rules, setRules] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [sortField, setSortField] = useState('@timestamp');
  const [sortDirection, setSortDirection] = useState<SortDirection>('desc');
  const [pageIndex, setPageIndex] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const [hits, setHits] = useState<AlertHit[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [facets, setFacets] = useState<Facets>({ rules: [], tags: [], statuses: [], severities: [] });
  const [selected, setSelected] = useState<AlertHit[]>([]);

  const resolved = useMemo(() => resolveRange(range.start, range.end), [range, refreshKey]);

  useEffect(() => {
    if (!resolved) return undefined;
    const controller = new AbortController();
    const state: AlertsTableState = { ...resolved, statuses, severities, rules, tags, text, sortField, sortDirection, pageIndex, pageSize };
    setLoading(true);
    api.searchAlerts(buildAlertsSearch(state), controller.signal).then(
      (res) => {
        setHits(res.hits.hits);
        // A new page or filter: keep only selected rows still on screen, with their fresh sources.
        setSelected((previous) => res.hits.hits.filter((h) => previous.some((p) => p._id === h._id)));
        setTotal(res.hits.total.value);
        setError(undefined);
        setLoading(false);
      },
      (e: Error) => {
        if (e.name === 'AbortError') return;
        setError(e.message);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [api, resolved, statuses, severities, rules, tags, text, sortField, sortDirection, pageIndex, pageSize]);

  useEffect(() => {
    if (!resolved) return undefined;
    const controller = new AbortController();
    api.searchAlerts(buildFacetsSearch(resolved), controller.signal).then(
      (res) => setFacets({ rules: readBuckets(res.aggregations, 'rules'), tags: readBuckets(res.aggregations, 'tags'), statuses: readBuckets(res.aggregations, 'statuses'), severities: readBuckets(res.aggregations, 'severities') }),
      (e: Error) => {
        if (e.name !== 'AbortError') onError('Could not load filter options', e);
      },
    );
    return () => controller.abort();
  }, [api, resolved, onError]);

  const resetPage = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setPageIndex(0);
  };

  const onTableChange = ({ page, sort }: CriteriaWithPagination<AlertHit>) => {
    if (page) {
      setPageIndex(page.size !== pageSize ? 0 : page.index);
      setPageSize(page.size);
    }
    if (sort) {
      setSortField(String(sort.field));
      setSortDirection(sort.direction);
    }
  };

  const afterChange = useCallback(() => setRefreshKey((k) => k + 1), []);

  const columns: Array<EuiBasicTableColumn<AlertHit>> = [
    {
      field: '@timestamp',
      name: '@timestamp',
      sortable: true,
      width: '190px',
      render: (_v: unknown, hit: AlertHit) => {
        const ts = readString(hit._source, '@timestamp');
        return (
          <EuiLink data-test-subj="alertTimestampLink" onClick={() => onFlyoutAlertChange(hit._id)}>
            {ts ? new Date(ts).toLocaleString() : '—'}
          </EuiLink>
        );
      },
    },
    { field: 'kibana.alert.rule.name', name: 'Rule', sortable: true, render: (_v: unknown, hit: AlertHit) => <span data-test-subj="alertRuleName">{readString(hit._source, 'kibana.alert.rule.name') ?? '—'}</span> },
    { field: 'kibana.alert.severity', name: 'Severity', sortable: true, width: '110px', render: (_v: unknown, hit: AlertHit) => <SeverityHealth severity={readString(hit._source, 'kibana.alert.severity')} /> },
    { field: 'kibana.alert.risk_score', name: 'Risk', sortable: true, width: '70px', render: (_v: unknown, hit: AlertHit) => String(hit._source['kibana.alert.risk_score'] ?? '—') },
    { field: 'kibana.alert.workflow_status', name: 'Status', sortable: true, width: '120px', render: (_v: unknown, hit: AlertHit) => <StatusBadge status={readString(hit._source, 'kibana.alert.workflow_status')} /> },
    { field: 'host.name', name: 'Host', sortable: true, render: (_v: unknown, hit: AlertHit) => readString(hit._source, 'host.name') ?? '—' },
    { field: 'user.name', name: 'User', sortable: true, render: (_v: unknown, hit: AlertHit) => readString(hit._source, 'user.name') ?? '—' },
    { field: 'kibana.alert.reason', name: 'Reason', truncateText: true, render: (_v: unknown, hit: AlertHit) => <EuiText size="xs">{readString(hit._source, 'kibana.alert.reason') ?? ''}</EuiText> },
    { field: 'kibana.alert.workflow_tags', name: 'Tags', width: '140px', render: (_v: unknown, hit: AlertHit) => <span data-test-subj="alertWorkflowTags">{readStringArray(hit._source, 'kibana.alert.workflow_tags').join(', ')}</span> },
  ];

  const reachable = Math.min(total, MAX_RESULT_WINDOW);

  return (
    <div data-test-subj="alertsPage">
      <EuiFlexGroup gutterSize="s" alignItems="center" wrap responsive={false}>
        <EuiFlexItem grow={3} style={{ minWidth: 260 }}>
          <EuiFieldSearch
            placeholder="Search alerts (rule, reason, host, user, process...)"
            incremental={false}
            onSearch={resetPage(setText)}
            fullWidth
            data-test-subj="alertsSearchBar"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSuperDatePicker
            start={range.start}
            end={range.end}
            onTimeChange={({ start, end, isInvalid }) => {
              if (isInvalid) return;
              setRange({ start, end });
              setPageIndex(0);
            }}
            onRefresh={afterChange}
            isLoading={loading}
            data-test-subj="alertsDatePicker"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiFilterGroup>
        <FilterPopover label="Status" testSubj="statusFilter" options={facets.statuses} selected={statuses} onChange={resetPage(setStatuses)} />
        <FilterPopover label="Severity" testSubj="severityFilter" options={facets.severities} selected={severities} onChange={resetPage(setSeverities)} />
        <FilterPopover label="Rule" testSubj="ruleFilter" options={facets.rules} selected={rules} onChange={resetPage(setRules)} />
        <FilterPopover label="Tags" testSubj="tagsFilter" options={facets.tags} selected={tags} onChange={resetPage(setTags)} />
      </EuiFilterGroup>
      <EuiSpacer size="m" />
      {error && (
        <>
          <EuiCallOut color="danger" iconType="error" title="Could not load alerts" data-test-subj="alertsError">
            {error}
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
      {!resolved && <EuiCallOut color="warning" title="The time range is invalid" />}
      <EuiText size="s" data-test-subj="alertsCount">
        <strong>{total.toLocaleString('en-US')}</strong> alerts
        {total > MAX_RESULT_WINDOW && <span> (the first {MAX_RESULT_WINDOW.toLocaleString('en-US')} can be paged; narrow the filters to see the rest)</span>}
      </EuiText>
      <EuiSpacer size="s" />
      <BulkActionsToolbar actions={extensions.bulkActions} selected={selected} clearSelection={() => setSelected([])} refresh={afterChange} />
      <EuiBasicTable<AlertHit>
        tableCaption="Alerts"
        items={hits}
        itemId="_id"
        selection={{ selected, onSelectionChange: setSelected }}
        columns={columns}
        loading={loading}
        noItemsMessage={loading ? 'Loading alerts…' : 'No alerts match the filters'}
        pagination={{ pageIndex, pageSize, totalItemCount: reachable, pageSizeOptions: [10, 25, 50, 100] }}
        sorting={{ sort: { field: sortField as keyof AlertHit, direction: sortDirection } }}
        onChange={onTableChange}
        rowProps={(hit) => ({ 'data-test-subj': `alertRow-${hit._id}`, className: 'alertsTableRow' })}
        data-test-subj="alertsTable"
      />
      {flyoutAlertId && <AlertFlyout alertId={flyoutAlertId} api={api} extensions={extensions} onClose={() => onFlyoutAlertChange(undefined)} onChanged={afterChange} onError={onError} />}
    </div>
  );
}
