import type { CoreStart, Logger } from '../../../platform/core/server';
import type { WorkflowsManagementApi } from '../../../platform/plugins/workflows_management/server/contract';
import { FEATURE_FLAGS, type FeatureFlagName } from '../../../common/constants';
import { PreinstalledWorkflowsBootstrapper, summarize, type BootstrapResult } from './bootstrapper';
import { PREINSTALLED_WORKFLOWS } from './preinstalled_workflows';

export { PreinstalledWorkflowsBootstrapper, type BootstrapResult, type BootstrapEntryResult } from './bootstrapper';
export { canonicalWorkflowHash, canonicalizeWorkflowYaml } from './canonical_hash';
export { PREINSTALLED_WORKFLOWS, readManifest, readShippedWorkflow } from './preinstalled_workflows';

export interface BootstrapOptions {
  core: Pick<CoreStart, 'featureFlags' | 'spaces'>;
  management: WorkflowsManagementApi | undefined;
  bootstrapper?: PreinstalledWorkflowsBootstrapper;
  /** Only these spaces (the `_bootstrap` route); default: every space. */
  spaceIds?: readonly string[];
  /** `workflowsExtensions.isReady()`: the steps the workflow uses must be registered before it is validated. */
  isReady?: () => Promise<void>;
  logger: Logger;
}

const EMPTY: BootstrapResult = summarize([]);

async function readFlag(core: BootstrapOptions['core'], name: FeatureFlagName, logger: Logger): Promise<boolean> {
  const { key, defaultValue } = FEATURE_FLAGS[name];
  try {
    return await core.featureFlags.getBooleanValue(key, defaultValue);
  } catch (error) {
    logger.warn(`Reading feature flag ${key} failed; using the default (${defaultValue})`, { error: (error as Error).message });
    return defaultValue;
  }
}

/**
 * Installs the preinstalled workflows into every space when `securitySolution.preinstalledWorkflowsEnabled` is on
 * (triage-steps §7). Never throws: problems become `errors` in the result and log lines.
 */
export async function bootstrapPreinstalledWorkflows(options: BootstrapOptions): Promise<BootstrapResult> {
  const { core, management, logger } = options;
  if (!(await readFlag(core, 'preinstalledWorkflowsEnabled', logger))) return EMPTY;
  if (!management) {
    logger.warn('Preinstalled workflows are enabled but workflow management is not available; nothing installed');
    return EMPTY;
  }
  const spaces = options.spaceIds ?? core.spaces.getAll().map((s) => s.id);
  const spaceIds = spaces.length > 0 ? spaces : ['default'];
  if (!(await readFlag(core, 'registerAlertValidationStepsEnabled', logger))) {
    logger.warn('Preinstalled workflows need the alert validation steps, which are disabled; nothing installed');
    return summarize(
      spaceIds.flatMap((space_id) => PREINSTALLED_WORKFLOWS.map(({ id }) => ({ id, space_id, outcome: 'skipped' as const, reason: 'steps_disabled' }))),
    );
  }
  await options.isReady?.();
  const bootstrapper = options.bootstrapper ?? new PreinstalledWorkflowsBootstrapper({ management, logger });
  const perSpace = await Promise.all(spaceIds.map((space) => bootstrapper.bootstrapSpace(space)));
  const result = summarize(perSpace.flatMap((r) => r.results));
  for (const r of result.results.filter((x) => x.outcome === 'error')) {
    logger.error(`Preinstalled workflow ${r.id} in space ${r.space_id} failed: ${r.reason ?? ''} ${r.error ?? ''}`.trim());
  }
  logger.info(
    `Preinstalled workflows: ${result.installed} installed, ${result.updated} updated, ${result.skipped} skipped, ${result.errors} errors`,
  );
  return result;
}
