import type { CoreSetup, Logger } from '../../platform/core/server';
import type { ServerStepDefinition, WorkflowsExtensionsSetup } from '../../platform/plugins/workflows_extensions/common/step_definition';
import { FEATURE_FLAGS } from '../../common/constants';

/** Each step's module is imported only when the flag is on, so a disabled host never loads the handlers. */
const STEP_LOADERS: ReadonlyArray<() => Promise<ServerStepDefinition>> = [
  async () => (await import('./steps/render_alert_narrative')).renderAlertNarrativeStepDefinition,
  async () => (await import('./steps/build_alert_entity_graph')).buildAlertEntityGraphStepDefinition,
  async () => (await import('./steps/validate_alert_verdict')).validateAlertVerdictStepDefinition,
];

/**
 * Registers the triage steps through async loaders gated by `securitySolution.registerAlertValidationStepsEnabled`
 * (triage-steps §1–2). `setup` stays synchronous: the flag is read once, after start, and memoised; a failed read
 * logs a warning and the default applies.
 */
export function registerTriageSteps({
  core,
  workflowsExtensions,
  logger,
}: {
  core: CoreSetup;
  workflowsExtensions: WorkflowsExtensionsSetup<ServerStepDefinition>;
  logger: Logger;
}): void {
  const { key, defaultValue } = FEATURE_FLAGS.registerAlertValidationStepsEnabled;
  let stepsEnabled: Promise<boolean> | undefined;
  const isEnabled = () =>
    (stepsEnabled ??= core
      .getStartServices()
      .then(([coreStart]) => coreStart.featureFlags.getBooleanValue(key, defaultValue))
      .catch((error: unknown) => {
        logger.warn(`Reading feature flag ${key} failed; using the default (${defaultValue})`, {
          error: error instanceof Error ? error.message : String(error),
        });
        return defaultValue;
      }));

  for (const load of STEP_LOADERS) {
    workflowsExtensions.registerStepDefinition(async () => ((await isEnabled()) ? load() : undefined));
  }
}
