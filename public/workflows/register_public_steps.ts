import type { CoreSetup } from '../../platform/core/public';
import type { PublicStepDefinition, WorkflowsExtensionsSetup } from '../../platform/plugins/workflows_extensions/common/step_definition';
import { FEATURE_FLAGS } from '../../common/constants';
import { ALERT_TRIAGE_STEP_IDS } from '../../common/workflows/constants';

/**
 * Public triage step definitions for the workflow editor, behind the same flag as the server (triage-steps §2), so the
 * editor never offers steps the server will not run. The definitions module is imported only when the flag is on.
 */
export function registerPublicStepDefinitions({
  core,
  workflowsExtensions,
}: {
  core: Pick<CoreSetup, 'featureFlags'>;
  workflowsExtensions: WorkflowsExtensionsSetup<PublicStepDefinition>;
}): void {
  const { key, defaultValue } = FEATURE_FLAGS.registerAlertValidationStepsEnabled;
  // Possibly async on other hosts; read once and shared by the three loaders.
  let enabled: Promise<boolean> | undefined;
  const isEnabled = () => (enabled ??= Promise.resolve(core.featureFlags.getBooleanValue(key, defaultValue)).catch(() => defaultValue));
  for (const stepId of ALERT_TRIAGE_STEP_IDS) {
    workflowsExtensions.registerStepDefinition(async () => {
      if (!(await isEnabled())) return undefined;
      const { publicTriageStepDefinitions } = await import('./step_definitions');
      return publicTriageStepDefinitions.find((definition) => definition.id === stepId);
    });
  }
}
