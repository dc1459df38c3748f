export { createWorkflowValidator, type WorkflowValidator } from './workflow_validator';
export type { RunInputDiagnostic, StepRegistry, WorkflowSpec } from './types';
export { workflowSpec } from './spec_package';
