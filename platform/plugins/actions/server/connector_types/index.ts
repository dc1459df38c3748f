import { anthropicConnectorType } from './anthropic';
import { bedrockConnectorType } from './bedrock';
import { geminiConnectorType } from './gemini';
import { genAiConnectorType } from './gen_ai';
import type { ConnectorTypeDefinition, ConnectorTypeId } from './types';

export { AI_CONNECTOR_TYPE_IDS } from './types';
export type { ChatClientFactoryOptions, ConnectorForClient, ConnectorTypeDefinition, ConnectorTypeId } from './types';
export { BEDROCK_UNAVAILABLE } from './bedrock';

/** Erases a definition's config type: every method re-validates the raw config it is given. */
function erase<C extends Record<string, unknown>>(def: ConnectorTypeDefinition<C>): ConnectorTypeDefinition {
  const parse = (config: Record<string, unknown>) => def.configSchema.parse(config);
  return {
    id: def.id,
    name: def.name,
    configSchema: def.configSchema,
    secretsSchema: def.secretsSchema,
    hasRequiredSecrets: (config, secrets) => def.hasRequiredSecrets(parse(config), secrets),
    provider: (config) => def.provider(parse(config)),
    defaultModel: (config) => def.defaultModel(parse(config)),
    createChatClient: (connector, options) => def.createChatClient(connector, options),
  };
}

const TYPES: Record<ConnectorTypeId, ConnectorTypeDefinition> = {
  '.gen-ai': erase(genAiConnectorType),
  '.anthropic': erase(anthropicConnectorType),
  '.bedrock': erase(bedrockConnectorType),
  '.gemini': erase(geminiConnectorType),
};

export function isConnectorTypeId(id: string): id is ConnectorTypeId {
  return Object.prototype.hasOwnProperty.call(TYPES, id);
}

export function getConnectorType(id: ConnectorTypeId): ConnectorTypeDefinition {
  return TYPES[id];
}

export function listConnectorTypes(): ConnectorTypeDefinition[] {
  return Object.values(TYPES);
}
