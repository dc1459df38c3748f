import { z } from 'zod/v4';
import { createOpenAiAdapter } from '../llm/adapters/openai_adapter';
import { createChatClient } from '../llm/chat_client';
import { normalizeOpenAiBaseUrl, parseAzureDeploymentUrl } from '../llm/provider_urls';
import { contextWindowTokens, httpUrl, modelName, secretString, toolCallingMode } from './shared_schemas';
import type { ConnectorTypeDefinition } from './types';

export const OPENAI_DEFAULT_MODEL = 'gpt-4.1';

export const genAiConfigSchema = z
  .object({
    apiProvider: z.enum(['OpenAI', 'Azure OpenAI', 'Other']),
    apiUrl: httpUrl,
    defaultModel: modelName.optional(),
    headers: z.record(z.string(), z.string()).optional(),
    contextWindowTokens,
    toolCalling: toolCallingMode,
  })
  .strict()
  .refine((c) => c.apiProvider !== 'Other' || c.defaultModel !== undefined, {
    // G6: local servers fail without a model name
    message: 'defaultModel is required for OpenAI-compatible ("Other") connectors',
    path: ['defaultModel'],
  });

export type GenAiConfig = z.infer<typeof genAiConfigSchema>;

export const genAiSecretsSchema = z.object({ apiKey: secretString.optional() }).strict();

/** Azure deployments fix the model; their deployment name is what the API calls it. */
export function genAiDefaultModel(config: GenAiConfig): string | undefined {
  if (config.defaultModel) return config.defaultModel;
  if (config.apiProvider === 'OpenAI') return OPENAI_DEFAULT_MODEL;
  if (config.apiProvider === 'Azure OpenAI') return parseAzureDeploymentUrl(config.apiUrl)?.deployment;
  return undefined;
}

function apiKeyOf(secrets: Record<string, unknown>): string | undefined {
  return typeof secrets.apiKey === 'string' && secrets.apiKey !== '' ? secrets.apiKey : undefined;
}

export const genAiConnectorType: ConnectorTypeDefinition<GenAiConfig> = {
  id: '.gen-ai',
  name: 'OpenAI',
  configSchema: genAiConfigSchema,
  secretsSchema: genAiSecretsSchema,
  // OpenAI and Azure need a key; local OpenAI-compatible servers usually do not.
  hasRequiredSecrets: (config, secrets) => config.apiProvider === 'Other' || apiKeyOf(secrets) !== undefined,
  provider: (config) => config.apiProvider,
  defaultModel: genAiDefaultModel,
  createChatClient(connector, options) {
    const config = genAiConfigSchema.parse(connector.config);
    const apiKey = apiKeyOf(connector.secrets);
    const azure = config.apiProvider === 'Azure OpenAI' ? parseAzureDeploymentUrl(config.apiUrl) : undefined;
    const headers = { ...config.headers };
    // Azure's v1-style URLs (no deployment in the path) authenticate with `api-key` like deployments do.
    const azureV1 = config.apiProvider === 'Azure OpenAI' && !azure;
    if (azureV1 && apiKey) headers['api-key'] = apiKey;
    const adapter = createOpenAiAdapter({
      baseUrl: azure ? azure.endpoint : normalizeOpenAiBaseUrl(config.apiUrl),
      apiKey: azureV1 ? undefined : apiKey,
      azure: azure ? { deployment: azure.deployment, apiVersion: azure.apiVersion } : undefined,
      headers,
      streamUsage: config.apiProvider !== 'Other',
      nativeJsonSchema: true,
      fetch: options.fetch,
    });
    return createChatClient({
      connector,
      adapter,
      defaultModel: genAiDefaultModel(config),
      secrets: apiKey ? [apiKey] : [],
      retry: options.retry,
      timeouts: options.timeouts,
      sleep: options.sleep,
    });
  },
};
