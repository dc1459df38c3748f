/**
 * The workflow list (§7): name + description, tags, triggers, last run, enabled switch (locked while invalid),
 * invalid icon, Run / Edit / Delete, search, an Enabled filter, paging and an empty state.
 */
import {
  EuiBadge,
  EuiBasicTable,
  EuiButton,
  EuiButtonIcon,
  EuiCallOut,
  EuiConfirmModal,
  EuiEmptyPrompt,
  EuiFieldSearch,
  EuiFilterButton,
  EuiFilterGroup,
  EuiFlexGroup,
  EuiFlexItem,
  EuiIcon,
  EuiLink,
  EuiPageTemplate,
  EuiSpacer,
  EuiSwitch,
  EuiText,
  EuiToolTip,
  type CriteriaWithPagination,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useDeleteWorkflow, useUpdateWorkflow, useWorkflowList, type WorkflowListItem } from '../api';
import { workflowAppPath } from '../app/app_paths';
import { useWorkflowsServices } from '../app/services';
import { useAppRoute } from '../app/use_app_route';
import { RelativeTime } from '../components/relative_time';
import { StatusBadge } from '../components/status_badge';
import { TriggerIcons } from '../components/trigger_icons';
import { RunWorkflowFromList } from '../run/run_workflow_from_list';
import { listMessages } from './translations';

const PAGE_SIZES = [10, 20, 50, 100];

export function WorkflowsListPage() {
  const intl = useIntl();
  const { core } = useWorkflowsServices();
  const { navigate, href } = useAppRoute();
  const [query, setQuery] = useState('');
  const [enabled, setEnabled] = useState<boolean | undefined>(undefined);
  const [pageIndex, setPageIndex] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const [toDelete, setToDelete] = useState<WorkflowListItem>();
  const [toRun, setToRun] = useState<WorkflowListItem>();
  const list = useWorkflowList({ page: pageIndex + 1, size: pageSize, query: query || undefined, enabled });
  const update = useUpdateWorkflow();
  const remove = useDeleteWorkflow();

  const filtered = Boolean(query) || enabled !== undefined;
  const results = list.data?.results ?? [];
  const total = list.data?.total ?? 0;

  const toggleEnabled = (item: WorkflowListItem, value: boolean) =>
    update.mutate(
      { id: item.id, update: { enabled: value } },
      { onError: (e) => core.notifications.toasts.addError(e, { title: intl.formatMessage(listMessages.updateFailed) }) },
    );

  const confirmDelete = () => {
    if (!toDelete) return;
    const item = toDelete;
    setToDelete(undefined);
    remove.mutate(item.id, {
      onSuccess: () => core.notifications.toasts.addSuccess(intl.formatMessage(listMessages.deleted, { name: item.name })),
      onError: (e) => core.notifications.toasts.addError(e, { title: intl.formatMessage(listMessages.deleteFailed) }),
    });
  };

  const columns: Array<EuiBasicTableColumn<WorkflowListItem>> = [
    {
      field: 'name',
      name: intl.formatMessage(listMessages.columnName),
      render: (_name: string, item: WorkflowListItem) => (
        <div>
          <EuiFlexGroup gutterSize="xs" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiLink
                href={href(workflowAppPath(item.id))}
                onClick={(e: React.MouseEvent) => {
                  e.preventDefault();
                  navigate(workflowAppPath(item.id));
                }}
                data-test-subj="workflowNameLink"
              >
                {item.name}
              </EuiLink>
            </EuiFlexItem>
            {!item.valid && (
              <EuiFlexItem grow={false}>
                <EuiToolTip
                  content={
                    item.validationErrors?.[0]
                      ? intl.formatMessage(listMessages.invalidTooltip, { message: item.validationErrors[0].message })
                      : intl.formatMessage(listMessages.invalidNoDetails)
                  }
                >
                  <EuiIcon type="warning" color="danger" tabIndex={0} aria-label={intl.formatMessage(listMessages.invalidNoDetails)} data-test-subj="workflowInvalidIcon" />
                </EuiToolTip>
              </EuiFlexItem>
            )}
          </EuiFlexGroup>
          {item.description && (
            <EuiText size="xs" color="subdued">
              {item.description}
            </EuiText>
          )}
        </div>
      ),
    },
    {
      field: 'tags',
      name: intl.formatMessage(listMessages.columnTags),
      width: '180px',
      render: (tags: string[]) => (
        <EuiFlexGroup gutterSize="xs" wrap responsive={false}>
          {tags.map((tag) => (
            <EuiFlexItem grow={false} key={tag}>
              <EuiBadge color="hollow">{tag}</EuiBadge>
            </EuiFlexItem>
          ))}
        </EuiFlexGroup>
      ),
    },
    {
      field: 'triggerTypes',
      name: intl.formatMessage(listMessages.columnTriggers),
      width: '90px',
      render: (triggerTypes: string[]) => <TriggerIcons triggerTypes={triggerTypes ?? []} />,
    },
    {
      field: 'history',
      name: intl.formatMessage(listMessages.columnLastRun),
      width: '200px',
      render: (_h: unknown, item: WorkflowListItem) => {
        const last = item.history?.[0];
        if (!last) return <EuiText size="xs" color="subdued">{intl.formatMessage(listMessages.neverRun)}</EuiText>;
        return (
          <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiLink
                href={href(workflowAppPath(item.id, last.id))}
                onClick={(e: React.MouseEvent) => {
                  e.preventDefault();
                  navigate(workflowAppPath(item.id, last.id));
                }}
                data-test-subj="workflowLastRunLink"
              >
                <StatusBadge status={last.status} />
              </EuiLink>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiText size="xs">
                <RelativeTime iso={last.startedAt ?? last.finishedAt} />
              </EuiText>
            </EuiFlexItem>
          </EuiFlexGroup>
        );
      },
    },
    {
      field: 'enabled',
      name: intl.formatMessage(listMessages.columnEnabled),
      width: '90px',
      render: (value: boolean, item: WorkflowListItem) => {
        const control = (
          <EuiSwitch
            label={intl.formatMessage(listMessages.columnEnabled)}
            showLabel={false}
            checked={item.valid && value}
            disabled={!item.valid || (update.isPending && update.variables?.id === item.id)}
            onChange={(e) => toggleEnabled(item, e.target.checked)}
            data-test-subj="workflowEnabledSwitch"
          />
        );
        return item.valid ? control : <EuiToolTip content={intl.formatMessage(listMessages.enableLocked)}>{control}</EuiToolTip>;
      },
    },
    {
      name: intl.formatMessage(listMessages.columnActions),
      width: '120px',
      render: (item: WorkflowListItem) => {
        const canRun = item.valid && item.enabled;
        return (
          <EuiFlexGroup gutterSize="xs" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiToolTip content={canRun ? intl.formatMessage(listMessages.run) : intl.formatMessage(listMessages.runDisabled)}>
                <EuiButtonIcon iconType="play" aria-label={intl.formatMessage(listMessages.run)} isDisabled={!canRun} onClick={() => setToRun(item)} data-test-subj="runWorkflowAction" />
              </EuiToolTip>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButtonIcon iconType="pencil" aria-label={intl.formatMessage(listMessages.edit)} onClick={() => navigate(workflowAppPath(item.id))} data-test-subj="editWorkflowAction" />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButtonIcon iconType="trash" color="danger" aria-label={intl.formatMessage(listMessages.delete)} onClick={() => setToDelete(item)} data-test-subj="deleteWorkflowAction" />
            </EuiFlexItem>
          </EuiFlexGroup>
        );
      },
    },
  ];

  const onTableChange = ({ page }: CriteriaWithPagination<WorkflowListItem>) => {
    if (!page) return;
    setPageIndex(page.size !== pageSize ? 0 : page.index);
    setPageSize(page.size);
  };

  const createButton = (
    <EuiButton fill iconType="plusCircle" onClick={() => navigate('/create')} data-test-subj="createWorkflowButton">
      {intl.formatMessage(listMessages.createWorkflow)}
    </EuiButton>
  );

  const showEmptyPrompt = list.isSuccess && total === 0 && !filtered;

  return (
    <>
      <EuiPageTemplate.Header pageTitle={intl.formatMessage(listMessages.title)} rightSideItems={[createButton]} />
      <EuiPageTemplate.Section data-test-subj="workflowsListPage">
        {showEmptyPrompt ? (
          <EuiEmptyPrompt
            iconType="workflowsApp"
            title={<h2>{intl.formatMessage(listMessages.emptyTitle)}</h2>}
            body={<p>{intl.formatMessage(listMessages.emptyBody)}</p>}
            actions={createButton}
            data-test-subj="workflowsEmptyPrompt"
          />
        ) : (
          <>
            <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
              <EuiFlexItem>
                <EuiFieldSearch
                  fullWidth
                  placeholder={intl.formatMessage(listMessages.searchPlaceholder)}
                  incremental={false}
                  onSearch={(value) => {
                    setQuery(value.trim());
                    setPageIndex(0);
                  }}
                  data-test-subj="workflowsSearch"
                />
              </EuiFlexItem>
              <EuiFlexItem grow={false}>
                <EuiFilterGroup>
                  <EuiFilterButton
                    withNext
                    hasActiveFilters={enabled === true}
                    onClick={() => {
                      setEnabled(enabled === true ? undefined : true);
                      setPageIndex(0);
                    }}
                    data-test-subj="workflowsEnabledFilter"
                  >
                    {intl.formatMessage(listMessages.enabledFilter)}
                  </EuiFilterButton>
                  <EuiFilterButton
                    hasActiveFilters={enabled === false}
                    onClick={() => {
                      setEnabled(enabled === false ? undefined : false);
                      setPageIndex(0);
                    }}
                    data-test-subj="workflowsDisabledFilter"
                  >
                    {intl.formatMessage(listMessages.disabledFilter)}
                  </EuiFilterButton>
                </EuiFilterGroup>
              </EuiFlexItem>
            </EuiFlexGroup>
            <EuiSpacer size="m" />
            {list.isError && (
              <>
                <EuiCallOut color="danger" iconType="error" title={intl.formatMessage(listMessages.loadFailed)} data-test-subj="workflowsLoadError">
                  {list.error.message}
                </EuiCallOut>
                <EuiSpacer size="m" />
              </>
            )}
            <EuiBasicTable
              items={results}
              itemId="id"
              columns={columns}
              loading={list.isFetching}
              noItemsMessage={list.isSuccess ? intl.formatMessage(listMessages.noMatches) : '…'}
              pagination={{ pageIndex, pageSize, totalItemCount: total, pageSizeOptions: PAGE_SIZES }}
              onChange={onTableChange}
              rowProps={() => ({ 'data-test-subj': 'workflowRow' })}
              tableCaption={intl.formatMessage(listMessages.title)}
              data-test-subj="workflowsTable"
            />
          </>
        )}
      </EuiPageTemplate.Section>
      {toDelete && (
        <EuiConfirmModal
          title={intl.formatMessage(listMessages.deleteTitle, { name: toDelete.name })}
          onCancel={() => setToDelete(undefined)}
          onConfirm={confirmDelete}
          cancelButtonText={intl.formatMessage(listMessages.cancel)}
          confirmButtonText={intl.formatMessage(listMessages.delete)}
          buttonColor="danger"
          data-test-subj="deleteWorkflowConfirm"
        >
          <p>{intl.formatMessage(listMessages.deleteBody)}</p>
        </EuiConfirmModal>
      )}
      {toRun && (
        <RunWorkflowFromList
          workflowId={toRun.id}
          onClose={() => setToRun(undefined)}
          onStarted={(executionId) => {
            setToRun(undefined);
            navigate(workflowAppPath(toRun.id, executionId));
          }}
        />
      )}
    </>
  );
}
