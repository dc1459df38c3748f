/** The Executions tab's list (§7): status, start, duration, trigger, test/production, user; filters and paging. */
import {
  EuiBasicTable,
  EuiCallOut,
  EuiFilterButton,
  EuiFilterGroup,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPopover,
  EuiSelectable,
  EuiSpacer,
  type CriteriaWithPagination,
  type EuiBasicTableColumn,
  type EuiSelectableOption,
} from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useExecutionList, type ExecutionListItem, type ExecutionStatus } from '../api';
import { RelativeTime } from '../components/relative_time';
import { StatusBadge } from '../components/status_badge';
import { TestRunBadge } from '../components/test_run_badge';
import { formatDuration } from '../lib/format_json';
import { EXECUTION_STATUSES, STATUS_LABELS } from '../lib/status';
import { executionMessages } from './translations';

type ExecutionType = 'production' | 'test';

function StatusFilter({ selected, onChange }: { selected: ExecutionStatus[]; onChange(statuses: ExecutionStatus[]): void }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const options: EuiSelectableOption[] = EXECUTION_STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], checked: selected.includes(s) ? 'on' : undefined }));
  return (
    <EuiPopover
      isOpen={open}
      closePopover={() => setOpen(false)}
      panelPaddingSize="none"
      button={
        <EuiFilterButton iconType="chevronSingleDown" onClick={() => setOpen(!open)} isSelected={open} hasActiveFilters={selected.length > 0} numActiveFilters={selected.length} data-test-subj="executionsStatusFilter">
          {intl.formatMessage(executionMessages.statusFilter)}
        </EuiFilterButton>
      }
    >
      <EuiSelectable options={options} onChange={(next) => onChange(next.filter((o) => o.checked === 'on').map((o) => o.key as ExecutionStatus))}>
        {(list) => <div style={{ width: 200 }}>{list}</div>}
      </EuiSelectable>
    </EuiPopover>
  );
}

export function ExecutionsTable({ workflowId, onSelect }: { workflowId: string; onSelect(executionId: string): void }) {
  const intl = useIntl();
  const [pageIndex, setPageIndex] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const [statuses, setStatuses] = useState<ExecutionStatus[]>([]);
  const [types, setTypes] = useState<ExecutionType[]>([]);
  const list = useExecutionList(workflowId, {
    page: pageIndex + 1,
    size: pageSize,
    statuses: statuses.length > 0 ? statuses : undefined,
    executionTypes: types.length > 0 ? types : undefined,
  });
  const toggleType = (t: ExecutionType) => {
    setTypes(types.includes(t) ? types.filter((x) => x !== t) : [...types, t]);
    setPageIndex(0);
  };

  const columns: Array<EuiBasicTableColumn<ExecutionListItem>> = [
    { field: 'status', name: intl.formatMessage(executionMessages.columnStatus), width: '130px', render: (s: ExecutionStatus) => <StatusBadge status={s} /> },
    { field: 'startedAt', name: intl.formatMessage(executionMessages.columnStarted), render: (iso: string | undefined) => <RelativeTime iso={iso} /> },
    { field: 'duration', name: intl.formatMessage(executionMessages.columnDuration), width: '110px', render: (ms: number | undefined) => formatDuration(ms) },
    { field: 'triggeredBy', name: intl.formatMessage(executionMessages.columnTrigger), width: '100px' },
    {
      field: 'isTestRun',
      name: intl.formatMessage(executionMessages.columnType),
      width: '120px',
      render: (isTest: boolean) => (isTest ? <TestRunBadge /> : intl.formatMessage(executionMessages.production)),
    },
    { field: 'executedBy', name: intl.formatMessage(executionMessages.columnUser), width: '140px' },
  ];

  return (
    <div data-test-subj="executionsTable">
      <EuiFlexGroup gutterSize="s" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiFilterGroup>
            <StatusFilter
              selected={statuses}
              onChange={(s) => {
                setStatuses(s);
                setPageIndex(0);
              }}
            />
            <EuiFilterButton withNext hasActiveFilters={types.includes('production')} onClick={() => toggleType('production')} data-test-subj="executionsProductionFilter">
              {intl.formatMessage(executionMessages.production)}
            </EuiFilterButton>
            <EuiFilterButton hasActiveFilters={types.includes('test')} onClick={() => toggleType('test')} data-test-subj="executionsTestFilter">
              {intl.formatMessage(executionMessages.test)}
            </EuiFilterButton>
          </EuiFilterGroup>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      {list.isError && (
        <EuiCallOut color="danger" iconType="error" title={intl.formatMessage(executionMessages.loadFailed)}>
          {list.error.message}
        </EuiCallOut>
      )}
      <EuiBasicTable
        items={list.data?.results ?? []}
        itemId="id"
        columns={columns}
        loading={list.isFetching}
        noItemsMessage={list.isSuccess ? intl.formatMessage(executionMessages.empty) : '…'}
        pagination={{ pageIndex, pageSize, totalItemCount: list.data?.total ?? 0, pageSizeOptions: [10, 20, 50] }}
        onChange={({ page }: CriteriaWithPagination<ExecutionListItem>) => {
          if (!page) return;
          setPageIndex(page.size !== pageSize ? 0 : page.index);
          setPageSize(page.size);
        }}
        rowProps={(item: ExecutionListItem) => ({ onClick: () => onSelect(item.id), style: { cursor: 'pointer' }, 'data-test-subj': 'executionRow' })}
        tableCaption="Executions"
      />
    </div>
  );
}
