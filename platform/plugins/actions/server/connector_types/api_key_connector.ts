import { z } from 'zod/v4';
import { createChatClient } from '../llm/chat_client';
import type { ProviderAdapter } from '../llm/types';
import { secretString } from './shared_schemas';
import type { ConnectorTypeDefinition, ConnectorTypeId } from './types';

/** Secrets of a connector that authenticates with exactly one API key. */
export const apiKeySecretsSchema = z.object({ apiKey: secretString }).strict();

export interface ApiKeyConnectorSpec<Config extends { defaultModel: string }> {
  id: ConnectorTypeId;
  name: string;
  /** Provider label shown in the UI. */
  provider: string;
  configSchema: z.ZodType<Config>;
  /** The provider's wire adapter for a validated config and the stored key (empty when missing). */
  createAdapter(config: Config, apiKey: string, fetch: typeof globalThis.fetch | undefined): ProviderAdapter;
}

/**
 * A connector type for a single-key provider with a configured default model (Anthropic, Gemini):
 * they differ only in their config and wire adapter, so secrets, labels and chat-client wiring live here once.
 */
export function defineApiKeyConnector<Config extends { defaultModel: string }>(spec: ApiKeyConnectorSpec<Config>): ConnectorTypeDefinition<Config> {
  return {
    id: spec.id,
    name: spec.name,
    configSchema: spec.configSchema,
    secretsSchema: apiKeySecretsSchema,
    hasRequiredSecrets: (_config, secrets) => typeof secrets.apiKey === 'string' && secrets.apiKey !== '',
    provider: () => spec.provider,
    defaultModel: (config) => config.defaultModel,
    createChatClient(connector, options) {
      const config = spec.configSchema.parse(connector.config);
      const apiKey = typeof connector.secrets.apiKey === 'string' ? connector.secrets.apiKey : '';
      return createChatClient({
        connector,
        adapter: spec.createAdapter(config, apiKey, options.fetch),
        defaultModel: config.defaultModel,
        secrets: apiKey ? [apiKey] : [],
        retry: options.retry,
        timeouts: options.timeouts,
        sleep: options.sleep,
      });
    },
  };
}
