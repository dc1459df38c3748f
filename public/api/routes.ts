/** Paths of the assistant's HTTP API (assistant.md §3.2), relative to the space (core.http adds `/s/<id>`). */
export const API_BASE = '/api/security_ai_assistant';
export { PUBLIC_API_VERSION } from '../../common/api/chat';

export const ASSISTANT_ROUTES = {
  conversations: `${API_BASE}/current_user/conversations`,
  conversation: (id: string) => `${API_BASE}/current_user/conversations/${encodeURIComponent(id)}`,
  conversationsFind: `${API_BASE}/current_user/conversations/_find`,
  conversationsBulk: `${API_BASE}/current_user/conversations/_bulk_action`,
  conversationsExport: `${API_BASE}/current_user/conversations/_export`,
  capabilities: `${API_BASE}/current_user/capabilities`,
  chatComplete: `${API_BASE}/chat/complete`,
  promptsFind: `${API_BASE}/prompts/_find`,
  promptsBulk: `${API_BASE}/prompts/_bulk_action`,
  anonymizationFind: `${API_BASE}/anonymization_fields/_find`,
  anonymizationBulk: `${API_BASE}/anonymization_fields/_bulk_action`,
  anonymizationReset: `${API_BASE}/anonymization_fields/_reset`,
  knowledgeBase: `${API_BASE}/knowledge_base`,
  kbEntries: `${API_BASE}/knowledge_base/entries`,
  kbEntry: (id: string) => `${API_BASE}/knowledge_base/entries/${encodeURIComponent(id)}`,
  kbEntriesFind: `${API_BASE}/knowledge_base/entries/_find`,
  kbEntriesBulk: `${API_BASE}/knowledge_base/entries/_bulk_action`,
  kbIndices: `${API_BASE}/knowledge_base/_indices`,
  connectors: `${API_BASE}/connectors`,
  connectorTest: (id: string) => `${API_BASE}/connectors/${encodeURIComponent(id)}/_test`,
} as const;

/** Host routes the UI also uses: connectors CRUD, the default-connector setting and alert notes. */
export const HOST_ROUTES = {
  connector: (id?: string) => `/api/actions/connector${id ? `/${encodeURIComponent(id)}` : ''}`,
  actionsSettings: '/internal/actions/settings',
  note: '/api/note',
} as const;
