import type { AiConnector, DefaultConnectorResolution } from '../../../platform/plugins/actions/server';
import type { AlertValidationSettings } from './settings';

/** What `GET …/internal/security_solution/alert_validation/runtime_config` answers (triage-steps §6.1). */
export interface AlertValidationRuntimeConfig {
  connector_id: string | null;
  connector_source: 'setting' | 'default' | 'none' | 'missing';
  /** Set when a configured connector no longer exists; the workflow says so in its note. */
  missing_connector_id?: string;
  agent_id: string;
  create_conversation: boolean;
  /** `null`: the workflow's own `consts` apply. */
  auto_close_enabled: boolean | null;
  auto_close_min_confidence: number | null;
  auto_close_max_confidence: number | null;
}

export const DEFAULT_ALERT_VALIDATION_AGENT_ID = 'elastic-ai-agent';

export interface ConnectorLookup {
  /** The space's connector setting, checked to exist. */
  setting?: { id: string; exists: boolean };
  /** The space default as the chat resolves it (assistant.md §3.5). */
  resolution: DefaultConnectorResolution<AiConnector> | undefined;
}

/**
 * The connector the triage workflow uses: the space's alert-validation setting, else the space default as the chat
 * resolves it, so the chat and the workflow never disagree. A configured connector that was deleted is reported as
 * `missing` instead of silently analysing with another model.
 */
export function resolveRuntimeConfig(settings: AlertValidationSettings, { setting, resolution }: ConnectorLookup): AlertValidationRuntimeConfig {
  const base = {
    agent_id: settings.agent_id ?? DEFAULT_ALERT_VALIDATION_AGENT_ID,
    create_conversation: settings.create_conversation ?? true,
    auto_close_enabled: settings.auto_close_enabled ?? null,
    auto_close_min_confidence: settings.auto_close_min_confidence ?? null,
    auto_close_max_confidence: settings.auto_close_max_confidence ?? null,
  };
  if (setting) {
    return setting.exists
      ? { ...base, connector_id: setting.id, connector_source: 'setting' }
      : { ...base, connector_id: null, connector_source: 'missing', missing_connector_id: setting.id };
  }
  if (resolution?.missing) {
    return { ...base, connector_id: null, connector_source: 'missing', missing_connector_id: resolution.missing.id };
  }
  if (!resolution) return { ...base, connector_id: null, connector_source: 'none' };
  return { ...base, connector_id: resolution.connector.id, connector_source: 'default' };
}
