/** The selected step record: tabs Input / Output / Error / Logs, and the `steps.<name>.output` path to copy. */
import { EuiButtonIcon, EuiCode, EuiCopy, EuiFlexGroup, EuiFlexItem, EuiSpacer, EuiTab, EuiTabs, EuiText, EuiTitle } from '@elastic/eui';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { StepExecution } from '../api';
import { StatusBadge } from '../components/status_badge';
import { formatDuration } from '../lib/format_json';
import { isActiveStatus } from '../lib/status';
import { ExecutionLogs } from './execution_logs';
import { JsonBlock } from './json_block';
import { executionMessages } from './translations';

type RecordTab = 'input' | 'output' | 'error' | 'logs';

export function StepRecordPanel({ executionId, step }: { executionId: string; step: StepExecution }) {
  const intl = useIntl();
  const [tab, setTab] = useState<RecordTab>(step.error ? 'error' : 'output');
  // A newly selected step opens on its error when it failed, else on its output.
  useEffect(() => setTab(step.error ? 'error' : 'output'), [step.id, step.error]);
  const path = `steps.${step.stepId}.output`;
  const tabs: Array<{ id: RecordTab; label: string }> = [
    { id: 'input', label: intl.formatMessage(executionMessages.tabInput) },
    { id: 'output', label: intl.formatMessage(executionMessages.tabOutput) },
    { id: 'error', label: intl.formatMessage(executionMessages.tabError) },
    { id: 'logs', label: intl.formatMessage(executionMessages.tabLogs) },
  ];
  return (
    <div data-test-subj="stepRecordPanel">
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiTitle size="xs">
            <h3 data-test-subj="stepRecordTitle">{step.stepId}</h3>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <StatusBadge status={step.status} />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiText size="xs" color="subdued">
            {step.stepType} · {formatDuration(step.executionTimeMs)}
          </EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="xs" />
      <EuiFlexGroup gutterSize="xs" alignItems="center" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiText size="xs" color="subdued">
            {intl.formatMessage(executionMessages.outputPath)}:
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiCode data-test-subj="stepOutputPath">{path}</EuiCode>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiCopy textToCopy={path} afterMessage={intl.formatMessage(executionMessages.copied)}>
            {(copy) => <EuiButtonIcon iconType="copy" size="xs" aria-label={intl.formatMessage(executionMessages.copyPath)} onClick={copy} data-test-subj="copyStepOutputPath" />}
          </EuiCopy>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiTabs size="s">
        {tabs.map((t) => (
          <EuiTab key={t.id} isSelected={tab === t.id} onClick={() => setTab(t.id)} data-test-subj={`stepRecordTab-${t.id}`}>
            {t.label}
          </EuiTab>
        ))}
      </EuiTabs>
      <EuiSpacer size="s" />
      {tab === 'input' && <JsonBlock value={step.input} testSubj="stepRecordInput" />}
      {tab === 'output' && <JsonBlock value={step.output} testSubj="stepRecordOutput" />}
      {tab === 'error' && <JsonBlock value={step.error} testSubj="stepRecordError" />}
      {tab === 'logs' && <ExecutionLogs executionId={executionId} stepExecutionId={step.id} live={isActiveStatus(step.status)} />}
    </div>
  );
}
