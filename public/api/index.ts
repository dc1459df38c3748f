export { createAssistantApi, kqlQuote, kqlWildcard, toUiCapabilities, type AssistantApi, type FindParams, type HostConnectorInput } from './assistant_api';
export { AssistantApiProvider, useAssistantApi, type AssistantApiContextValue } from './api_context';
export { ChatRequestError, streamChatComplete, type ByteStream, type ChatStreamDeps, type FetchLike } from './chat_stream';
export {
  HISTORY_PAGE_SIZE,
  anonymizationFilter,
  useAnonymizationPendingCount,
  useAnonymizationPolicy,
  useAnonymizationTable,
  useCapabilities,
  useConnectors,
  useConversation,
  useConversationHistory,
  useInvalidate,
  useKbEntries,
  useKbIndices,
  useKbStatus,
  usePrompts,
} from './hooks';
export { queryKeys } from './query_keys';
export { API_BASE, ASSISTANT_ROUTES, HOST_ROUTES, PUBLIC_API_VERSION } from './routes';
export type * from './types';
