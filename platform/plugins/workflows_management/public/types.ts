/** Browser contracts of workflowsManagement and the plugins it uses. */
import type { PublicStepDefinition, WorkflowsExtensionsStart } from '../../workflows_extensions/common/step_definition';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkflowsManagementPublicSetup {}

export interface WorkflowsManagementPublicStart {
  /** URL of a workflow (or of one of its executions) in the Workflows app, space-aware. */
  getWorkflowUrl(workflowId: string, executionId?: string): string;
}

export interface WorkflowsManagementStartDeps {
  workflowsExtensions?: WorkflowsExtensionsStart<PublicStepDefinition>;
}
