/** The editor's Executions tab: the list, or one execution when `executionId` is in the URL. */
import { EuiCallOut } from '@elastic/eui';
import { useIntl } from 'react-intl';
import { ExecutionDetailView } from './execution_detail';
import { ExecutionsTable } from './executions_table';
import { executionMessages } from './translations';

export function ExecutionsTab({ workflowId, executionId, onSelect }: { workflowId?: string; executionId?: string; onSelect(executionId: string | undefined): void }) {
  const intl = useIntl();
  if (executionId) return <ExecutionDetailView key={executionId} executionId={executionId} onBack={workflowId ? () => onSelect(undefined) : undefined} />;
  if (!workflowId) return <EuiCallOut size="s" iconType="info" title={intl.formatMessage(executionMessages.unsaved)} />;
  return <ExecutionsTable workflowId={workflowId} onSelect={onSelect} />;
}
