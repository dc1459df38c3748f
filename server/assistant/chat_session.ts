import { randomUUID } from 'node:crypto';
import {
  createFieldPolicy,
  createReplacementsStore,
  deanonymize,
  truncateValue,
  type FieldPolicy,
  type FieldRule,
  type ReplacementsStore,
} from '../../common/anonymization';
import type { ChatCompleteRequest, ChatStreamEvent } from '../../common/api/chat';
import type { Conversation, FinishReason, Message } from '../../common/api/conversations';
import type { ApiConfig } from '../../common/api/primitives';
import type { Logger } from '../../platform/core/server';
import { LlmError, type ActionsPluginStart, type AiConnector, type ChatClient } from '../../platform/plugins/actions/server';
import type { AssistantConfig } from '../config';
import type { KbEntryRecord, OwnerScope } from '../storage/types';
import type { ChatDataClients } from './chat_data_clients';
import { assemblePrompt, checkUserText, UserTextTooLongError, type KnowledgeItem } from './assembly';
import { resolveConnector } from './connector_resolution';
import { checkOverrides, serializePromptContexts, type SerializedPromptContext } from './contexts';
import { ChatError, toChatError } from './errors';
import { createGuardedClient, scrubberFor, type GuardState } from './outbound_guard';
import { basePrompt } from './prompts';
import { generateTitle } from './title';
import { computeBudget, contextShareTokens, contextWindowFor, toolResultMaxChars, type TokenBudget } from './token_budget';
import { runToolLoop, type LoopState } from './tool_loop';
import { createAssistantTools, type AlertsSearch } from './tools';

/** The chat orchestrator (§8): `prepareChat` does everything that can still answer with an HTTP error; `run` streams. */

export interface ChatSessionDeps {
  actions: ActionsPluginStart;
  dataClients: ChatDataClients;
  /** The user's own Elasticsearch access to the space's alerts. */
  searchAlerts: AlertsSearch;
  config: AssistantConfig;
  logger: Logger;
  scope: OwnerScope;
  /** Customize › Edit anonymization (loosening overrides, AN-T6). */
  canLoosenAnonymization: boolean;
  now?: () => Date;
  generateId?: () => string;
}

export type ChatEventSink = (event: ChatStreamEvent) => void;

export interface ChatOutcome {
  conversationId: string;
  title: string;
  /** Absent when the client went away (nothing terminal was emitted). */
  terminal?: Extract<ChatStreamEvent, { type: 'done' | 'error' }>;
  error?: ChatError;
}

export interface PreparedChat {
  conversationEvent: Extract<ChatStreamEvent, { type: 'conversation' }>;
  run(emit: ChatEventSink, signal: AbortSignal): Promise<ChatOutcome>;
}

/** Connectors that rejected native `tools` answer without them for an hour (§8.3 `auto`). */
const TOOLS_UNSUPPORTED_TTL_MS = 60 * 60 * 1000;
const toolsUnsupportedUntil = new Map<string, number>();

const MAX_STORED_CONTENT = 100_000;
const clampContent = (text: string) => (text.length > MAX_STORED_CONTENT ? truncateValue(text, MAX_STORED_CONTENT - 30) : text);

function lastUserIndex(messages: readonly Message[]): number {
  for (let i = messages.length - 1; i >= 0; i -= 1) if (messages[i].role === 'user') return i;
  return -1;
}

function sameApiConfig(a: ApiConfig | undefined, b: ApiConfig): boolean {
  return (
    a !== undefined &&
    a.connectorId === b.connectorId &&
    a.actionTypeId === b.actionTypeId &&
    a.provider === b.provider &&
    a.model === b.model &&
    a.defaultSystemPromptId === b.defaultSystemPromptId
  );
}

async function resolveSystemPrompt(
  deps: ChatSessionDeps,
  conversationType: string,
  requested: string | undefined,
  stored: string | undefined,
): Promise<{ id: string; content: string }> {
  const prompts = deps.dataClients.prompts;
  for (const id of [requested, stored]) {
    if (!id) continue;
    const prompt = await prompts.get(deps.scope, id);
    if (prompt && prompt.promptType === 'system') return { id: prompt.id, content: prompt.content };
    // An explicit unknown id is the caller's mistake; a vanished stored one re-runs the default chain (§6.2).
    if (id === requested) throw new ChatError(404, 'system_prompt_not_found', `System prompt ${id} not found`);
  }
  const fallback = await prompts.getDefaultSystemPrompt(deps.scope, conversationType);
  return { id: fallback.id, content: fallback.content };
}

function knowledgeItems(entries: readonly KbEntryRecord[], store: ReplacementsStore): KnowledgeItem[] {
  return entries
    .filter((e) => e.type === 'document' && typeof e.text === 'string' && e.text !== '')
    .map((e) => {
      // Remembered text is stored de-anonymized; its sensitive values get this conversation's tokens (§5.6).
      for (const s of e.sensitiveValues ?? []) store.tokenFor(s.value, s.field);
      return { name: e.name, text: (e.text ?? '').slice(0, 2_000) };
    });
}

interface Prepared {
  conversation?: Conversation;
  conversationId: string;
  created: boolean;
  title: string;
  connector: AiConnector;
  client: ChatClient;
  model?: string;
  systemPrompt: string;
  store: ReplacementsStore;
  guard: GuardState;
  budget: TokenBudget;
  history: Message[];
  userMessage: Message;
  contexts: SerializedPromptContext[];
  rawUserText: string;
  needsTitle: boolean;
  /** The space policy (tools serialize alerts with it). */
  policy: FieldPolicy;
}

export async function prepareChat(request: ChatCompleteRequest, deps: ChatSessionDeps): Promise<PreparedChat> {
  const { dataClients, scope, config } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.generateId ?? randomUUID;

  // 1. Conversation (owner + space scoped: anything else is a 404).
  let conversation: Conversation | undefined;
  if (request.conversationId) {
    conversation = await dataClients.conversations.get(scope, request.conversationId);
    if (!conversation && (request.persist || request.regenerate)) {
      throw new ChatError(404, 'conversation_not_found', `Conversation ${request.conversationId} not found`);
    }
  }
  const messages = conversation?.messages ?? [];
  const conversationType = conversation?.conversationType ?? request.conversation?.conversationType ?? 'general';

  // 2. Connector and model.
  const { connector, fallbackFrom } = await resolveConnector(deps.actions, scope.spaceId, {
    requested: request.connectorId,
    stored: conversation?.apiConfig?.connectorId,
    configDefaultId: config.defaultConnectorId,
  });
  const storedModel = conversation?.apiConfig?.connectorId === connector.id ? conversation.apiConfig.model : undefined;
  const model = request.model ?? storedModel ?? connector.defaultModel;
  const rawClient = await deps.actions
    .getChatClient(connector.id, { spaceId: scope.spaceId, timeouts: config.chat.timeouts, maxRetries: config.chat.maxRetries })
    .catch((error: unknown) => {
      throw toChatError(error);
    });

  // 3. System prompt: the stored one always applies (#229386).
  const systemPrompt = await resolveSystemPrompt(deps, conversationType, request.systemPromptId, conversation?.apiConfig?.defaultSystemPromptId);
  const apiConfig: ApiConfig = {
    connectorId: connector.id,
    actionTypeId: connector.actionTypeId,
    provider: connector.provider,
    ...(model ? { model } : {}),
    defaultSystemPromptId: systemPrompt.id,
  };

  // 4. Policy and overrides (AN-T6), the token map (AN-2: stored map + tokens the client brings).
  const policyRules: FieldRule[] = await dataClients.anonymizationFields.getPolicy(scope.spaceId);
  checkOverrides(policyRules, request.contexts, deps.canLoosenAnonymization);
  const store = createReplacementsStore(conversation?.replacements ?? {});
  store.merge(request.replacements, 'client');
  const minFreeTextLength = config.anonymization.minFreeTextLength;
  const guard: GuardState = { store, denied: new Set<string>(), minFreeTextLength };
  const budget = computeBudget(contextWindowFor(connector, model));

  // 5. The user turn: new (contexts serialized, text scrubbed) or, for regenerate, the stored one.
  let userMessage: Message;
  let history: Message[];
  let contexts: SerializedPromptContext[];
  let rawUserText: string;
  let keep = messages.length;
  if (request.regenerate) {
    const index = lastUserIndex(messages);
    if (index === -1) throw new ChatError(400, 'nothing_to_regenerate', 'This conversation has no user message to answer again');
    userMessage = messages[index];
    history = messages.slice(0, index);
    keep = index + 1;
    contexts = (userMessage.metadata?.contexts ?? []).map((c) => ({ ...c, deniedValues: [] }));
    rawUserText = deanonymize(userMessage.content, store.toReplacements());
  } else {
    const text = request.message ?? '';
    try {
      checkUserText(text, budget);
    } catch (error) {
      if (error instanceof UserTextTooLongError) throw new ChatError(400, 'message_too_long', error.message);
      throw error;
    }
    contexts = await serializePromptContexts({
      contexts: request.contexts,
      policyRules,
      store,
      searchAlerts: deps.searchAlerts,
      spaceId: scope.spaceId,
      minFreeTextLength,
      tokensPerContext: contextShareTokens(budget, request.contexts.length),
    });
    for (const c of contexts) for (const v of c.deniedValues) guard.denied.add(v);
    const scrub = scrubberFor(guard);
    history = messages;
    rawUserText = text;
    userMessage = {
      id: newId(),
      role: 'user',
      content: scrub(text),
      timestamp: now().toISOString(),
      ...(contexts.length > 0
        ? {
            metadata: {
              contexts: contexts.map(({ deniedValues: _d, ...c }) => ({ ...c, description: scrub(c.description) })),
            },
          }
        : {}),
    };
  }

  // 6. Persist the user turn before anything reaches the model (UX-4: a sent message is never lost).
  let conversationId = conversation?.id ?? request.conversationId ?? newId();
  let created = false;
  let title = conversation?.title ?? request.conversation?.title ?? '';
  if (request.persist) {
    if (!conversation) {
      const saved = await dataClients.conversations.create(scope, {
        title,
        conversationType,
        apiConfig,
        messages: [userMessage],
        replacements: store.toReplacements(),
      });
      conversationId = saved.id;
      title = saved.title;
      created = true;
    } else {
      if (!sameApiConfig(conversation.apiConfig, apiConfig)) await dataClients.conversations.update(scope, conversation.id, { apiConfig });
      const saved = request.regenerate
        ? await dataClients.conversations.truncateMessages(scope, conversation.id, keep)
        : await dataClients.conversations.appendMessages(scope, conversation.id, [userMessage], store.toReplacements());
      if (!saved) throw new ChatError(404, 'conversation_not_found', `Conversation ${conversation.id} not found`);
    }
  }
  const needsTitle = title === '' && !messages.some((m) => m.role === 'assistant' && !m.isError);

  const prepared: Prepared = {
    conversation,
    conversationId,
    created,
    title,
    connector,
    client: createGuardedClient(rawClient, guard),
    model,
    systemPrompt: systemPrompt.content,
    store,
    guard,
    budget,
    history,
    userMessage,
    contexts,
    rawUserText,
    needsTitle,
    policy: createFieldPolicy(policyRules),
  };
  return {
    conversationEvent: {
      type: 'conversation',
      conversationId,
      title,
      created,
      connectorId: connector.id,
      ...(fallbackFrom ? { connectorFallbackFrom: fallbackFrom } : {}),
      ...(request.regenerate ? {} : { userMessage }),
    },
    run: (emit, signal) => runChat(prepared, request, deps, emit, signal),
  };
}

async function loadKnowledge(p: Prepared, deps: ChatSessionDeps): Promise<{ required: KnowledgeItem[]; retrieved: KnowledgeItem[] }> {
  const kb = deps.dataClients.knowledgeBase;
  const query = p.rawUserText.trim().slice(0, 2_000);
  const [required, retrieved] = await Promise.all([
    kb.getRequiredEntries(deps.scope).catch((error: unknown) => {
      deps.logger.warn('Required knowledge unavailable; answering without it', { error: String(error) });
      return [] as KbEntryRecord[];
    }),
    query === ''
      ? Promise.resolve([] as KbEntryRecord[])
      : kb.search(deps.scope, query, { size: 3 }).catch((error: unknown) => {
          deps.logger.warn('Knowledge base retrieval failed; answering without it', { error: String(error) });
          return [] as KbEntryRecord[];
        }),
  ]);
  const requiredIds = new Set(required.map((r) => r.id));
  return {
    required: knowledgeItems(required, p.guard.store),
    retrieved: knowledgeItems(
      retrieved.filter((r) => !r.required && !requiredIds.has(r.id)),
      p.guard.store,
    ),
  };
}

async function runChat(
  p: Prepared,
  request: ChatCompleteRequest,
  deps: ChatSessionDeps,
  emit: ChatEventSink,
  signal: AbortSignal,
): Promise<ChatOutcome> {
  const now = deps.now ?? (() => new Date());
  const newId = deps.generateId ?? randomUUID;
  const { store, guard, scope } = { ...p, scope: deps.scope };
  const conversations = deps.dataClients.conversations;
  const emitNewReplacements = () => {
    const fresh = store.drainNew();
    if (Object.keys(fresh).length > 0) emit({ type: 'replacements', replacements: fresh });
  };

  // Title in parallel with the answer (§8.4); it never rejects.
  const titleAbort = new AbortController();
  const onAbort = () => titleAbort.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const titlePromise = p.needsTitle
    ? generateTitle({
        client: p.client,
        model: p.model,
        scrubbedUserText: p.userMessage.content,
        rawUserText: p.rawUserText,
        contextDescriptions: p.contexts.map((c) => c.description),
        replacements: () => store.toReplacements(),
        signal: titleAbort.signal,
      })
    : undefined;

  const state: LoopState = { content: '', toolCalls: [], steps: 0 };
  let finishReason: FinishReason = 'stop';
  let failure: ChatError | undefined;
  try {
    const knowledge = await loadKnowledge(p, deps);
    emitNewReplacements();
    const tools = createAssistantTools({ canWrite: true });
    const toolsEnabled =
      p.connector.toolCalling !== 'prompted' && (toolsUnsupportedUntil.get(p.connector.id) ?? 0) < Date.now();
    const toolContext = {
      spaceId: scope.spaceId,
      scope,
      searchAlerts: deps.searchAlerts,
      dataClients: deps.dataClients,
      alertsToAnalyze: request.alertsToAnalyze,
      policy: p.policy,
      store,
      denied: guard.denied,
      minFreeTextLength: guard.minFreeTextLength,
      budget: p.budget,
      now,
      signal,
    };
    const attempt = async (scale: number, withTools: boolean) => {
      const budget = scale === 1 ? p.budget : computeBudget(p.budget.window, scale);
      const assembled = assemblePrompt({
        basePrompt: basePrompt({ now: now(), timeZone: request.timeZone, responseLanguage: request.responseLanguage }),
        systemPrompt: p.systemPrompt,
        requiredKnowledge: knowledge.required,
        retrievedKnowledge: knowledge.retrieved,
        history: p.history,
        contexts: p.contexts.map((c) => c.serialized),
        userText: p.userMessage.content,
        tools: withTools ? tools.map((t) => t.definition) : [],
        budget,
      });
      return runToolLoop({
        client: p.client,
        system: assembled.system,
        messages: assembled.messages,
        tools,
        toolsEnabled: withTools,
        toolContext: { ...toolContext, budget },
        guard,
        maxSteps: deps.config.chat.maxToolSteps,
        model: p.model,
        maxTokens: budget.outputReserve,
        toolResultMaxChars: toolResultMaxChars(budget),
        emit,
        signal,
        state,
        onToolError: (name, error) => deps.logger.warn('Assistant tool failed', { tool: name, error: String(error) }),
      });
    };
    let result;
    try {
      result = await attempt(1, toolsEnabled);
    } catch (error) {
      const untouched = state.content === '' && state.toolCalls.length === 0;
      if (!(error instanceof LlmError) || !untouched || signal.aborted) throw error;
      if (error.code === 'llm_context_length_exceeded') {
        result = await attempt(0.7, toolsEnabled); // §8.5: one retry at budget ×0.7
      } else if (error.code === 'llm_tools_unsupported' && toolsEnabled && p.connector.toolCalling === 'auto') {
        toolsUnsupportedUntil.set(p.connector.id, Date.now() + TOOLS_UNSUPPORTED_TTL_MS);
        result = await attempt(1, false);
      } else {
        throw error;
      }
    }
    finishReason = result.finishReason;
  } catch (error) {
    if (signal.aborted) {
      finishReason = 'stopped';
    } else {
      failure = toChatError(error);
      finishReason = 'error';
      if (failure.code === 'internal_error') deps.logger.error('Chat failed', { error: error instanceof Error ? error.message : String(error) });
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }

  // The answer as stored: tokenized, with its tool activity; errors keep the partial text (§1.7).
  const metadata: NonNullable<Message['metadata']> = {
    finishReason,
    ...(state.toolCalls.length > 0 ? { toolCalls: state.toolCalls } : {}),
    ...(failure ? { errorCode: failure.code } : {}),
    ...(state.usage ? { usage: state.usage } : {}),
  };
  const message: Message = {
    id: newId(),
    role: 'assistant',
    content: clampContent(state.content !== '' ? state.content : (failure?.message ?? '')),
    timestamp: now().toISOString(),
    ...(failure ? { isError: true } : {}),
    metadata,
  };
  emitNewReplacements();

  let title = p.title;
  if (titlePromise) {
    title = await titlePromise;
    if (request.persist) {
      await conversations.update(scope, p.conversationId, { title }).catch((error: unknown) => {
        deps.logger.warn('Could not store the conversation title', { error: String(error) });
      });
    }
    if (!signal.aborted) emit({ type: 'title', title });
  }

  if (request.persist && (message.content !== '' || failure || finishReason !== 'stopped')) {
    try {
      await conversations.appendMessages(scope, p.conversationId, [message], store.toReplacements());
    } catch (error) {
      const storageError = toChatError(error);
      deps.logger.error('Could not store the assistant answer', { error: String(error) });
      if (!signal.aborted && !failure) {
        const terminal = { type: 'error' as const, code: storageError.code, message: storageError.message, retryable: true };
        emit(terminal);
        return { conversationId: p.conversationId, title, terminal, error: storageError };
      }
    }
  }
  if (signal.aborted) return { conversationId: p.conversationId, title };
  if (failure) {
    const terminal = {
      type: 'error' as const,
      code: failure.code,
      message: failure.message,
      retryable: failure.retryable,
      ...(request.persist ? { persistedMessage: message } : {}),
    };
    emit(terminal);
    return { conversationId: p.conversationId, title, terminal, error: failure };
  }
  const terminal = {
    type: 'done' as const,
    message,
    replacements: store.toReplacements(),
    finishReason,
    ...(state.usage ? { usage: state.usage } : {}),
  };
  emit(terminal);
  return { conversationId: p.conversationId, title, terminal };
}
