/** Typed client of the assistant's HTTP API (§3.2) and the host routes it uses, over core.http. */
import type { HttpSetup } from '../../platform/core/public';
import type { AssistantCapabilities as ServerCapabilities } from '../../common/api/capabilities';
import type { ConversationCreate, ConversationUpdate } from '../../common/api/conversations';
import { ASSISTANT_ROUTES, HOST_ROUTES, PUBLIC_API_VERSION } from './routes';
import type {
  AnonymizationFieldUpdate,
  AnonymizationFindResponse,
  AssistantCapabilities,
  BulkActionResponse,
  ChatCompleteRequest,
  ChatCompleteResponse,
  ConnectorsResponse,
  ConnectorTestResult,
  Conversation,
  FindResponse,
  KbDocumentEntry,
  KbEntry,
  KbEntryCreate,
  KbIndexEntry,
  KbStatus,
  Prompt,
  PromptCreate,
  PromptUpdate,
} from './types';

export interface FindParams {
  page?: number;
  perPage?: number;
  filter?: string;
  sortField?: string;
  sortOrder?: 'asc' | 'desc';
  fields?: string[];
}

export interface HostConnectorInput {
  name: string;
  connector_type_id: string;
  config: Record<string, unknown>;
  secrets?: Record<string, unknown>;
}

const v = { version: PUBLIC_API_VERSION };

/** M1 as the server answers it (common/api/capabilities) → the flat shape the UI checks. */
export function toUiCapabilities(caps: ServerCapabilities): AssistantCapabilities {
  const p = caps.privileges;
  return {
    assistantRead: p.read,
    assistantAll: p.all,
    updateAnonymization: p.updateAnonymization,
    manageGlobalKnowledgeBase: p.manageGlobalKnowledgeBase,
    connectorsRead: p.connectorsRead,
    connectorsAll: p.connectorsAll,
    kbMode: caps.knowledgeBase?.mode,
    missingPrivileges: caps.missingPrivileges ?? {},
  };
}

function findQuery(p: FindParams): Record<string, string | number | string[] | undefined> {
  return {
    page: p.page ?? 1,
    per_page: p.perPage ?? 20,
    filter: p.filter || undefined,
    sort_field: p.sortField,
    sort_order: p.sortOrder,
    fields: p.fields,
  };
}

/** KQL string literal: quotes and backslashes escaped. */
export function kqlQuote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** KQL wildcard term (`title:*x*`): spaces and KQL specials escaped so user text stays one term. */
export function kqlWildcard(value: string): string {
  return value.replace(/[\\():<>"*\s{}]/g, '\\$&');
}

export function createAssistantApi(http: HttpSetup) {
  return {
    findConversations: (p: FindParams, signal?: AbortSignal) =>
      http.get<FindResponse<Conversation>>(ASSISTANT_ROUTES.conversationsFind, { ...v, query: findQuery(p), signal }),
    getConversation: (id: string, signal?: AbortSignal) => http.get<Conversation>(ASSISTANT_ROUTES.conversation(id), { ...v, signal }),
    createConversation: (body: ConversationCreate) => http.post<Conversation>(ASSISTANT_ROUTES.conversations, { ...v, body: { ...body } }),
    updateConversation: (id: string, body: ConversationUpdate) => http.put<Conversation>(ASSISTANT_ROUTES.conversation(id), { ...v, body: { ...body } }),
    deleteConversation: (id: string) => http.delete<unknown>(ASSISTANT_ROUTES.conversation(id), v),
    bulkConversations: (body: { update?: Array<{ id: string } & ConversationUpdate>; delete?: { ids?: string[]; query?: string } }) =>
      http.post<BulkActionResponse<Conversation>>(ASSISTANT_ROUTES.conversationsBulk, { ...v, body }),
    deleteAllConversations: (excludedIds: string[]) =>
      http.delete<{ success: boolean; totalDeleted: number; failures: unknown[] }>(ASSISTANT_ROUTES.conversations, { ...v, body: { excludedIds } }),
    exportConversationsUrl: (ids: string[]) => `${http.basePath.prepend(ASSISTANT_ROUTES.conversationsExport)}?${ids.map((id) => `ids=${encodeURIComponent(id)}`).join('&')}`,

    /** H1 with `stream:false` (§3.6): the whole answer as one JSON body. */
    completeChat: (request: ChatCompleteRequest, signal?: AbortSignal) =>
      http.post<ChatCompleteResponse>(ASSISTANT_ROUTES.chatComplete, { ...v, body: { ...request, stream: false }, signal }),

    getCapabilities: async (): Promise<AssistantCapabilities> => toUiCapabilities(await http.get<ServerCapabilities>(ASSISTANT_ROUTES.capabilities, v)),
    getConnectors: () => http.get<ConnectorsResponse>(ASSISTANT_ROUTES.connectors, v),
    testConnector: (id: string) => http.post<ConnectorTestResult>(ASSISTANT_ROUTES.connectorTest(id), v),
    createHostConnector: (body: HostConnectorInput) => http.post<{ id: string }>(HOST_ROUTES.connector(), { body: { ...body } }),
    updateHostConnector: (id: string, body: Omit<HostConnectorInput, 'connector_type_id'>) => http.put<{ id: string }>(HOST_ROUTES.connector(id), { body: { ...body } }),
    getHostConnector: (id: string) => http.get<{ id: string; name: string; connector_type_id: string; config?: Record<string, unknown> }>(HOST_ROUTES.connector(id)),
    deleteHostConnector: (id: string) => http.delete<unknown>(HOST_ROUTES.connector(id)),
    setDefaultConnector: (id: string | null) => http.post<unknown>(HOST_ROUTES.actionsSettings, { body: { changes: { 'genAI:defaultConnectorId': id } } }),

    findPrompts: (p: FindParams & { promptType?: 'system' | 'quick' }) =>
      http.get<FindResponse<Prompt>>(ASSISTANT_ROUTES.promptsFind, { ...v, query: { ...findQuery(p), prompt_type: p.promptType, include_defaults: true } }),
    bulkPrompts: (body: { create?: PromptCreate[]; update?: PromptUpdate[]; delete?: { ids: string[] } }) =>
      http.post<BulkActionResponse<Prompt>>(ASSISTANT_ROUTES.promptsBulk, { ...v, body }),

    findAnonymizationFields: (p: FindParams) => http.get<AnonymizationFindResponse>(ASSISTANT_ROUTES.anonymizationFind, { ...v, query: findQuery(p) }),
    bulkAnonymizationFields: (body: { create?: Array<{ field: string; allowed?: boolean; anonymized?: boolean }>; update?: AnonymizationFieldUpdate[]; delete?: { ids: string[] } }) =>
      http.post<BulkActionResponse<unknown>>(ASSISTANT_ROUTES.anonymizationBulk, { ...v, body }),
    resetAnonymizationFields: (preset: 'balanced' | 'strict') => http.post<unknown>(ASSISTANT_ROUTES.anonymizationReset, { ...v, body: { preset } }),

    getKbStatus: () => http.get<KbStatus>(ASSISTANT_ROUTES.knowledgeBase, v),
    enableSemanticKb: () => http.post<unknown>(ASSISTANT_ROUTES.knowledgeBase, v),
    findKbEntries: (p: FindParams) => http.get<FindResponse<KbEntry>>(ASSISTANT_ROUTES.kbEntriesFind, { ...v, query: findQuery(p) }),
    createKbEntry: (body: KbEntryCreate) => http.post<KbEntry>(ASSISTANT_ROUTES.kbEntries, { ...v, body: { ...body } }),
    updateKbEntry: (id: string, body: Partial<Omit<KbDocumentEntry, 'id' | 'type'> & Omit<KbIndexEntry, 'id' | 'type'>>) => http.put<KbEntry>(ASSISTANT_ROUTES.kbEntry(id), { ...v, body: { ...body } }),
    deleteKbEntry: (id: string) => http.delete<unknown>(ASSISTANT_ROUTES.kbEntry(id), v),
    bulkKbEntries: (body: { delete: { ids: string[] } }) => http.post<BulkActionResponse<KbEntry>>(ASSISTANT_ROUTES.kbEntriesBulk, { ...v, body }),
    getKbIndices: () => http.get<{ indices: Record<string, { text: string[]; semantic_text: string[] }> }>(ASSISTANT_ROUTES.kbIndices, v),

    addNoteToAlert: (alertId: string, note: string) => http.patch<unknown>(HOST_ROUTES.note, { body: { note: { eventId: alertId, note, timelineId: '' } } }),
  };
}

export type AssistantApi = ReturnType<typeof createAssistantApi>;
