import { z } from 'zod/v4';
import { createOpenAiAdapter } from '../llm/adapters/openai_adapter';
import { createChatClient } from '../llm/chat_client';
import { normalizeOpenAiBaseUrl } from '../llm/provider_urls';
import { contextWindowTokens, httpUrl, modelName, secretString, toolCallingMode } from './shared_schemas';
import type { ConnectorTypeDefinition } from './types';

export const GEMINI_DEFAULT_MODEL = 'gemini-2.5-flash';
/** Google's OpenAI-compatible Gemini endpoint: chat, streaming, tools and response_format json_schema. */
export const GEMINI_DEFAULT_URL = 'https://generativelanguage.googleapis.com/v1beta/openai';

export const geminiConfigSchema = z
  .object({
    apiUrl: httpUrl.default(GEMINI_DEFAULT_URL),
    defaultModel: modelName.default(GEMINI_DEFAULT_MODEL),
    contextWindowTokens,
    toolCalling: toolCallingMode,
  })
  .strict();

export type GeminiConfig = z.infer<typeof geminiConfigSchema>;

export const geminiSecretsSchema = z.object({ apiKey: secretString }).strict();

export const geminiConnectorType: ConnectorTypeDefinition<GeminiConfig> = {
  id: '.gemini',
  name: 'Google Gemini',
  configSchema: geminiConfigSchema,
  secretsSchema: geminiSecretsSchema,
  hasRequiredSecrets: (_config, secrets) => typeof secrets.apiKey === 'string' && secrets.apiKey !== '',
  provider: () => 'Gemini',
  defaultModel: (config) => config.defaultModel,
  createChatClient(connector, options) {
    const config = geminiConfigSchema.parse(connector.config);
    const apiKey = typeof connector.secrets.apiKey === 'string' ? connector.secrets.apiKey : '';
    return createChatClient({
      connector,
      adapter: createOpenAiAdapter({
        baseUrl: normalizeOpenAiBaseUrl(config.apiUrl),
        apiKey,
        streamUsage: true,
        nativeJsonSchema: true,
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
