import { randomUUID } from 'node:crypto';
import type { FieldRule } from '../../../common/anonymization';
import type { Conversation, Message } from '../../../common/api/conversations';
import type { Logger } from '../../../platform/core/server';
import type { ActionsPluginStart, AiConnector, ChatClient } from '../../../platform/plugins/actions/server';
import { ActionsError } from '../../../platform/plugins/actions/server';
import { getConnectorType } from '../../../platform/plugins/actions/server/connector_types';
import { assistantConfigSchema, type AssistantConfig } from '../../config';
import type { KbEntryRecord, PromptRecord } from '../../storage/types';
import type { ChatDataClients } from '../chat_data_clients';
import type { AlertsSearch, AlertsSearchHit } from '../tools';

/** Test doubles with real behaviour (in-memory storage, a real OpenAI-compatible client): no Elasticsearch needed. */

export interface InMemoryData {
  clients: ChatDataClients;
  conversations: Map<string, Conversation>;
  kb: KbEntryRecord[];
  policy: FieldRule[];
}

export const TEST_SYSTEM_PROMPT: PromptRecord = {
  id: 'default-system-prompt',
  promptType: 'system',
  name: 'Default system prompt',
  content: 'Be concise and practical.',
  isDefault: true,
};

export function createInMemoryData(options: { policy?: FieldRule[]; kb?: KbEntryRecord[] } = {}): InMemoryData {
  const conversations = new Map<string, Conversation>();
  const kb = [...(options.kb ?? [])];
  const policy = options.policy ?? [];
  const stamp = () => new Date().toISOString();
  const clients: ChatDataClients = {
    conversations: {
      get: async (_s, id) => conversations.get(id),
      create: async (scope, c) => {
        const id = c.id ?? randomUUID();
        const conversation: Conversation = {
          id,
          title: c.title ?? '',
          conversationType: c.conversationType ?? 'general',
          apiConfig: c.apiConfig,
          messages: [...(c.messages ?? [])],
          replacements: { ...(c.replacements ?? {}) },
          namespace: scope.spaceId,
          createdAt: stamp(),
          updatedAt: stamp(),
          users: [{ name: scope.user.name }],
          createdBy: scope.user.name,
          messageCount: c.messages?.length ?? 0,
        };
        conversations.set(id, conversation);
        return conversation;
      },
      update: async (_s, id, update) => {
        const c = conversations.get(id);
        if (!c) return undefined;
        const next = { ...c, ...update, updatedAt: stamp() } as Conversation;
        conversations.set(id, next);
        return next;
      },
      appendMessages: async (_s, id, messages: Message[], replacements) => {
        const c = conversations.get(id);
        if (!c) return undefined;
        const all = [...(c.messages ?? []), ...messages];
        const next = { ...c, messages: all, messageCount: all.length, replacements: { ...c.replacements, ...replacements } };
        conversations.set(id, next);
        return next;
      },
      truncateMessages: async (_s, id, keep) => {
        const c = conversations.get(id);
        if (!c) return undefined;
        const all = (c.messages ?? []).slice(0, keep);
        const next = { ...c, messages: all, messageCount: all.length };
        conversations.set(id, next);
        return next;
      },
    },
    prompts: {
      get: async (_s, id) => (id === TEST_SYSTEM_PROMPT.id ? TEST_SYSTEM_PROMPT : undefined),
      getDefaultSystemPrompt: async () => TEST_SYSTEM_PROMPT,
    },
    anonymizationFields: { getPolicy: async () => policy.map((r) => ({ ...r })) },
    knowledgeBase: {
      getRequiredEntries: async () => kb.filter((e) => e.required),
      search: async (_s, query) => {
        const words = query.toLowerCase().split(/\W+/).filter((w) => w.length > 2);
        return kb
          .filter((e) => !e.required && words.some((w) => `${e.name} ${e.text ?? ''}`.toLowerCase().includes(w)))
          .map((e) => ({ ...e, score: 1 }));
      },
      createEntry: async (_s, entry) => {
        const record: KbEntryRecord = {
          id: randomUUID(),
          name: entry.name,
          type: 'document',
          text: entry.text,
          required: entry.required ?? false,
          global: entry.global ?? false,
          ...(entry.sensitiveValues ? { sensitiveValues: entry.sensitiveValues } : {}),
        };
        kb.push(record);
        return record;
      },
    },
  };
  return { clients, conversations, kb, policy };
}

/** An actions start contract over one real `.gen-ai` connector pointing at `apiUrl` (the fake LLM). */
export function createTestActions(apiUrl: string, options: { contextWindowTokens?: number; retryDelayMs?: number } = {}): ActionsPluginStart {
  const connector: AiConnector = {
    id: 'fake-connector',
    name: 'Fake LLM',
    actionTypeId: '.gen-ai',
    provider: 'Other',
    defaultModel: 'fake-model',
    ...(options.contextWindowTokens ? { contextWindowTokens: options.contextWindowTokens } : {}),
    toolCalling: 'auto',
    isPreconfigured: true,
    isMissingSecrets: false,
  };
  const notFound = (id: string) => new ActionsError(404, 'connector_not_found', `Connector ${id} not found`);
  const client = (): ChatClient =>
    getConnectorType('.gen-ai').createChatClient(
      { id: connector.id, name: connector.name, actionTypeId: '.gen-ai', config: { apiProvider: 'Other', apiUrl, defaultModel: 'fake-model' }, secrets: {} },
      { retry: { baseDelayMs: options.retryDelayMs ?? 1 } },
    );
  return {
    listConnectors: async () => [connector],
    getConnector: async (_space, id) => {
      if (id !== connector.id && id !== connector.name) throw notFound(id);
      return connector;
    },
    getDefaultConnector: async () => ({ connector, source: 'only_connector' }),
    getDefaultConnectorId: async () => connector.id,
    setDefaultConnectorId: async () => undefined,
    getChatClient: async (id) => {
      if (id !== connector.id) throw notFound(id);
      return client();
    },
  };
}

/** Alerts in memory; `ids` queries pick by id, everything else returns all (the filter is ES's job, tested elsewhere). */
export function createMemoryAlertsSearch(alerts: AlertsSearchHit[]): AlertsSearch {
  return async (request) => {
    const ids = (request.query as { ids?: { values?: string[] } }).ids?.values;
    const hits = (ids ? alerts.filter((a) => ids.includes(a._id)) : alerts).slice(0, request.size);
    return { hits: { total: { value: ids ? hits.length : alerts.length }, hits } };
  };
}

export function testConfig(overrides: Record<string, unknown> = {}): AssistantConfig {
  return assistantConfigSchema.parse(overrides);
}

export function silentLogger(): Logger {
  const logger: Logger = {
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    fatal: () => undefined,
    log: () => undefined,
    isLevelEnabled: () => false,
    get: () => logger,
  } as Logger;
  return logger;
}
