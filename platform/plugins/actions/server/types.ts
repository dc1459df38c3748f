import type { ConnectorTypeId } from './connector_types';

/** A connector as the server sees it (never with secrets). Kibana's HTTP shape is the snake_case of this. */
export interface Connector {
  id: string;
  name: string;
  actionTypeId: ConnectorTypeId;
  /** Non-secret settings; empty for preconfigured connectors in HTTP answers, as in Kibana. */
  config: Record<string, unknown>;
  isPreconfigured: boolean;
  isDeprecated: boolean;
  isSystemAction: boolean;
  /** Stored secrets missing, incomplete or undecryptable: kept and flagged (assistant.md §3.5). */
  isMissingSecrets: boolean;
}

/** The AI view the assistant and the workflow steps use (assistant.md §3.3 AiConnector). */
export interface AiConnector {
  id: string;
  name: string;
  actionTypeId: ConnectorTypeId;
  provider: string;
  defaultModel?: string;
  contextWindowTokens?: number;
  toolCalling: 'auto' | 'native' | 'prompted';
  isPreconfigured: boolean;
  isMissingSecrets: boolean;
}

export type DefaultConnectorSource = 'space_setting' | 'config' | 'only_connector' | 'preconfigured' | 'first_by_name';

export interface DefaultConnectorResolution<C> {
  connector: C;
  source: DefaultConnectorSource;
  /** A configured default (space setting or config) that no longer exists, so the caller can say so. */
  missing?: { source: 'space_setting' | 'config'; id: string };
}
