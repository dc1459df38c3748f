import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import type { Logger } from '../../platform/core/server';
import type { AssistantConfig } from '../config';
import type { AssistantDataClients } from './types';

export type { AssistantDataClients, OwnerScope } from './types';

export interface CreateDataClientsOptions {
  esClient: ElasticsearchClient;
  config: AssistantConfig;
  logger: Logger;
}

/** Scaffolding until the storage lands: every call rejects, start does not. */
export function createAssistantDataClients(_options: CreateDataClientsOptions): AssistantDataClients {
  const missing = new Proxy({}, { get: () => () => Promise.reject(new Error('Assistant storage is not implemented yet')) });
  return { conversations: missing, prompts: missing, anonymizationFields: missing, knowledgeBase: missing } as AssistantDataClients;
}
