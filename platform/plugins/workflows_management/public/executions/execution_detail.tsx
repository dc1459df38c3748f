/**
 * One execution (§7): header (status, times, trigger, user, error, Cancel while active), the step tree and the
 * selected record. Polls every 1 s (3 s after 30 s) until final and follows the running step until the user picks one.
 */
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiDescriptionList,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingSpinner,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { useCancelExecution, useExecution, useStepDefinitions } from '../api';
import { useWorkflowsServices } from '../app/services';
import { StatusBadge } from '../components/status_badge';
import { TestRunBadge } from '../components/test_run_badge';
import { buildExecutionTree, defaultSelectedStepExecution, flattenTree } from '../lib/execution_tree';
import { formatDuration } from '../lib/format_json';
import { isActiveStatus } from '../lib/status';
import { ExecutionLogs } from './execution_logs';
import { StepRecordPanel } from './step_record_panel';
import { StepTree } from './step_tree';
import { executionMessages } from './translations';

export function ExecutionDetailView({ executionId, onBack }: { executionId: string; onBack?: () => void }) {
  const intl = useIntl();
  const { core } = useWorkflowsServices();
  const execution = useExecution(executionId);
  const cancel = useCancelExecution();
  const definitions = useStepDefinitions();
  const definitionsById = useMemo(() => new Map(definitions.map((d) => [d.id, d])), [definitions]);
  const [pickedId, setPickedId] = useState<string>();

  const detail = execution.data;
  const tree = useMemo(() => (detail ? buildExecutionTree(detail.stepExecutions ?? [], detail.workflowDefinition) : []), [detail]);
  const flat = useMemo(() => flattenTree(tree), [tree]);
  const followed = useMemo(() => {
    const record = detail ? defaultSelectedStepExecution(detail.stepExecutions ?? []) : undefined;
    return record ? flat.find((n) => n.stepExecution?.id === record.id) : undefined;
  }, [detail, flat]);
  const selected = (pickedId ? flat.find((n) => n.id === pickedId) : undefined) ?? followed;

  if (execution.isError) {
    return (
      <EuiCallOut color="danger" iconType="error" title={intl.formatMessage(executionMessages.detailLoadFailed)} data-test-subj="executionLoadError">
        {execution.error.message}
      </EuiCallOut>
    );
  }
  if (!detail) return <EuiLoadingSpinner size="l" />;

  const active = isActiveStatus(detail.status);
  const onCancel = () =>
    cancel.mutate(detail.id, { onError: (e) => core.notifications.toasts.addError(e, { title: intl.formatMessage(executionMessages.cancelFailed) }) });

  return (
    <div data-test-subj="executionDetail" data-status={detail.status}>
      <EuiFlexGroup gutterSize="m" alignItems="center" responsive={false} wrap>
        {onBack && (
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty iconType="chevronSingleLeft" size="s" onClick={onBack} data-test-subj="executionBack">
              {intl.formatMessage(executionMessages.back)}
            </EuiButtonEmpty>
          </EuiFlexItem>
        )}
        <EuiFlexItem grow={false}>
          <EuiTitle size="s">
            <h2>{detail.workflowName}</h2>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false} data-test-subj="executionStatus">
          <StatusBadge status={detail.status} />
        </EuiFlexItem>
        {detail.isTestRun && (
          <EuiFlexItem grow={false}>
            <TestRunBadge />
          </EuiFlexItem>
        )}
        <EuiFlexItem />
        {active && (
          <EuiFlexItem grow={false}>
            <EuiButton
              color="danger"
              size="s"
              iconType="stop"
              onClick={onCancel}
              isLoading={cancel.isPending}
              isDisabled={detail.cancelRequested === true}
              data-test-subj="cancelExecutionButton"
            >
              {intl.formatMessage(detail.cancelRequested ? executionMessages.cancelRequested : executionMessages.cancel)}
            </EuiButton>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiDescriptionList
        type="inline"
        compressed
        listItems={[
          { title: intl.formatMessage(executionMessages.started), description: detail.startedAt ? new Date(detail.startedAt).toLocaleString() : '—' },
          { title: intl.formatMessage(executionMessages.finished), description: detail.finishedAt ? new Date(detail.finishedAt).toLocaleString() : '—' },
          { title: intl.formatMessage(executionMessages.duration), description: formatDuration(detail.duration) },
          { title: intl.formatMessage(executionMessages.trigger), description: detail.triggeredBy },
          { title: intl.formatMessage(executionMessages.user), description: detail.executedBy || '—' },
        ]}
      />
      {detail.error && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut color="danger" iconType="error" title={intl.formatMessage(executionMessages.executionFailed, { type: detail.error.type })} data-test-subj="executionErrorCallout">
            {detail.error.message}
          </EuiCallOut>
        </>
      )}
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="m" alignItems="flexStart">
        <EuiFlexItem grow={2} style={{ minWidth: 280 }}>
          <EuiPanel hasBorder paddingSize="s">
            <EuiText size="xs">
              <h4>{intl.formatMessage(executionMessages.steps)}</h4>
            </EuiText>
            <EuiSpacer size="xs" />
            <StepTree nodes={tree} selectedId={selected?.id} onSelect={(n) => setPickedId(n.id)} stepDefinitions={definitionsById} />
          </EuiPanel>
        </EuiFlexItem>
        <EuiFlexItem grow={3} style={{ minWidth: 0 }}>
          <EuiPanel hasBorder paddingSize="m">
            {selected?.stepExecution ? (
              <StepRecordPanel executionId={detail.id} step={selected.stepExecution} />
            ) : (
              <>
                <EuiText size="s" color="subdued">
                  {intl.formatMessage(executionMessages.selectStep)}
                </EuiText>
                <EuiSpacer size="s" />
                <ExecutionLogs executionId={detail.id} live={active} />
              </>
            )}
          </EuiPanel>
        </EuiFlexItem>
      </EuiFlexGroup>
    </div>
  );
}
