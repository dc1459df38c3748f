import { z } from 'zod/v4';
import { createAnthropicAdapter } from '../llm/adapters/anthropic_adapter';
import { createChatClient } from '../llm/chat_client';
import { normalizeAnthropicBaseUrl } from '../llm/provider_urls';
import { contextWindowTokens, httpUrl, modelName, secretString, toolCallingMode } from './shared_schemas';
import type { ConnectorTypeDefinition } from './types';

export const ANTHROPIC_DEFAULT_MODEL = 'claude-sonnet-4-5';
export const ANTHROPIC_DEFAULT_URL = 'https://api.anthropic.com';

export const anthropicConfigSchema = z
  .object({
    apiUrl: httpUrl.default(ANTHROPIC_DEFAULT_URL),
    defaultModel: modelName.default(ANTHROPIC_DEFAULT_MODEL),
    maxTokens: z.number().int().min(1).max(200_000).default(4096),
    headers: z.record(z.string(), z.string()).optional(),
    contextWindowTokens,
    toolCalling: toolCallingMode,
  })
  .strict();

export type AnthropicConfig = z.infer<typeof anthropicConfigSchema>;

export const anthropicSecretsSchema = z.object({ apiKey: secretString }).strict();

export const anthropicConnectorType: ConnectorTypeDefinition<AnthropicConfig> = {
  id: '.anthropic',
  name: 'Anthropic',
  configSchema: anthropicConfigSchema,
  secretsSchema: anthropicSecretsSchema,
  hasRequiredSecrets: (_config, secrets) => typeof secrets.apiKey === 'string' && secrets.apiKey !== '',
  provider: () => 'Anthropic',
  defaultModel: (config) => config.defaultModel,
  createChatClient(connector, options) {
    const config = anthropicConfigSchema.parse(connector.config);
    const apiKey = typeof connector.secrets.apiKey === 'string' ? connector.secrets.apiKey : '';
    return createChatClient({
      connector,
      adapter: createAnthropicAdapter({
        baseUrl: normalizeAnthropicBaseUrl(config.apiUrl),
        apiKey,
        defaultMaxTokens: config.maxTokens,
        headers: config.headers,
        fetch: options.fetch,
      }),
      defaultModel: config.defaultModel,
      secrets: apiKey ? [apiKey] : [],
      retry: options.retry,
      timeouts: options.timeouts,
      sleep: options.sleep,
    });
  },
};
