/**
 * Shapes of the API the UI consumes (assistant.md §3.3–§3.6). Conversations come from common/api; the rest is
 * written against the spec until their schemas land in common/api, then these become re-exports.
 */
import type { ApiConfig, ConversationType, FindResponse, BulkActionResponse } from '../../common/api/primitives';
import type { Conversation, Message, FinishReason } from '../../common/api/conversations';


export type { ApiConfig, ConversationType, FindResponse, BulkActionResponse, Conversation, Message, FinishReason };

export type AiActionTypeId = '.gen-ai' | '.anthropic' | '.bedrock' | '.gemini';
export type ToolCallingMode = 'auto' | 'native' | 'prompted';

export interface AiConnector {
  id: string;
  name: string;
  actionTypeId: AiActionTypeId;
  provider: string;
  defaultModel?: string;
  contextWindowTokens?: number;
  toolCalling: ToolCallingMode;
  isPreconfigured: boolean;
  isMissingSecrets: boolean;
  isDefault: boolean;
}

export interface ConnectorsResponse {
  connectors: AiConnector[];
  defaultConnectorId?: string | null;
}

export interface ConnectorTestResult {
  ok: boolean;
  latencyMs: number;
  model?: string;
  toolCalling?: string;
  error?: { code: string; message: string };
}

/** M1: what the current user may do in this space (§9), plus the KB mode. */
export interface AssistantCapabilities {
  assistantRead: boolean;
  assistantAll: boolean;
  updateAnonymization: boolean;
  manageGlobalKnowledgeBase: boolean;
  connectorsRead: boolean;
  connectorsAll: boolean;
  kbMode?: 'lexical' | 'semantic';
  /** Per capability, the api tags it would need (empty when granted): the UI names them (G4). */
  missingPrivileges: Record<string, string[]>;
}

export type PromptType = 'system' | 'quick';

interface PromptBase {
  id: string;
  name: string;
  content: string;
  isDefault: boolean;
  namespace?: string;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
}
export interface SystemPrompt extends PromptBase {
  promptType: 'system';
  isNewConversationDefault?: boolean;
  defaultForConversationTypes?: ConversationType[];
}
export interface QuickPrompt extends PromptBase {
  promptType: 'quick';
  color: string;
  categories?: string[];
}
export type Prompt = SystemPrompt | QuickPrompt;

export type SystemPromptCreate = Pick<SystemPrompt, 'promptType' | 'name' | 'content' | 'isNewConversationDefault' | 'defaultForConversationTypes'>;
export type QuickPromptCreate = Pick<QuickPrompt, 'promptType' | 'name' | 'content' | 'color' | 'categories'>;
export type PromptCreate = SystemPromptCreate | QuickPromptCreate;
export type PromptUpdate = { id: string } & Partial<Omit<SystemPromptCreate, 'promptType'> & Omit<QuickPromptCreate, 'promptType'>>;

export interface AnonymizationField {
  id: string;
  field: string;
  allowed: boolean;
  anonymized: boolean;
  isDefault: boolean;
  pendingReview?: boolean;
  createdAt?: string;
  updatedAt?: string;
}
export interface AnonymizationStats {
  allowed: number;
  anonymized: number;
  total: number;
}
export interface AnonymizationFindResponse extends FindResponse<AnonymizationField> {
  stats?: AnonymizationStats;
}
export type AnonymizationFieldUpdate = { id: string } & Partial<Pick<AnonymizationField, 'allowed' | 'anonymized'>>;

export interface KbEntryBase {
  id: string;
  name: string;
  global: boolean;
  createdBy?: string;
  updatedAt?: string;
  kbResource?: 'user' | 'system';
}
export interface KbDocumentEntry extends KbEntryBase {
  type: 'document';
  text: string;
  required: boolean;
}
export interface KbIndexEntry extends KbEntryBase {
  type: 'index';
  index: string;
  field: string;
  description: string;
  queryDescription: string;
  inputSchema?: Array<{ fieldName: string; fieldType: string; description: string }>;
  outputFields?: string[];
  indexMissing?: boolean;
}
export type KbEntry = KbDocumentEntry | KbIndexEntry;
export type KbEntryCreate = Omit<KbDocumentEntry, 'id' | 'createdBy' | 'updatedAt' | 'kbResource'> | Omit<KbIndexEntry, 'id' | 'createdBy' | 'updatedAt' | 'kbResource' | 'indexMissing'>;

export interface KbStatus {
  mode: 'lexical' | 'semantic';
  entry_count: number;
  degraded_reason?: string;
  semantic: { available: boolean; inference_id?: string; backfill?: unknown };
}

export interface FieldRuleInput {
  field: string;
  allowed: boolean;
  anonymized: boolean;
}

export type { ChatCompleteRequestInput as ChatCompleteRequest, ChatCompleteResponse, ChatStreamEvent, PromptContextInput } from '../../common/api/chat';
export type PromptContextSource = import('../../common/api/chat').PromptContextInput['source'];
