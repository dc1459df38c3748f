import { z } from 'zod/v4';
import { createOpenAiAdapter } from '../llm/adapters/openai_adapter';
import { normalizeOpenAiBaseUrl } from '../llm/provider_urls';
import { defineApiKeyConnector } from './api_key_connector';
import { contextWindowTokens, httpUrl, modelName, toolCallingMode } from './shared_schemas';

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

export const geminiConnectorType = defineApiKeyConnector<GeminiConfig>({
  id: '.gemini',
  name: 'Google Gemini',
  provider: 'Gemini',
  configSchema: geminiConfigSchema,
  createAdapter: (config, apiKey, fetch) =>
    createOpenAiAdapter({
      baseUrl: normalizeOpenAiBaseUrl(config.apiUrl),
      apiKey,
      streamUsage: true,
      nativeJsonSchema: true,
      fetch,
    }),
});
