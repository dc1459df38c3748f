/** The Alert tab: KQL bar and time range over the space's alerts, a multi-select table of at most 50 alerts. */
import {
  EuiBasicTable,
  EuiCallOut,
  EuiFieldSearch,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHealth,
  EuiSpacer,
  EuiSuperDatePicker,
  EuiText,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useAlertsSearch, type AlertSummary } from '../api';
import { runMessages } from './translations';

export const MAX_SELECTED_ALERTS = 50;
const SEVERITY_COLORS: Record<string, string> = { low: 'subdued', medium: 'warning', high: 'danger', critical: 'danger' };

export function AlertPicker({ selected, onSelectionChange }: { selected: AlertSummary[]; onSelectionChange(alerts: AlertSummary[]): void }) {
  const intl = useIntl();
  const [kql, setKql] = useState('');
  const [range, setRange] = useState({ start: 'now-24h', end: 'now' });
  const search = useAlertsSearch({ query: kql || undefined, from: range.start, to: range.end, size: MAX_SELECTED_ALERTS }, true);
  const alerts = search.data?.alerts ?? [];
  const selectedIds = new Set(selected.map((a) => a._id));

  const columns: Array<EuiBasicTableColumn<AlertSummary>> = [
    { field: '@timestamp', name: intl.formatMessage(runMessages.columnTime), width: '170px', render: (ts: string) => (ts ? new Date(ts).toLocaleString() : '—') },
    { field: 'ruleName', name: intl.formatMessage(runMessages.columnRule), truncateText: true },
    {
      field: 'severity',
      name: intl.formatMessage(runMessages.columnSeverity),
      width: '100px',
      render: (severity: string) => <EuiHealth color={SEVERITY_COLORS[severity] ?? 'subdued'}>{severity}</EuiHealth>,
    },
    { field: 'status', name: intl.formatMessage(runMessages.columnStatus), width: '100px' },
    {
      name: intl.formatMessage(runMessages.columnEntity),
      width: '150px',
      render: (alert: AlertSummary) => [alert.hostName, alert.userName].filter(Boolean).join(' / ') || '—',
    },
    { field: 'reason', name: intl.formatMessage(runMessages.columnReason), truncateText: true },
  ];

  return (
    <div data-test-subj="alertPicker">
      <EuiFlexGroup gutterSize="s" responsive={false} wrap>
        <EuiFlexItem style={{ minWidth: 280 }}>
          <EuiFieldSearch
            fullWidth
            placeholder={intl.formatMessage(runMessages.kqlPlaceholder)}
            incremental={false}
            onSearch={(value) => setKql(value.trim())}
            isLoading={search.isFetching}
            data-test-subj="alertPickerKql"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSuperDatePicker
            start={range.start}
            end={range.end}
            onTimeChange={({ start, end, isInvalid }) => {
              if (!isInvalid) setRange({ start, end });
            }}
            onRefresh={() => void search.refetch()}
            isLoading={search.isFetching}
            data-test-subj="alertPickerTimeRange"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      {search.isError && (
        <EuiCallOut color="danger" iconType="error" size="s" title={intl.formatMessage(runMessages.alertsFailed)} data-test-subj="alertPickerError">
          {search.error.message}
        </EuiCallOut>
      )}
      <EuiText size="xs" color="subdued" data-test-subj="alertPickerSummary">
        {intl.formatMessage(runMessages.alertsSelected, { count: selected.length, max: MAX_SELECTED_ALERTS })}
        {search.data ? ` · ${intl.formatMessage(runMessages.alertsTotal, { shown: alerts.length, total: search.data.total })}` : ''}
      </EuiText>
      <EuiBasicTable
        items={alerts}
        itemId="_id"
        columns={columns}
        loading={search.isFetching}
        noItemsMessage={search.isSuccess ? intl.formatMessage(runMessages.noAlerts) : '…'}
        selection={{
          selected: alerts.filter((a) => selectedIds.has(a._id)),
          onSelectionChange: (items: AlertSummary[]) => onSelectionChange(items.slice(0, MAX_SELECTED_ALERTS)),
          selectable: (a: AlertSummary) => selectedIds.has(a._id) || selected.length < MAX_SELECTED_ALERTS,
        }}
        rowProps={() => ({ 'data-test-subj': 'alertPickerRow' })}
        tableCaption={intl.formatMessage(runMessages.alertTab)}
        data-test-subj="alertPickerTable"
      />
    </div>
  );
}
