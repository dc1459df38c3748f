export const PLUGIN_ID = 'workflowsExtensions';

/** CI approval fixture route (workflow-engine §0.1). */
export const STEP_DEFINITIONS_APPROVAL_ROUTE = '/internal/workflows_extensions/step_definitions';

export interface StepDefinitionsApprovalResponse {
  steps: Array<{ id: string; handlerHash: string }>;
}
