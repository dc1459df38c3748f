/**
 * Ids, feature-flag keys and limits of the alert-triage steps (triage-steps §1, §3.1, §5).
 * `common/constants.ts` builds the plugin's FEATURE_FLAGS table from these keys.
 */

export const RENDER_ALERT_NARRATIVE_STEP_ID = 'security.renderAlertNarrative';
export const BUILD_ALERT_ENTITY_GRAPH_STEP_ID = 'security.buildAlertEntityGraph';
export const VALIDATE_ALERT_VERDICT_STEP_ID = 'security.validateAlertVerdict';

export const ALERT_TRIAGE_STEP_IDS = [
  RENDER_ALERT_NARRATIVE_STEP_ID,
  BUILD_ALERT_ENTITY_GRAPH_STEP_ID,
  VALIDATE_ALERT_VERDICT_STEP_ID,
] as const;

/** Gates the three steps on server and public. Kibana's merged step PR defaults it to true. */
export const REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG = 'securitySolution.registerAlertValidationStepsEnabled';
export const REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG_DEFAULT = true;

/** Gates the preinstalled-workflow bootstrapper. */
export const PREINSTALLED_WORKFLOWS_FEATURE_FLAG = 'securitySolution.preinstalledWorkflowsEnabled';
export const PREINSTALLED_WORKFLOWS_FEATURE_FLAG_DEFAULT = false;

/** Batch limit of `alertIds` in security.renderAlertNarrative. */
export const MAX_NARRATIVE_BATCH = 100;

/** Limit of `known_alert_ids` in security.validateAlertVerdict. */
export const MAX_KNOWN_ALERT_IDS = 1000;
