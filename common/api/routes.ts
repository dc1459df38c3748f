/** Public HTTP API of the assistant (assistant.md §3.1–3.2): base path, version, route paths. */

export const PUBLIC_API_VERSION = '2023-10-31';
export const API_BASE = '/api/security_ai_assistant';

export const API_ROUTES = {
  conversations: `${API_BASE}/current_user/conversations`,
  conversationById: `${API_BASE}/current_user/conversations/{id}`,
  conversationsFind: `${API_BASE}/current_user/conversations/_find`,
  conversationsBulk: `${API_BASE}/current_user/conversations/_bulk_action`,
  conversationsExport: `${API_BASE}/current_user/conversations/_export`,
  conversationsImport: `${API_BASE}/current_user/conversations/_import`,
  chatComplete: `${API_BASE}/chat/complete`,
  promptsFind: `${API_BASE}/prompts/_find`,
  promptsBulk: `${API_BASE}/prompts/_bulk_action`,
  anonymizationFind: `${API_BASE}/anonymization_fields/_find`,
  anonymizationBulk: `${API_BASE}/anonymization_fields/_bulk_action`,
  anonymizationReset: `${API_BASE}/anonymization_fields/_reset`,
  knowledgeBase: `${API_BASE}/knowledge_base`,
  kbEntries: `${API_BASE}/knowledge_base/entries`,
  kbEntryById: `${API_BASE}/knowledge_base/entries/{id}`,
  kbEntriesFind: `${API_BASE}/knowledge_base/entries/_find`,
  kbEntriesBulk: `${API_BASE}/knowledge_base/entries/_bulk_action`,
  kbIndices: `${API_BASE}/knowledge_base/_indices`,
  connectors: `${API_BASE}/connectors`,
  connectorTest: `${API_BASE}/connectors/{id}/_test`,
  capabilities: `${API_BASE}/current_user/capabilities`,
} as const;

/** Error codes the API answers with in `attributes.code`. */
export const API_ERROR_CODES = {
  missingPrivilege: 'missing_privilege',
  notFound: 'not_found',
  conflict: 'conflict',
  validation: 'validation_failed',
  tooManyMessages: 'too_many_messages',
  limitReached: 'limit_reached',
  promptIsBuiltIn: 'PROMPT_IS_BUILT_IN',
  anonymizationFieldNotModified: 'ANONYMIZATION_FIELD_NOT_MODIFIED',
} as const;
