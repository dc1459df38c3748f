/** Identity, feature flags, privileges and route paths of the Security AI Assistant plugin (server + browser). */

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
    key: 'securitySolution.registerAlertValidationStepsEnabled',
    defaultValue: true,
  },
  preinstalledWorkflowsEnabled: {
    key: 'securitySolution.preinstalledWorkflowsEnabled',
    defaultValue: false,
  },
} as const;

export type FeatureFlagName = keyof typeof FEATURE_FLAGS;

/** Internal routes are versioned with integers, as Kibana's internal APIs are. */
export const INTERNAL_API_VERSION = '1';

export const INTERNAL_API_BASE = '/internal/security_ai_assistant';
export const ROUTES = {
  status: `${INTERNAL_API_BASE}/status`,
} as const;
