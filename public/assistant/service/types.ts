/** State the AssistantService owns (outside React) and the context contract other features use (§1.4). */
import type { ConversationType, FieldRuleInput, Message, PromptContextSource } from '../../api';

/** §1.4 `registerPromptContext`: something the user can attach to a message. */
export interface PromptContext {
  id: string;
  category: string;
  description: string;
  /** The data the per-context editor shows: a document (nested or flat) or free text. */
  getPromptContext(): Promise<Record<string, unknown> | string> | Record<string, unknown> | string;
  suggestedUserPrompt?: string;
  source?: PromptContextSource;
}

export interface SelectedContext {
  context: PromptContext;
  /** Loaded `getPromptContext()` result (undefined while loading). */
  data?: Record<string, unknown> | string;
  /** Per-message overrides (§1.4), sent as `fieldOverrides`. */
  overrides: FieldRuleInput[];
}

export interface ToolActivity {
  id: string;
  name: string;
  status: 'running' | 'ok' | 'error';
  summary?: string;
}

export type SessionError =
  /** 4xx / network before `conversation`: nothing stored, text back in the composer (§1.7). */
  | { kind: 'not_sent'; message: string; status?: number; missingPrivileges?: string[] }
  /** The server reported an LLM error (stored as an error message). */
  | { kind: 'llm'; message: string; code: string; retryable: boolean }
  /** The stream broke mid-answer: partial kept. */
  | { kind: 'broken'; message: string };

export interface ConversationSession {
  phase: 'idle' | 'sending' | 'streaming';
  /** The user text while it is on its way ("sending" until the `conversation` event). */
  pendingUserText?: string;
  pendingUserConfirmed?: boolean;
  pendingContextDescriptions?: string[];
  /** Tokenized streamed answer (what "Show anonymized values" shows). */
  streamRaw: string;
  /** De-anonymized streamed answer. */
  streamDisplay: string;
  tools: ToolActivity[];
  /** Regenerate hides the answer it replaces until the new one is stored. */
  regenerating?: boolean;
  error?: SessionError;
  /** Tokens learned during this stream (merged into the conversation's map). */
  replacements: Record<string, string>;
  /** Stored messages this session added, shown until the refetched conversation has them. */
  settledMessages?: Message[];
  connectorFallbackFrom?: string;
}

export interface DraftConversation {
  title: string;
  conversationType: ConversationType;
  /** Tokens other features hand over (#235043). */
  replacements: Record<string, string>;
  /** Chosen in the header before the first send (a saved conversation stores them in apiConfig). */
  connectorId?: string;
  systemPromptId?: string;
}

export interface AssistantState {
  isOpen: boolean;
  /** A conversation id, or DRAFT_KEY for an unsaved new chat. */
  activeKey: string;
  draft: DraftConversation;
  sessions: Record<string, ConversationSession>;
  selectedContexts: Record<string, SelectedContext[]>;
  registeredContexts: PromptContext[];
  showAnonymized: boolean;
  /** §2 "Streaming" setting: off → `stream:false` requests, the answer appears whole. */
  streamingEnabled: boolean;
  /** Bumped when the service puts text back into a composer (restore after a failed send, quick prompts). */
  composerRevision: number;
  settingsTab?: string;
  investigationTargets: InvestigationTarget[];
}

/** §1.6 "Add query to investigation": a feature that accepts queries (absent → the action is hidden). */
export interface InvestigationTarget {
  id: string;
  languages: string[];
  addQuery(query: { language: string; query: string }): void | Promise<void>;
}

export interface OpenOptions {
  conversationId?: string;
  /** Starts a new draft with these contexts selected. */
  contexts?: PromptContext[];
  /** Prefills the composer (not sent). */
  prompt?: string;
  replacements?: Record<string, string>;
  title?: string;
  conversationType?: ConversationType;
}

export const DRAFT_KEY = '__draft__';
