/** Run ▶ from the list: loads the workflow's definition (triggers, inputs), then shows the Run dialog over `/run`. */
import { EuiButton, EuiCallOut, EuiLoadingSpinner, EuiModal, EuiModalBody, EuiModalFooter } from '@elastic/eui';
import { useIntl } from 'react-intl';
import { useWorkflow } from '../api';
import { RunWorkflowModal } from './run_workflow_modal';
import { runMessages } from './translations';

export function RunWorkflowFromList({ workflowId, onClose, onStarted }: { workflowId: string; onClose(): void; onStarted(executionId: string): void }) {
  const intl = useIntl();
  const workflow = useWorkflow(workflowId);
  if (workflow.isSuccess) {
    const definition = workflow.data.definition;
    return (
      <RunWorkflowModal
        target={{ mode: 'run', workflowId }}
        triggerTypes={definition?.triggers.map((t) => t.type) ?? []}
        inputs={definition?.inputs}
        onClose={onClose}
        onStarted={onStarted}
      />
    );
  }
  return (
    <EuiModal onClose={onClose} data-test-subj="runWorkflowLoading">
      <EuiModalBody>
        {workflow.isError ? (
          <EuiCallOut color="danger" iconType="error" title={intl.formatMessage(runMessages.loadFailed)}>
            {workflow.error.message}
          </EuiCallOut>
        ) : (
          <EuiLoadingSpinner size="l" />
        )}
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButton onClick={onClose}>{intl.formatMessage(runMessages.cancel)}</EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
}
