import type { Conversation, ConversationCreate, Message } from '../../../common/api/conversations';
import type { ApiConfig, ConversationType } from '../../../common/api/primitives';
import type { ReplacementEntry, Replacements } from '../../../common/anonymization/types';
import { SCHEMA_VERSIONS } from '../mappings';

/** A conversation as stored (schema_version 2): snake_case, messages and replacements opaque. */
export interface StoredConversation {
  id: string;
  namespace: string;
  title: string;
  conversation_type: ConversationType;
  users: Array<{ id?: string; name: string }>;
  api_config?: StoredApiConfig;
  /** Messages are kept in their API shape (tokenized content): the index never looks inside them. */
  messages?: Message[];
  replacements?: ReplacementEntry[];
  message_count: number;
  exclude_from_last_conversation_storage?: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  schema_version: number;
}

export interface StoredApiConfig {
  connector_id: string;
  action_type_id: string;
  provider?: string;
  model?: string;
  default_system_prompt_id?: string;
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export const apiConfigToStored = (c: ApiConfig): StoredApiConfig =>
  defined({
    connector_id: c.connectorId,
    action_type_id: c.actionTypeId,
    provider: c.provider,
    model: c.model,
    default_system_prompt_id: c.defaultSystemPromptId,
  });

export const apiConfigFromStored = (c: StoredApiConfig): ApiConfig =>
  defined({
    connectorId: c.connector_id,
    actionTypeId: c.action_type_id,
    provider: c.provider,
    model: c.model,
    defaultSystemPromptId: c.default_system_prompt_id,
  });

/** Merges token → value pairs into the stored entries; a known token keeps its recorded field. */
export function mergeReplacements(current: readonly ReplacementEntry[] | undefined, added: Replacements | undefined): ReplacementEntry[] {
  const byToken = new Map((current ?? []).map((e) => [e.uuid, e]));
  for (const [uuid, value] of Object.entries(added ?? {})) {
    const existing = byToken.get(uuid);
    byToken.set(uuid, { uuid, value, field: existing?.field ?? '' });
  }
  return [...byToken.values()];
}

export const replacementsFromStored = (entries: readonly ReplacementEntry[] | undefined): Replacements =>
  Object.fromEntries((entries ?? []).map((e) => [e.uuid, e.value]));

export interface NewConversationInput {
  id: string;
  spaceId: string;
  user: { id?: string; name: string };
  now: string;
  create: ConversationCreate;
}

export function newStoredConversation({ id, spaceId, user, now, create }: NewConversationInput): StoredConversation {
  const messages = create.messages ?? [];
  return defined({
    id,
    namespace: spaceId,
    title: create.title ?? '',
    conversation_type: create.conversationType ?? 'general',
    users: [user],
    api_config: create.apiConfig ? apiConfigToStored(create.apiConfig) : undefined,
    messages,
    replacements: mergeReplacements([], create.replacements),
    message_count: messages.length,
    exclude_from_last_conversation_storage: create.excludeFromLastConversationStorage,
    created_at: now,
    created_by: user.name,
    updated_at: now,
    updated_by: user.name,
    schema_version: SCHEMA_VERSIONS.conversations,
  });
}

/** Stored → API. `messages` is present only when the source had it (`_find` leaves it out unless asked). */
export function conversationFromStored(s: StoredConversation): Conversation {
  return defined({
    id: s.id,
    title: s.title,
    conversationType: s.conversation_type,
    apiConfig: s.api_config ? apiConfigFromStored(s.api_config) : undefined,
    messages: s.messages,
    replacements: s.replacements ? replacementsFromStored(s.replacements) : undefined,
    excludeFromLastConversationStorage: s.exclude_from_last_conversation_storage,
    namespace: s.namespace,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
    users: s.users,
    createdBy: s.created_by,
    messageCount: s.message_count,
  });
}
