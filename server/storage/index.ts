import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import type { Logger } from '../../platform/core/server';
import type { AssistantConfig } from '../config';
import { createAnonymizationFieldsClient } from './anonymization_fields/anonymization_fields_client';
import { createConversationsClient } from './conversations/conversations_client';
import { createKnowledgeBaseClient } from './knowledge_base/knowledge_base_client';
import { createPromptsClient } from './prompts/prompts_client';
import { StorageIndices } from './storage_indices';
import type { AssistantDataClients } from './types';

export type {
  AnonymizationFieldsDataClient,
  AssistantDataClients,
  BulkResult,
  ConversationsDataClient,
  FindParams,
  KbEntryRecord,
  KnowledgeBaseDataClient,
  OwnerScope,
  PromptRecord,
  PromptsDataClient,
} from './types';
export { AssistantStorageError } from './errors';
export { StorageIndices, type MetaDoc } from './storage_indices';
export { RESOURCES, RESOURCE_MAPPINGS, SCHEMA_VERSIONS, type ResourceName } from './mappings';
export { shapeBulkResponse, type BulkOutcome } from './bulk_actions';
export { kqlFilterToQuery, parseKql, KqlSyntaxError } from './kql';
export { textFieldsFromMappings, excerpts } from './knowledge_base/index_fields';
export { upgradeConversation } from './conversations/migrations';
export { DEFAULT_FIELDS_VERSION, planSeeding } from './anonymization_fields/seeding';

export interface CreateDataClientsOptions {
  esClient: ElasticsearchClient;
  config: AssistantConfig;
  logger: Logger;
}

/** The assistant's data clients over one internal Elasticsearch client (assistant.md §4). */
export function createAssistantDataClients(options: CreateDataClientsOptions): AssistantDataClients {
  const indices = new StorageIndices({ esClient: options.esClient, prefix: options.config.storage.prefix, logger: options.logger });
  return {
    conversations: createConversationsClient({ indices }),
    prompts: createPromptsClient({ indices }),
    anonymizationFields: createAnonymizationFieldsClient({ indices }),
    knowledgeBase: createKnowledgeBaseClient({ indices, logger: options.logger.get('knowledge_base'), inferenceId: options.config.knowledgeBase.inferenceId }),
  };
}

export { createAnonymizationFieldsClient, createConversationsClient, createKnowledgeBaseClient, createPromptsClient };
