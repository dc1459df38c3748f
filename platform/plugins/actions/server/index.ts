import type { PluginConfigDescriptor, PluginInitializerContext } from '../../../core/server';
import { actionsConfigSchema, type ActionsConfig } from './config';
import { ActionsPlugin } from './plugin';

export const config: PluginConfigDescriptor<ActionsConfig> = { schema: actionsConfigSchema };

export const plugin = (initializerContext: PluginInitializerContext) => new ActionsPlugin(initializerContext);

export type { ActionsPluginSetup, ActionsPluginStart, GetChatClientOptions } from './plugin';
export type { ActionsConfig } from './config';
export type { AiConnector, Connector, DefaultConnectorResolution, DefaultConnectorSource } from './types';
export { ActionsError } from './errors';
export { AI_CONNECTOR_TYPE_IDS, BEDROCK_UNAVAILABLE, type ConnectorTypeId } from './connector_types';
export { findConnectorByIdOrName, resolveDefaultConnector } from './default_connector';
export { DEFAULT_CONNECTOR_SETTING } from './connectors_service';
export { LlmError, redactSecrets, type LlmErrorCode } from './llm/errors';
export { DEFAULT_TIMEOUTS } from './llm/chat_client';
export { extractJson } from './llm/json_output';
export type {
  ChatClient,
  ChatFinishReason,
  ChatMessage,
  ChatRequest,
  ChatResponse,
  ChatStreamEvent,
  ChatTimeouts,
  ChatTool,
  ChatToolCall,
  ChatUsage,
  JsonSchemaOutput,
} from './llm/types';
