import type { WorkflowDefinition, WorkflowValidationResult } from '../../../../packages/workflows/definition';
import type { BaseStepDefinition, ServerStepDefinition } from '../../../workflows_extensions/common/step_definition';

/** What this plugin needs from the workflows spec package (platform/packages/workflows), injectable for tests. */
export interface WorkflowSpec {
  validateWorkflowYaml(yaml: string, options: { stepDefinitions: readonly BaseStepDefinition[]; knownConnectors?: readonly string[] }): WorkflowValidationResult;
  buildWorkflowJsonSchema(stepDefinitions: readonly BaseStepDefinition[], options: { loose: boolean }): Record<string, unknown>;
  /** Defaults first, then validation (§1.1); extra keys pass through. */
  prepareRunInputs(
    definition: WorkflowDefinition,
    inputs: Record<string, unknown>,
  ): { valid: true; inputs: Record<string, unknown> } | { valid: false; message: string; diagnostics: RunInputDiagnostic[] };
}

/** A run-input failure: inputs have no YAML position, so unlike WorkflowDiagnostic there is no line or column. */
export interface RunInputDiagnostic {
  severity: 'error';
  code: 'invalid-input';
  message: string;
  path: Array<string | number>;
}

/** The slice of the `workflowsExtensions` server start contract used here (`version` is optional: older registries lack it). */
export interface StepRegistry {
  getAllStepDefinitions(): ServerStepDefinition[];
  isReady(): Promise<void>;
  version?(): number | string;
}
