import type {
  AnonymizationFieldsDataClient,
  ConversationsDataClient,
  KnowledgeBaseDataClient,
  PromptsDataClient,
} from '../storage/types';

/** The part of the assistant's data clients the chat uses (AssistantDataClients satisfies it). */
export interface ChatDataClients {
  conversations: Pick<ConversationsDataClient, 'get' | 'create' | 'update' | 'appendMessages' | 'truncateMessages'>;
  prompts: Pick<PromptsDataClient, 'get' | 'getDefaultSystemPrompt'>;
  anonymizationFields: Pick<AnonymizationFieldsDataClient, 'getPolicy'>;
  knowledgeBase: Pick<KnowledgeBaseDataClient, 'getRequiredEntries' | 'search' | 'createEntry'>;
}
