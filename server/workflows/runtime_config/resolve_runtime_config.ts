import type { AiConnector, DefaultConnectorResolution } from '../../../platform/plugins/actions/server';

/** What `GET …/internal/security_solution/alert_validation/runtime_config` answers (triage-steps §6.1). */
export interface AlertValidationRuntimeConfig {
  connector_id: string | null;
  connector_source: 'setting' | 'default' | 'none' | 'missing';
  /** Set when a configured default no longer exists; the workflow then says which one in its note. */
  missing_connector_id?: string;
  agent_id: string;
  create_conversation: boolean;
}

export const DEFAULT_ALERT_VALIDATION_AGENT_ID = 'elastic-ai-agent';

/**
 * The connector the triage workflow uses: the space's default as the chat resolves it (assistant.md §3.5), so the
 * chat and the workflow never disagree. A configured default that was deleted is reported as `missing` instead of
 * silently analysing with another model.
 */
export function resolveRuntimeConfig(resolution: DefaultConnectorResolution<AiConnector> | undefined): AlertValidationRuntimeConfig {
  const base = { agent_id: DEFAULT_ALERT_VALIDATION_AGENT_ID, create_conversation: true };
  if (resolution?.missing) {
    return { ...base, connector_id: null, connector_source: 'missing', missing_connector_id: resolution.missing.id };
  }
  if (!resolution) return { ...base, connector_id: null, connector_source: 'none' };
  return { ...base, connector_id: resolution.connector.id, connector_source: 'default' };
}
