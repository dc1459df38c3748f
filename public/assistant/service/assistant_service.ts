/**
 * UX-3: the AssistantService owns the flyout state, drafts and chat streams outside React, so closing the
 * flyout never stops a stream (only Stop or page unload do). React reads it through useAssistantState.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createStreamDeanonymizer, flattenDocument } from '../../../common/anonymization';
import {
  ChatRequestError,
  queryKeys,
  streamChatComplete,
  type AssistantApi,
  type ChatCompleteRequest,
  type ChatStreamDeps,
  type ChatStreamEvent,
  type Conversation,
  type Message,
  type PromptContextInput,
} from '../../api';
import { HttpFetchError } from '../../../platform/core/public';
import { draftKey, lastConversationKey, safeGet, safeSet, showAnonymizedKey, streamingKey, type KeyValueStorage } from './browser_storage';
import {
  DRAFT_KEY,
  type AssistantState,
  type ConversationSession,
  type InvestigationTarget,
  type OpenOptions,
  type PromptContext,
  type SelectedContext,
} from './types';

export const MAX_CONTEXTS_PER_MESSAGE = 10;

export interface AssistantServiceDeps {
  api: AssistantApi;
  queryClient: QueryClient;
  stream: ChatStreamDeps;
  spaceId: string;
  ownerKey: string;
  localStorage?: KeyValueStorage;
  sessionStorage?: KeyValueStorage;
}

export interface SendOptions {
  text: string;
  connectorId?: string;
  systemPromptId?: string;
  model?: string;
  alertsToAnalyze?: number;
}

type Listener = () => void;

const emptySession = (): ConversationSession => ({ phase: 'idle', streamRaw: '', streamDisplay: '', tools: [], replacements: {} });

function describeError(error: unknown): { message: string; code?: string; status?: number; missingPrivileges?: string[] } {
  if (error instanceof HttpFetchError) {
    const body = typeof error.body === 'object' && error.body ? error.body : undefined;
    const attributes = (body?.attributes ?? {}) as { code?: unknown; missingPrivileges?: unknown };
    return {
      message: typeof body?.message === 'string' ? body.message : error.message,
      status: error.response?.status,
      code: typeof attributes.code === 'string' ? attributes.code : undefined,
      missingPrivileges: Array.isArray(attributes.missingPrivileges) ? attributes.missingPrivileges.map(String) : undefined,
    };
  }
  return { message: (error as Error).message };
}

function notSentError(error: unknown): NonNullable<ConversationSession['error']> {
  const { message, status, missingPrivileges } = describeError(error);
  return { kind: 'not_sent', message, status, missingPrivileges };
}

function toContextInput(selected: SelectedContext): PromptContextInput {
  const { context, data, overrides } = selected;
  const source =
    context.source ??
    (typeof data === 'string' ? { kind: 'text' as const, text: data } : { kind: 'data' as const, data: flattenDocument(data ?? {}) });
  return { id: context.id, category: context.category, description: context.description, source, ...(overrides.length ? { fieldOverrides: overrides } : {}) };
}

export class AssistantService {
  private state: AssistantState;
  private readonly listeners = new Set<Listener>();
  private readonly aborts = new Map<string, AbortController>();
  private restoredLast = false;

  constructor(private readonly deps: AssistantServiceDeps) {
    this.state = {
      isOpen: false,
      activeKey: DRAFT_KEY,
      draft: { title: '', conversationType: 'general', replacements: {} },
      sessions: {},
      selectedContexts: {},
      registeredContexts: [],
      showAnonymized: safeGet(deps.localStorage, showAnonymizedKey(deps.ownerKey)) === 'true',
      streamingEnabled: safeGet(deps.localStorage, streamingKey(deps.spaceId, deps.ownerKey)) !== 'false',
      composerRevision: 0,
      investigationTargets: [],
    };
  }

  get spaceId(): string {
    return this.deps.spaceId;
  }

  getState = (): AssistantState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(update: (s: AssistantState) => AssistantState): void {
    this.state = update(this.state);
    for (const l of [...this.listeners]) l();
  }

  private patchSession(key: string, patch: (s: ConversationSession) => Partial<ConversationSession>): void {
    this.setState((s) => {
      const current = s.sessions[key] ?? emptySession();
      return { ...s, sessions: { ...s.sessions, [key]: { ...current, ...patch(current) } } };
    });
  }

  // ---- open / close / select ------------------------------------------------------------------------

  /** §1.1 `assistant.open(...)`; with no arguments it restores the last conversation of the space. */
  open(options: OpenOptions = {}): void {
    if (options.contexts || options.prompt !== undefined || options.title !== undefined || options.conversationType) {
      this.startDraft(options);
    } else if (options.conversationId) {
      this.selectConversation(options.conversationId);
    } else if (!this.restoredLast) {
      const last = safeGet(this.deps.localStorage, lastConversationKey(this.deps.spaceId, this.deps.ownerKey));
      if (last) this.setState((s) => ({ ...s, activeKey: last }));
    }
    this.restoredLast = true;
    if (options.replacements) this.setState((s) => ({ ...s, draft: { ...s.draft, replacements: { ...s.draft.replacements, ...options.replacements } } }));
    this.setState((s) => ({ ...s, isOpen: true }));
  }

  close(): void {
    this.setState((s) => ({ ...s, isOpen: false, settingsTab: undefined }));
  }

  toggle(): void {
    if (this.state.isOpen) this.close();
    else this.open();
  }

  selectConversation(id: string, options: { remember?: boolean } = {}): void {
    this.restoredLast = true;
    this.setState((s) => ({ ...s, activeKey: id }));
    if (options.remember !== false) this.rememberLast(id);
  }

  /** A new, unsaved chat (saved on first send). */
  startDraft(options: OpenOptions = {}): void {
    this.restoredLast = true;
    const contexts: SelectedContext[] = (options.contexts ?? []).slice(0, MAX_CONTEXTS_PER_MESSAGE).map((context) => ({ context, overrides: [] }));
    this.setState((s) => ({
      ...s,
      activeKey: DRAFT_KEY,
      draft: { title: options.title ?? '', conversationType: options.conversationType ?? 'general', replacements: options.replacements ?? {} },
      selectedContexts: { ...s.selectedContexts, [DRAFT_KEY]: contexts },
      sessions: { ...s.sessions, [DRAFT_KEY]: s.sessions[DRAFT_KEY]?.phase === 'idle' || !s.sessions[DRAFT_KEY] ? emptySession() : s.sessions[DRAFT_KEY] },
    }));
    for (const selected of contexts) void this.loadContextData(DRAFT_KEY, selected.context);
    if (options.prompt !== undefined) this.setComposerText(DRAFT_KEY, options.prompt, true);
    else this.setComposerText(DRAFT_KEY, '', true);
  }

  /** §1.8: on 404 open the newest conversation or a draft, silently. */
  handleMissingConversation(id: string, newest: string | undefined): void {
    if (this.state.activeKey !== id) return;
    safeSet(this.deps.localStorage, lastConversationKey(this.deps.spaceId, this.deps.ownerKey), undefined);
    if (newest && newest !== id) this.selectConversation(newest);
    else this.startDraft();
  }

  private rememberLast(id: string): void {
    const cached = this.deps.queryClient.getQueryData<Conversation>(queryKeys.conversation(this.deps.spaceId, id));
    if (cached?.excludeFromLastConversationStorage) return;
    safeSet(this.deps.localStorage, lastConversationKey(this.deps.spaceId, this.deps.ownerKey), id);
  }

  setShowAnonymized(on: boolean): void {
    safeSet(this.deps.localStorage, showAnonymizedKey(this.deps.ownerKey), on ? 'true' : undefined);
    this.setState((s) => ({ ...s, showAnonymized: on }));
  }

  /** §2 Conversations tab "Streaming" switch (default on): off sends `stream:false` and shows the answer whole. */
  setStreamingEnabled(on: boolean): void {
    safeSet(this.deps.localStorage, streamingKey(this.deps.spaceId, this.deps.ownerKey), on ? undefined : 'false');
    this.setState((s) => ({ ...s, streamingEnabled: on }));
  }

  openSettings(tab: string | undefined): void {
    this.setState((s) => ({ ...s, settingsTab: tab }));
  }

  setDraftApiConfig(patch: { connectorId?: string; systemPromptId?: string }): void {
    this.setState((s) => ({ ...s, draft: { ...s.draft, ...patch } }));
  }

  registerInvestigationTarget(target: InvestigationTarget): () => void {
    this.setState((s) => ({ ...s, investigationTargets: [...s.investigationTargets.filter((t) => t.id !== target.id), target] }));
    return () => this.setState((s) => ({ ...s, investigationTargets: s.investigationTargets.filter((t) => t !== target) }));
  }

  // ---- composer drafts ------------------------------------------------------------------------------

  getComposerText(key: string): string {
    return safeGet(this.deps.sessionStorage, draftKey(this.deps.spaceId, key)) ?? '';
  }

  /** Persists a composer draft; `replaceShown` also pushes it into a composer on screen (restore, quick prompt). */
  setComposerText(key: string, text: string, replaceShown = false): void {
    safeSet(this.deps.sessionStorage, draftKey(this.deps.spaceId, key), text);
    if (replaceShown) this.setState((s) => ({ ...s, composerRevision: s.composerRevision + 1 }));
  }

  // ---- prompt contexts ------------------------------------------------------------------------------

  registerPromptContext(context: PromptContext): () => void {
    this.setState((s) => ({ ...s, registeredContexts: [...s.registeredContexts.filter((c) => c.id !== context.id), context] }));
    return () => this.setState((s) => ({ ...s, registeredContexts: s.registeredContexts.filter((c) => c !== context) }));
  }

  selectContext(key: string, context: PromptContext): void {
    const current = this.state.selectedContexts[key] ?? [];
    if (current.some((c) => c.context.id === context.id) || current.length >= MAX_CONTEXTS_PER_MESSAGE) return;
    this.setState((s) => ({ ...s, selectedContexts: { ...s.selectedContexts, [key]: [...current, { context, overrides: [] }] } }));
    void this.loadContextData(key, context);
  }

  removeContext(key: string, contextId: string): void {
    this.setState((s) => ({ ...s, selectedContexts: { ...s.selectedContexts, [key]: (s.selectedContexts[key] ?? []).filter((c) => c.context.id !== contextId) } }));
  }

  setContextOverrides(key: string, contextId: string, overrides: SelectedContext['overrides']): void {
    this.setState((s) => ({
      ...s,
      selectedContexts: {
        ...s.selectedContexts,
        [key]: (s.selectedContexts[key] ?? []).map((c) => (c.context.id === contextId ? { ...c, overrides } : c)),
      },
    }));
  }

  private async loadContextData(key: string, context: PromptContext): Promise<void> {
    let data: Record<string, unknown> | string;
    try {
      data = await context.getPromptContext();
    } catch (error) {
      data = `Could not load this context: ${(error as Error).message}`;
    }
    this.setState((s) => ({
      ...s,
      selectedContexts: { ...s.selectedContexts, [key]: (s.selectedContexts[key] ?? []).map((c) => (c.context.id === context.id ? { ...c, data } : c)) },
    }));
  }

  // ---- chat -----------------------------------------------------------------------------------------

  isStreaming(key: string): boolean {
    const phase = this.state.sessions[key]?.phase;
    return phase === 'sending' || phase === 'streaming';
  }

  /** Sends the composer text (and selected contexts) of the active conversation. */
  async send(options: SendOptions): Promise<void> {
    const key = this.state.activeKey;
    if (this.isStreaming(key)) return;
    const text = options.text.trim();
    const selected = this.state.selectedContexts[key] ?? [];
    if (!text && selected.length === 0) return;
    const contexts = selected.map(toContextInput);
    const request: ChatCompleteRequest = {
      ...(key === DRAFT_KEY
        ? { conversation: { title: this.state.draft.title || undefined, conversationType: this.state.draft.conversationType } }
        : { conversationId: key }),
      ...(text ? { message: text } : {}),
      contexts,
      replacements: key === DRAFT_KEY ? this.state.draft.replacements : {},
      ...((options.connectorId ?? (key === DRAFT_KEY ? this.state.draft.connectorId : undefined)) ? { connectorId: options.connectorId ?? this.state.draft.connectorId } : {}),
      ...((options.systemPromptId ?? (key === DRAFT_KEY ? this.state.draft.systemPromptId : undefined)) ? { systemPromptId: options.systemPromptId ?? this.state.draft.systemPromptId } : {}),
      ...(options.model ? { model: options.model } : {}),
      ...(options.alertsToAnalyze ? { alertsToAnalyze: options.alertsToAnalyze } : {}),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
    // The text leaves the composer now; it comes back if the server never stored it (UX-4).
    this.setComposerText(key, '');
    this.setState((s) => ({
      ...s,
      selectedContexts: { ...s.selectedContexts, [key]: [] },
      sessions: {
        ...s.sessions,
        [key]: {
          ...emptySession(),
          phase: 'sending',
          pendingUserText: text,
          pendingUserConfirmed: false,
          pendingContextDescriptions: selected.map((c) => c.context.description),
        },
      },
    }));
    if (this.state.streamingEnabled) await this.runStream(key, request, { text, selected });
    else await this.runComplete(key, request, { text, selected });
  }

  /** Regenerate the last answer (§1.6). */
  async regenerate(conversationId: string, options: Omit<SendOptions, 'text'> = {}): Promise<void> {
    if (this.isStreaming(conversationId)) return;
    this.setState((s) => ({ ...s, sessions: { ...s.sessions, [conversationId]: { ...emptySession(), phase: 'sending', regenerating: true, pendingUserConfirmed: true } } }));
    const request: ChatCompleteRequest = { conversationId, regenerate: true, ...(options.connectorId ? { connectorId: options.connectorId } : {}) };
    if (this.state.streamingEnabled) await this.runStream(conversationId, request, undefined);
    else await this.runComplete(conversationId, request, undefined);
  }

  stop(key: string): void {
    this.aborts.get(key)?.abort();
  }

  /** Stops every stream (page unload). */
  stopAll(): void {
    for (const controller of this.aborts.values()) controller.abort();
  }

  dismissError(key: string): void {
    this.patchSession(key, () => ({ error: undefined }));
  }

  private async runStream(startKey: string, request: ChatCompleteRequest, restore: { text: string; selected: SelectedContext[] } | undefined): Promise<void> {
    let key = startKey;
    const controller = new AbortController();
    this.aborts.set(key, controller);
    const cached = key === DRAFT_KEY ? undefined : this.deps.queryClient.getQueryData<Conversation>(queryKeys.conversation(this.deps.spaceId, key));
    const deanonymizer = createStreamDeanonymizer({ ...(cached?.replacements ?? {}), ...(request.replacements ?? {}) }, { stripThinking: true });
    let conversationSeen = false;
    let userMessage: Message | undefined;
    let finished = false;
    const handle = (event: ChatStreamEvent) => {
      switch (event.type) {
        case 'conversation': {
          conversationSeen = true;
          userMessage = event.userMessage;
          if (key === DRAFT_KEY) {
            key = this.moveDraftTo(event.conversationId, controller);
          }
          this.patchSession(key, () => ({ phase: 'streaming', pendingUserConfirmed: true, connectorFallbackFrom: event.connectorFallbackFrom }));
          void this.deps.queryClient.invalidateQueries({ queryKey: queryKeys.conversations(this.deps.spaceId), predicate: (q) => q.queryKey[3] === 'list' });
          return;
        }
        case 'replacements':
          deanonymizer.addReplacements(event.replacements);
          this.patchSession(key, (s) => ({ replacements: { ...s.replacements, ...event.replacements } }));
          return;
        case 'content': {
          const shown = deanonymizer.push(event.payload);
          this.patchSession(key, (s) => ({ streamRaw: s.streamRaw + event.payload, streamDisplay: s.streamDisplay + shown }));
          return;
        }
        case 'tool_call':
          this.patchSession(key, (s) => ({ tools: [...s.tools, { id: event.id, name: event.name, status: 'running' }] }));
          return;
        case 'tool_result':
          this.patchSession(key, (s) => ({
            tools: s.tools.map((t) => (t.id === event.id ? { ...t, status: event.ok ? 'ok' : 'error', summary: event.summary } : t)),
          }));
          return;
        case 'title':
          this.deps.queryClient.setQueryData<Conversation>(queryKeys.conversation(this.deps.spaceId, key), (old) => (old ? { ...old, title: event.title } : old));
          void this.deps.queryClient.invalidateQueries({ queryKey: queryKeys.conversations(this.deps.spaceId), predicate: (q) => q.queryKey[3] === 'list' });
          return;
        case 'ping':
          return;
        case 'done': {
          finished = true;
          const tail = deanonymizer.flush();
          this.patchSession(key, (s) => ({
            streamDisplay: s.streamDisplay + tail,
            replacements: { ...s.replacements, ...event.replacements },
            settledMessages: [...(userMessage ? [userMessage] : []), event.message],
          }));
          return;
        }
        case 'error': {
          finished = true;
          const tail = deanonymizer.flush();
          this.patchSession(key, (s) => ({
            streamDisplay: s.streamDisplay + tail,
            error: { kind: 'llm', message: event.message, code: event.code, retryable: event.retryable },
            settledMessages: [...(userMessage ? [userMessage] : []), ...(event.persistedMessage ? [event.persistedMessage] : [])],
          }));
          return;
        }
      }
    };

    try {
      for await (const event of streamChatComplete(this.deps.stream, request, controller.signal)) handle(event);
      if (!finished) throw new Error('The answer stopped before it was complete.');
    } catch (error) {
      const aborted = controller.signal.aborted;
      if (!conversationSeen && restore && !aborted) {
        // §1.7: nothing was stored — the text and contexts go back to the composer.
        this.restoreComposer(key, restore);
        const e = error as Partial<ChatRequestError>;
        this.patchSession(key, () => ({
          ...emptySession(),
          error: { kind: 'not_sent', message: (error as Error).message, status: e.status, missingPrivileges: e.missingPrivileges },
        }));
      } else if (!conversationSeen && restore && aborted) {
        this.restoreComposer(key, restore);
        this.patchSession(key, () => emptySession());
      } else if (!aborted) {
        const tail = deanonymizer.flush();
        this.patchSession(key, (s) => ({ streamDisplay: s.streamDisplay + tail, error: { kind: 'broken', message: (error as Error).message } }));
      }
    } finally {
      this.aborts.delete(key);
      this.patchSession(key, () => ({ phase: 'idle' }));
      if (key !== DRAFT_KEY) await this.refreshConversation(key);
    }
  }

  /** The draft became a stored conversation: its session, stream and selection move to the new id. */
  private moveDraftTo(newKey: string, controller: AbortController): string {
    this.aborts.delete(DRAFT_KEY);
    this.aborts.set(newKey, controller);
    this.setState((s) => {
      const { [DRAFT_KEY]: moved, ...rest } = s.sessions;
      return {
        ...s,
        activeKey: s.activeKey === DRAFT_KEY ? newKey : s.activeKey,
        draft: { title: '', conversationType: 'general', replacements: {} },
        sessions: { ...rest, [newKey]: { ...(moved ?? emptySession()) } },
      };
    });
    if (this.state.activeKey === newKey) this.rememberLast(newKey);
    return newKey;
  }

  /**
   * `stream:false` (streaming switched off): one JSON answer. A draft is created first, so after a failure the
   * stored conversation says whether the user message was kept (then the server's error message shows) or not
   * (then the text goes back to the composer and the empty conversation is removed) — UX-4 either way.
   */
  private async runComplete(startKey: string, request: ChatCompleteRequest, restore: { text: string; selected: SelectedContext[] } | undefined): Promise<void> {
    let key = startKey;
    const controller = new AbortController();
    this.aborts.set(key, controller);
    const draftBefore = this.state.draft;
    const cached = key === DRAFT_KEY ? undefined : this.deps.queryClient.getQueryData<Conversation>(queryKeys.conversation(this.deps.spaceId, key));
    let before = cached?.messages?.length ?? cached?.messageCount ?? 0;
    let createdHere = false;
    let body = request;
    try {
      if (key === DRAFT_KEY) {
        const { conversation, ...rest } = request;
        const created = await this.deps.api.createConversation({
          title: conversation?.title ?? '',
          conversationType: conversation?.conversationType ?? 'general',
          ...(request.replacements && Object.keys(request.replacements).length > 0 ? { replacements: request.replacements } : {}),
        });
        createdHere = true;
        before = 0;
        this.deps.queryClient.setQueryData(queryKeys.conversation(this.deps.spaceId, created.id), created);
        key = this.moveDraftTo(created.id, controller);
        body = { ...rest, conversationId: created.id };
      }
      const answer = await this.deps.api.completeChat(body, controller.signal);
      this.patchSession(key, (s) => ({ pendingUserConfirmed: true, replacements: { ...s.replacements, ...answer.replacements } }));
    } catch (error) {
      const aborted = controller.signal.aborted;
      const stored = key !== DRAFT_KEY && (await this.messageCount(key)) > before;
      if (!stored && restore) {
        if (createdHere) key = await this.backToDraft(key, draftBefore);
        this.restoreComposer(key, restore);
        this.patchSession(key, () => ({ ...emptySession(), ...(aborted ? {} : { error: notSentError(error) }) }));
      } else if (!aborted) {
        const { message, code } = describeError(error);
        this.patchSession(key, () => ({ error: code?.startsWith('llm_') ? { kind: 'llm', message, code, retryable: true } : { kind: 'broken', message } }));
      }
    } finally {
      this.aborts.delete(key);
      this.patchSession(key, () => ({ phase: 'idle' }));
      if (key !== DRAFT_KEY) await this.refreshConversation(key);
    }
  }

  /** Stored messages of a conversation now, or -1 when it cannot be read. */
  private async messageCount(id: string): Promise<number> {
    try {
      const conversation = await this.deps.api.getConversation(id);
      return conversation.messages?.length ?? conversation.messageCount;
    } catch {
      return -1;
    }
  }

  /** Undoes a draft's creation when its first message was not stored (no empty conversation is left behind). */
  private async backToDraft(id: string, draft: AssistantState['draft']): Promise<string> {
    await this.deps.api.deleteConversation(id).catch(() => undefined);
    this.deps.queryClient.removeQueries({ queryKey: queryKeys.conversation(this.deps.spaceId, id) });
    safeSet(this.deps.localStorage, lastConversationKey(this.deps.spaceId, this.deps.ownerKey), undefined);
    this.setState((s) => {
      const { [id]: moved, ...rest } = s.sessions;
      return { ...s, activeKey: s.activeKey === id ? DRAFT_KEY : s.activeKey, draft, sessions: { ...rest, [DRAFT_KEY]: { ...(moved ?? emptySession()) } } };
    });
    return DRAFT_KEY;
  }

  private restoreComposer(key: string, restore: { text: string; selected: SelectedContext[] }): void {
    const current = this.getComposerText(key);
    this.setComposerText(key, current ? `${restore.text}\n${current}` : restore.text, true);
    this.setState((s) => ({ ...s, selectedContexts: { ...s.selectedContexts, [key]: [...restore.selected, ...(s.selectedContexts[key] ?? [])] } }));
  }

  /** Refetches the stored conversation, then drops the session's copies (no flash of missing messages). */
  private async refreshConversation(id: string): Promise<void> {
    const queryKey = queryKeys.conversation(this.deps.spaceId, id);
    try {
      await this.deps.queryClient.fetchQuery({ queryKey, queryFn: () => this.deps.api.getConversation(id), staleTime: 0 });
      // The stored conversation now holds the user message, the answer (partial or error) and its tools.
      this.patchSession(id, (s) => ({ ...emptySession(), error: s.error?.kind === 'llm' ? undefined : s.error, connectorFallbackFrom: s.connectorFallbackFrom }));
    } catch {
      // Keep showing what the stream delivered; the next open refetches.
    }
    void this.deps.queryClient.invalidateQueries({ queryKey: queryKeys.conversations(this.deps.spaceId), predicate: (q) => q.queryKey[3] === 'list' || q.queryKey[3] === 'table' });
  }
}
