import type { Conversation, ConversationCreate, ConversationUpdate, Message } from '../../common/api/conversations';
import type { FieldRule, Replacements } from '../../common/anonymization/types';

/**
 * Data clients over the assistant's Elasticsearch storage (assistant.md §4). Every call is scoped to one space and,
 * for owner data, one user: a resource the scope cannot see behaves as missing (`undefined` / 404), never as 403.
 */

export interface OwnerScope {
  spaceId: string;
  /** Owner key: `profile_uid` (as `id`) else `username` (as `name`). */
  user: { id?: string; name: string };
}

export interface ConversationsDataClient {
  get(scope: OwnerScope, id: string): Promise<Conversation | undefined>;
  /** Rejects with a 409 AssistantStorageError when `id` exists. */
  create(scope: OwnerScope, conversation: ConversationCreate): Promise<Conversation>;
  /** Optimistic concurrency (`if_seq_no`, one retry, then 409). Resolves `undefined` when not visible. */
  update(scope: OwnerScope, id: string, update: ConversationUpdate): Promise<Conversation | undefined>;
  /**
   * Appends messages and merges replacements in one OCC write (the chat's write path). Rejects with 413 when the
   * conversation would exceed 1,000 messages.
   */
  appendMessages(scope: OwnerScope, id: string, messages: Message[], replacements?: Replacements): Promise<Conversation | undefined>;
  /** Replaces the trailing messages after index `keep` (regenerate drops the last answers). */
  truncateMessages(scope: OwnerScope, id: string, keep: number): Promise<Conversation | undefined>;
  delete(scope: OwnerScope, id: string): Promise<boolean>;
}

export interface PromptRecord {
  id: string;
  promptType: 'system' | 'quick';
  name: string;
  content: string;
  isDefault: boolean;
  isNewConversationDefault?: boolean;
  defaultForConversationTypes?: string[];
  color?: string;
  categories?: string[];
}

export interface PromptsDataClient {
  /** User prompts and built-ins (built-ins from `common/prompts`). */
  get(scope: OwnerScope, id: string): Promise<PromptRecord | undefined>;
  /** The system prompt for a new conversation of this type (§6.2). */
  getDefaultSystemPrompt(scope: OwnerScope, conversationType: string): Promise<PromptRecord>;
}

export interface AnonymizationFieldsDataClient {
  /** The space's policy rows (seeded with the defaults on first use). */
  getPolicy(spaceId: string): Promise<FieldRule[]>;
}

export interface KbEntryRecord {
  id: string;
  name: string;
  type: 'document' | 'index';
  text?: string;
  required: boolean;
  global: boolean;
  /** index entries */
  index?: string;
  field?: string;
  description?: string;
  queryDescription?: string;
  /**
   * Originals the text holds (§5.6 `sensitive_values`): remembered text is stored de-anonymized, and the chat
   * re-tokenizes these values on every injection. Optional: added by the chat (H7); absent = none known.
   */
  sensitiveValues?: Array<{ value: string; field: string }>;
}

export interface KnowledgeBaseDataClient {
  /** Required document entries visible to the user (global or own). */
  getRequiredEntries(scope: OwnerScope): Promise<KbEntryRecord[]>;
  /** BM25 `multi_match` (or `semantic` on a cluster with inference) over visible entries. */
  search(scope: OwnerScope, query: string, options?: { size?: number }): Promise<Array<KbEntryRecord & { score: number }>>;
  /** "Remember this": a private document entry. */
  createEntry(
    scope: OwnerScope,
    entry: {
      name: string;
      text: string;
      global?: boolean;
      required?: boolean;
      /** "remember this" entries are `source:'conversation'`. */
      source?: 'conversation' | 'settings';
      sensitiveValues?: Array<{ value: string; field: string }>;
    },
  ): Promise<KbEntryRecord>;
}

export interface AssistantDataClients {
  conversations: ConversationsDataClient;
  prompts: PromptsDataClient;
  anonymizationFields: AnonymizationFieldsDataClient;
  knowledgeBase: KnowledgeBaseDataClient;
}
