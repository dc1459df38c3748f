/** Identity, feature flags, privileges and route paths of the Security AI Assistant plugin (server + browser). */

import {
  PREINSTALLED_WORKFLOWS_FEATURE_FLAG,
  PREINSTALLED_WORKFLOWS_FEATURE_FLAG_DEFAULT,
  REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG,
  REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG_DEFAULT,
} from './workflows/constants';

export const PLUGIN_ID = 'securityAiAssistant';
export const PLUGIN_NAME = 'Security AI Assistant';

/** Kibana feature that gates the assistant; routes require its api privileges. */
export const ASSISTANT_FEATURE_ID = 'securitySolutionAssistant';
export const ASSISTANT_API_PRIVILEGES = {
  all: `${ASSISTANT_FEATURE_ID}-all`,
  read: `${ASSISTANT_FEATURE_ID}-read`,
} as const;

/** Feature flags (keys as written under `feature_flags.overrides`) and their defaults. */
export const FEATURE_FLAGS = {
  registerAlertValidationStepsEnabled: {
    key: REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG,
    defaultValue: REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG_DEFAULT,
  },
  preinstalledWorkflowsEnabled: {
    key: PREINSTALLED_WORKFLOWS_FEATURE_FLAG,
    defaultValue: PREINSTALLED_WORKFLOWS_FEATURE_FLAG_DEFAULT,
  },
} as const;

export type FeatureFlagName = keyof typeof FEATURE_FLAGS;

/** Internal routes are versioned with integers, as Kibana's internal APIs are. */
export const INTERNAL_API_VERSION = '1';

export const INTERNAL_API_BASE = '/internal/security_ai_assistant';
export const ROUTES = {
  status: `${INTERNAL_API_BASE}/status`,
} as const;
