import type { RouteDependencies } from '../route_dependencies';
import { registerBulkAnonymizationFieldsRoute } from './anonymization_fields/bulk_anonymization_fields_route';
import { registerFindAnonymizationFieldsRoute } from './anonymization_fields/find_anonymization_fields_route';
import { registerResetAnonymizationFieldsRoute } from './anonymization_fields/reset_anonymization_fields_route';
import { registerGetCapabilitiesRoute } from './capabilities/get_capabilities_route';
import { registerGetConnectorsRoute } from './connectors/get_connectors_route';
import { registerTestConnectorRoute } from './connectors/test_connector_route';
import { registerBulkConversationsRoute } from './conversations/bulk_conversations_route';
import { registerCreateConversationRoute } from './conversations/create_conversation_route';
import { registerDeleteAllConversationsRoute } from './conversations/delete_all_conversations_route';
import { registerDeleteConversationRoute } from './conversations/delete_conversation_route';
import { registerExportConversationsRoute } from './conversations/export_conversations_route';
import { registerFindConversationsRoute } from './conversations/find_conversations_route';
import { registerGetConversationRoute } from './conversations/get_conversation_route';
import { registerImportConversationsRoute } from './conversations/import_conversations_route';
import { registerUpdateConversationRoute } from './conversations/update_conversation_route';
import { registerBulkKbEntriesRoute } from './knowledge_base/bulk_kb_entries_route';
import { registerCreateKbEntryRoute } from './knowledge_base/create_kb_entry_route';
import { registerDeleteKbEntryRoute } from './knowledge_base/delete_kb_entry_route';
import { registerFindKbEntriesRoute } from './knowledge_base/find_kb_entries_route';
import { registerGetKbEntryRoute } from './knowledge_base/get_kb_entry_route';
import { registerGetKbIndicesRoute } from './knowledge_base/get_kb_indices_route';
import { registerGetKnowledgeBaseStatusRoute } from './knowledge_base/get_knowledge_base_status_route';
import { registerSetupSemanticKnowledgeBaseRoute } from './knowledge_base/setup_semantic_knowledge_base_route';
import { registerUpdateKbEntryRoute } from './knowledge_base/update_kb_entry_route';
import { registerBulkPromptsRoute } from './prompts/bulk_prompts_route';
import { registerFindPromptsRoute } from './prompts/find_prompts_route';

/** Conversations, prompts, anonymization fields, knowledge base, connectors and capabilities routes (assistant.md §3.2). */
export function registerDataRoutes(deps: RouteDependencies): void {
  // Static `_find`/`_bulk_action`/`_export`/`_import` paths win over `{id}` in the router, so order does not matter.
  registerCreateConversationRoute(deps);
  registerGetConversationRoute(deps);
  registerUpdateConversationRoute(deps);
  registerDeleteConversationRoute(deps);
  registerDeleteAllConversationsRoute(deps);
  registerFindConversationsRoute(deps);
  registerBulkConversationsRoute(deps);
  registerExportConversationsRoute(deps);
  registerImportConversationsRoute(deps);
  registerFindPromptsRoute(deps);
  registerBulkPromptsRoute(deps);
  registerFindAnonymizationFieldsRoute(deps);
  registerBulkAnonymizationFieldsRoute(deps);
  registerResetAnonymizationFieldsRoute(deps);
  registerGetKnowledgeBaseStatusRoute(deps);
  registerSetupSemanticKnowledgeBaseRoute(deps);
  registerCreateKbEntryRoute(deps);
  registerGetKbEntryRoute(deps);
  registerUpdateKbEntryRoute(deps);
  registerDeleteKbEntryRoute(deps);
  registerFindKbEntriesRoute(deps);
  registerBulkKbEntriesRoute(deps);
  registerGetKbIndicesRoute(deps);
  registerGetConnectorsRoute(deps);
  registerTestConnectorRoute(deps);
  registerGetCapabilitiesRoute(deps);
}
