/** Keys the schema knows, per object kind, for `unknown-key` warnings (workflow-engine §1). */

export const TOP_LEVEL_KEYS = ['version', 'name', 'description', 'enabled', 'tags', 'settings', 'triggers', 'inputs', 'consts', 'steps'];
export const SETTINGS_KEYS = ['timeout', 'on-failure', 'concurrency', 'max-step-size', 'liquid', 'timezone'];
export const CONCURRENCY_KEYS = ['key', 'strategy', 'max', 'queue-size', 'maxQueueSize', 'queue-ttl'];
export const LIQUID_SETTINGS_KEYS = ['parseLimit', 'renderLimit', 'memoryLimit'];
export const ON_FAILURE_KEYS = ['retry', 'fallback', 'continue'];
export const RETRY_KEYS = ['max-attempts', 'delay', 'strategy', 'multiplier', 'max-delay', 'jitter', 'condition'];
export const MAX_ITERATIONS_KEYS = ['limit', 'on-limit'];
export const INPUT_FIELD_KEYS = ['name', 'type', 'description', 'default', 'required', 'options', 'minItems', 'maxItems'];
export const TRIGGER_KEYS: Record<string, string[]> = {
  manual: ['type', 'inputs'],
  alert: ['type', 'with'],
  scheduled: ['type', 'with'],
};

/** Fields every step may carry (§1.3). */
export const COMMON_STEP_KEYS = ['name', 'type', 'with', 'if', 'foreach', 'max-iterations', 'timeout', 'connector-id', 'on-failure', 'max-step-size'];
export const FLOW_CONTROL_KEYS: Record<string, string[]> = {
  if: ['condition', 'steps', 'else'],
  foreach: ['steps'],
};
