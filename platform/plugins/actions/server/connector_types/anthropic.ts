import { z } from 'zod/v4';
import { createAnthropicAdapter } from '../llm/adapters/anthropic_adapter';
import { normalizeAnthropicBaseUrl } from '../llm/provider_urls';
import { defineApiKeyConnector } from './api_key_connector';
import { contextWindowTokens, httpUrl, modelName, toolCallingMode } from './shared_schemas';

export const ANTHROPIC_DEFAULT_MODEL = 'claude-sonnet-4-6';
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

export const anthropicConnectorType = defineApiKeyConnector<AnthropicConfig>({
  id: '.anthropic',
  name: 'Anthropic',
  provider: 'Anthropic',
  configSchema: anthropicConfigSchema,
  createAdapter: (config, apiKey, fetch) =>
    createAnthropicAdapter({
      baseUrl: normalizeAnthropicBaseUrl(config.apiUrl),
      apiKey,
      defaultMaxTokens: config.maxTokens,
      headers: config.headers,
      fetch,
    }),
});
