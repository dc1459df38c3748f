import type { Conversation, ConversationCreate, ConversationUpdate, ConversationsBulkAction, DeleteAllConversationsResponse, Message } from '../../common/api/conversations';
import type { AnonymizationField, AnonymizationFieldsBulkAction, AnonymizationFieldsFindResponse, AnonymizationResetResponse } from '../../common/api/anonymization_fields';
import type { KbEntriesBulkAction, KbEntry, KbEntryCreateInput, KbEntryUpdate, KbStatus } from '../../common/api/knowledge_base';
import type { BulkActionResponse, FindResponse } from '../../common/api/primitives';
import type { Prompt, PromptsBulkAction, PromptType } from '../../common/api/prompts';
import type { FieldRule, Replacements } from '../../common/anonymization/types';

/**
 * Data clients over the assistant's Elasticsearch storage (assistant.md §4). Every call is scoped to one space and,
 * for owner data, one user: a resource the scope cannot see behaves as missing (`undefined` / 404), never as 403.
 */

export interface OwnerScope {
  spaceId: string;
  /** Owner key: `profile_uid` (as `id`) else `username` (as `name`). */
  user: { id?: string; name: string };
  /**
   * The caller's Customize sub-privileges (assistant.md §9); absent means not granted. Data clients check them so
   * single and bulk routes behave the same.
   */
  privileges?: { updateAnonymization?: boolean; manageGlobalKnowledgeBase?: boolean };
}

/** `_find` parameters (assistant.md §3.1), already validated; `filter` is KQL over stored snake_case names. */
export interface FindParams {
  filter?: string;
  sortField?: string;
  sortOrder?: 'asc' | 'desc';
  page: number;
  perPage: number;
  /** Extra stored fields to return (conversations: `messages` is returned only when listed). */
  fields?: string[];
}

/** A bulk action's outcome and the HTTP status it maps to (200 / 207 / the first error's). */
export interface BulkResult<T> {
  statusCode: number;
  body: BulkActionResponse<T>;
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
  find(scope: OwnerScope, params: FindParams): Promise<FindResponse<Conversation>>;
  bulk(scope: OwnerScope, action: ConversationsBulkAction): Promise<BulkResult<Conversation>>;
  /** Deletes every conversation of the user in the space except `excludedIds`. */
  deleteAll(scope: OwnerScope, excludedIds?: string[]): Promise<DeleteAllConversationsResponse>;
  /** The user's conversations with messages (all, or these ids), for NDJSON export. */
  exportAll(scope: OwnerScope, ids?: string[]): Promise<Conversation[]>;
  /** Imports conversations as the user's; colliding ids get new ones (reported as `renamed`). */
  importMany(scope: OwnerScope, conversations: ConversationCreate[]): Promise<{ imported: Conversation[]; renamed: Array<{ from: string; to: string }> }>;
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
  /** P1: the user's prompts with the built-ins merged in (unless `includeDefaults` is false). */
  find(scope: OwnerScope, params: FindParams & { promptType?: PromptType; includeDefaults: boolean }): Promise<FindResponse<Prompt>>;
  /** P2: built-ins are skipped (`PROMPT_IS_BUILT_IN`); duplicate names are 409 item errors. */
  bulk(scope: OwnerScope, action: PromptsBulkAction): Promise<BulkResult<Prompt>>;
}

export interface AnonymizationFieldsDataClient {
  /** The space's policy rows (seeded with the defaults on first use). */
  getPolicy(spaceId: string): Promise<FieldRule[]>;
  /** A1: rows plus `stats` over the whole space. */
  find(spaceId: string, params: FindParams): Promise<AnonymizationFieldsFindResponse>;
  /** A2: needs `scope.privileges.updateAnonymization`, else every item fails with 403. */
  bulk(scope: OwnerScope, action: AnonymizationFieldsBulkAction): Promise<BulkResult<AnonymizationField>>;
  /** A3: replaces the space's rows with a preset (needs `updateAnonymization`). */
  reset(scope: OwnerScope, preset: 'balanced' | 'strict'): Promise<AnonymizationResetResponse>;
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
  /** Index entries visible to the user (the chat's `kb_<entry>` tools). */
  getIndexEntries(scope: OwnerScope): Promise<KbEntry[]>;
  /** K3–K6, K7, K8: full entries; invisible entries behave as missing; global changes need `manageGlobalKnowledgeBase`. */
  get(scope: OwnerScope, id: string): Promise<KbEntry | undefined>;
  create(scope: OwnerScope, entry: KbEntryCreateInput, options?: { source?: string }): Promise<KbEntry>;
  update(scope: OwnerScope, id: string, update: KbEntryUpdate): Promise<KbEntry | undefined>;
  delete(scope: OwnerScope, id: string): Promise<boolean>;
  find(scope: OwnerScope, params: FindParams): Promise<FindResponse<KbEntry>>;
  bulk(scope: OwnerScope, action: KbEntriesBulkAction): Promise<BulkResult<KbEntry>>;
  /** K1 */
  getStatus(scope: OwnerScope): Promise<KbStatus>;
  /** K2: semantic mode where the cluster has an inference endpoint; otherwise the status says why not. */
  setupSemantic(scope: OwnerScope): Promise<KbStatus>;
}

export interface AssistantDataClients {
  conversations: ConversationsDataClient;
  prompts: PromptsDataClient;
  anonymizationFields: AnonymizationFieldsDataClient;
  knowledgeBase: KnowledgeBaseDataClient;
}
