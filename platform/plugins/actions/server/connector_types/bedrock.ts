import { z } from 'zod/v4';
import { createChatClient } from '../llm/chat_client';
import { LlmError } from '../llm/errors';
import type { ProviderAdapter } from '../llm/types';
import { contextWindowTokens, httpUrl, modelName, secretString, toolCallingMode } from './shared_schemas';
import type { ConnectorTypeDefinition } from './types';

export const BEDROCK_DEFAULT_URL = 'https://bedrock-runtime.us-east-1.amazonaws.com';
export const BEDROCK_DEFAULT_MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

export const bedrockConfigSchema = z
  .object({
    apiUrl: httpUrl.default(BEDROCK_DEFAULT_URL),
    defaultModel: modelName.default(BEDROCK_DEFAULT_MODEL),
    contextWindowTokens,
    toolCalling: toolCallingMode,
  })
  .strict();

export type BedrockConfig = z.infer<typeof bedrockConfigSchema>;

export const bedrockSecretsSchema = z.object({ accessKey: secretString, secret: secretString }).strict();

export const BEDROCK_UNAVAILABLE =
  'Amazon Bedrock needs the @anthropic-ai/bedrock-sdk package (AWS SigV4 request signing), which is not installed on this host. ' +
  'Install it, or use an Anthropic or OpenAI-compatible connector.';

/**
 * The type is registered so Bedrock connectors can be declared, stored and listed, but execution is refused
 * with a clear error: signing AWS requests needs a package this host does not ship.
 */
export const bedrockConnectorType: ConnectorTypeDefinition<BedrockConfig> = {
  id: '.bedrock',
  name: 'Amazon Bedrock',
  configSchema: bedrockConfigSchema,
  secretsSchema: bedrockSecretsSchema,
  hasRequiredSecrets: (_config, secrets) =>
    typeof secrets.accessKey === 'string' && secrets.accessKey !== '' && typeof secrets.secret === 'string' && secrets.secret !== '',
  provider: () => 'Bedrock',
  defaultModel: (config) => config.defaultModel,
  createChatClient(connector, options) {
    const config = bedrockConfigSchema.parse(connector.config);
    const refuse = (): never => {
      throw new LlmError(connector, 'llm_not_supported', BEDROCK_UNAVAILABLE);
    };
    const adapter: ProviderAdapter = {
      nativeJsonSchema: false,
      complete: async () => refuse(),
      stream: async function* () {
        refuse();
      },
    };
    return createChatClient({ connector, adapter, defaultModel: config.defaultModel, retry: options.retry, sleep: options.sleep });
  },
};
