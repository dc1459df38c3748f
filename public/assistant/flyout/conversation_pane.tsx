/** The right-hand column: header, welcome or messages, contexts, composer and quick prompts of one conversation. */
import { EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiHorizontalRule, EuiPanel, EuiSpacer } from '@elastic/eui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { HttpFetchError, type NotificationsStart } from '../../../platform/core/public';
import {
  queryKeys,
  useAssistantApi,
  useCapabilities,
  useConnectors,
  useConversation,
  usePrompts,
  type AiConnector,
  type Conversation,
  type QuickPrompt,
  type SystemPrompt,
} from '../../api';
import { Composer } from '../composer/composer';
import { QuickPromptBar } from '../composer/quick_prompt_bar';
import { visibleQuickPrompts } from '../composer/quick_prompts';
import { ContextPills } from '../contexts/context_pills';
import { hasKnownTokens } from '../messages/display_text';
import { MessageList, visibleMessages } from '../messages/message_list';
import { DRAFT_KEY, isShowAnonymizedShortcut, safeGet, safeSet, useAssistantService, useAssistantState } from '../service';
import { messages as t } from '../translations';
import { FlyoutHeader } from './flyout_header';
import { WelcomeCallouts } from './welcome';
import { composerMode, effectiveConnector, welcomeState } from './welcome_state';

const alertsToAnalyzeKey = (spaceId: string) => `securityAiAssistant.alertsToAnalyze.${spaceId}`;

export interface ConversationPaneProps {
  notifications: NotificationsStart;
  width: number;
  onToggleHistory(): void;
  /** Notes service present (host `PATCH /api/note`). */
  notesAvailable: boolean;
}

export function ConversationPane({ notifications, width, onToggleHistory, notesAvailable }: ConversationPaneProps) {
  const intl = useIntl();
  const service = useAssistantService();
  const queryClient = useQueryClient();
  const { api, spaceId } = useAssistantApi();
  const activeKey = useAssistantState((s) => s.activeKey);
  const draft = useAssistantState((s) => s.draft);
  const session = useAssistantState((s) => s.sessions[s.activeKey]);
  const showAnonymized = useAssistantState((s) => s.showAnonymized);
  const composerRevision = useAssistantState((s) => s.composerRevision);
  const selected = useAssistantState((s) => s.selectedContexts[s.activeKey]);
  const registered = useAssistantState((s) => s.registeredContexts);
  const targets = useAssistantState((s) => s.investigationTargets);
  const isDraft = activeKey === DRAFT_KEY;
  const conversationQuery = useConversation(isDraft ? undefined : activeKey);
  const conversation: Conversation | undefined = conversationQuery.data;
  const capabilities = useCapabilities();
  const connectors = useConnectors();
  const prompts = usePrompts();
  const [alertsToAnalyze, setAlertsToAnalyze] = useState(() => Number(safeGet(window.localStorage, alertsToAnalyzeKey(spaceId))) || 50);
  const paneRef = useRef<HTMLDivElement>(null);

  const onError = (title: string, error: Error) => notifications.toasts.addError(error, { title });

  // §1.8: a stored id that is gone opens the newest conversation or a draft, without a toast.
  useEffect(() => {
    const error = conversationQuery.error;
    if (!isDraft && error instanceof HttpFetchError && error.response?.status === 404) {
      api.findConversations({ page: 1, perPage: 1, sortField: 'updated_at', sortOrder: 'desc', fields: ['id'] }).then(
        (res) => service.handleMissingConversation(activeKey, res.data[0]?.id),
        () => service.handleMissingConversation(activeKey, undefined),
      );
    }
  }, [conversationQuery.error, isDraft, activeKey, api, service]);

  const connectorList = connectors.data?.connectors;
  const storedConnectorId = conversation?.apiConfig?.connectorId;
  const connector = effectiveConnector(connectorList, storedConnectorId, isDraft ? draft.connectorId : undefined, connectors.data?.defaultConnectorId);
  const defaultConnector = effectiveConnector(connectorList, undefined, undefined, connectors.data?.defaultConnectorId);
  const stored = conversation?.messages ?? [];
  const shown = visibleMessages(stored, session);
  const hasActivity = shown.length > 0 || session?.pendingUserText !== undefined || session?.phase !== undefined && session.phase !== 'idle';
  const state = welcomeState({ capabilities: capabilities.data, connectors: connectorList, storedConnectorId, messageCount: hasActivity ? 1 : 0 });
  const mode = composerMode(state);
  const streaming = session?.phase === 'sending' || session?.phase === 'streaming';
  const replacements = useMemo(() => ({ ...(conversation?.replacements ?? {}), ...draft.replacements, ...(session?.replacements ?? {}) }), [conversation?.replacements, draft.replacements, session?.replacements]);
  const canShowAnonymized = hasKnownTokens([...shown.map((m) => m.content), session?.streamRaw ?? ''], replacements);
  const readOnly = capabilities.data ? !capabilities.data.assistantAll : true;

  const systemPrompts = (prompts.data ?? []).filter((p): p is SystemPrompt => p.promptType === 'system');
  const quickPrompts = (prompts.data ?? []).filter((p): p is QuickPrompt => p.promptType === 'quick');
  const categories = [...registered.map((c) => c.category), ...(selected ?? []).map((c) => c.context.category)];
  const systemPromptId = (isDraft ? draft.systemPromptId : conversation?.apiConfig?.defaultSystemPromptId) ?? undefined;

  const alertIds = useMemo(() => {
    const ids = new Set<string>();
    for (const m of shown) for (const c of m.metadata?.contexts ?? []) if (c.alertId) ids.add(c.alertId);
    for (const s of selected ?? []) if (s.context.source?.kind === 'alert') ids.add(s.context.source.alertId);
    return [...ids];
  }, [shown, selected]);

  const updateConversation = async (patch: Parameters<typeof api.updateConversation>[1]) => {
    if (!conversation) return false;
    try {
      const updated = await api.updateConversation(conversation.id, patch);
      queryClient.setQueryData(queryKeys.conversation(spaceId, conversation.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations(spaceId), predicate: (q) => q.queryKey[3] !== 'one' });
      return true;
    } catch (e) {
      onError(intl.formatMessage(t.renameFailed), e as Error);
      return false;
    }
  };

  const apiConfigFor = (c: AiConnector, promptId: string | undefined) => ({
    connectorId: c.id,
    actionTypeId: c.actionTypeId,
    provider: c.provider,
    ...(c.defaultModel ? { model: c.defaultModel } : {}),
    ...(promptId ? { defaultSystemPromptId: promptId } : {}),
  });

  const send = (text: string) => {
    void service.send({ text, alertsToAnalyze });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (isShowAnonymizedShortcut({ ...e, isComposing: e.nativeEvent.isComposing })) {
      e.preventDefault();
      if (canShowAnonymized || showAnonymized) service.setShowAnonymized(!showAnonymized);
    }
  };

  return (
    <div ref={paneRef} onKeyDown={onKeyDown} style={{ display: 'flex', flexDirection: 'column', height: '100%' }} data-test-subj="assistantConversationPane">
      <EuiPanel paddingSize="s" hasShadow={false} hasBorder={false} style={{ paddingRight: 40 }}>
        <FlyoutHeader
          conversation={conversation}
          isDraft={isDraft}
          streaming={streaming}
          readOnly={readOnly}
          connectors={connectorList ?? []}
          connector={connector}
          canAddConnector={capabilities.data?.connectorsAll === true}
          systemPrompts={systemPrompts}
          systemPromptId={systemPromptId}
          showAnonymized={showAnonymized}
          canShowAnonymized={canShowAnonymized || showAnonymized}
          alertsToAnalyze={alertsToAnalyze}
          onRename={(title) => updateConversation({ title: title.trim().slice(0, 255) })}
          onConnectorChange={(c) => (isDraft ? service.setDraftApiConfig({ connectorId: c.id }) : void updateConversation({ apiConfig: apiConfigFor(c, systemPromptId) }))}
          onSystemPromptChange={(id) =>
            isDraft ? service.setDraftApiConfig({ systemPromptId: id }) : connector && void updateConversation({ apiConfig: apiConfigFor(connector, id) })
          }
          onShowAnonymized={(on) => service.setShowAnonymized(on)}
          onAlertsToAnalyze={(n) => {
            setAlertsToAnalyze(n);
            safeSet(window.localStorage, alertsToAnalyzeKey(spaceId), String(n));
          }}
          onReset={() => void updateConversation({ messages: [], replacements: {} })}
          onDelete={() => {
            if (!conversation) return;
            api.deleteConversation(conversation.id).then(
              () => {
                queryClient.removeQueries({ queryKey: queryKeys.conversation(spaceId, conversation.id) });
                void queryClient.invalidateQueries({ queryKey: queryKeys.conversations(spaceId) });
                service.handleMissingConversation(conversation.id, undefined);
              },
              (e: Error) => onError(intl.formatMessage(t.deleteFailed), e),
            );
          }}
          onExport={() => {
            if (!conversation) return;
            const blob = new Blob([JSON.stringify(conversation, null, 2)], { type: 'application/json' });
            const a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = `${conversation.title || conversation.id}.json`;
            a.click();
            URL.revokeObjectURL(a.href);
          }}
          onOpenSettings={(tab) => service.openSettings(tab ?? 'conversations')}
          onToggleHistory={onToggleHistory}
        />
      </EuiPanel>
      <EuiHorizontalRule margin="none" />
      <div style={{ flex: 1, overflowY: 'auto', padding: 12 }} data-test-subj="assistantBody">
        {session?.connectorFallbackFrom && (
          <EuiCallOut size="s" color="warning" title={intl.formatMessage(t.fallbackNotice, { from: session.connectorFallbackFrom })} />
        )}
        {state !== 'ready' && (state !== 'W6' || shown.length === 0) && (
          <WelcomeCallouts
            state={state}
            defaultConnectorName={defaultConnector?.name}
            kbMode={capabilities.data?.kbMode}
            onAddConnector={() => service.openSettings('connectors')}
            onStarter={(prompt) => service.setComposerText(activeKey, prompt, true)}
          />
        )}
        {state === 'W6' && shown.length > 0 && <WelcomeCallouts state="W6" defaultConnectorName={defaultConnector?.name} onAddConnector={() => undefined} onStarter={() => undefined} />}
        <EuiSpacer size="s" />
        <MessageList
          messages={stored}
          session={session}
          replacements={replacements}
          showAnonymized={showAnonymized}
          onTryAgain={() => conversation && void service.regenerate(conversation.id)}
          actions={{
            canRegenerate: !readOnly && !streaming && !isDraft,
            onRegenerate: () => conversation && void service.regenerate(conversation.id),
            alertIds,
            onAddNote: notesAvailable
              ? (alertId, text) => {
                  const note = `${text}\n\n${intl.formatMessage(t.noteFooter, { title: conversation?.title || intl.formatMessage(t.untitled) })}`;
                  api.addNoteToAlert(alertId, note).then(
                    () => notifications.toasts.addSuccess(intl.formatMessage(t.noteAdded)),
                    (e: Error) => onError(intl.formatMessage(t.noteFailed), e),
                  );
                }
              : undefined,
            onAddQuery: targets.length > 0 ? (q) => targets.find((x) => x.languages.includes(q.language))?.addQuery(q) : undefined,
            queryLanguages: targets.flatMap((x) => x.languages),
          }}
        />
      </div>
      {mode !== 'hidden' && (
        <EuiPanel paddingSize="s" hasShadow={false} hasBorder={false}>
          <ContextPills conversationKey={activeKey} />
          <EuiSpacer size="xs" />
          <Composer
            key={`${activeKey}:${composerRevision}`}
            conversationKey={activeKey}
            disabled={mode === 'off'}
            canSend={mode === 'on' && connector !== undefined && !connector.isMissingSecrets}
            streaming={streaming}
            hasContexts={(selected ?? []).length > 0}
            onSend={send}
            onStop={() => service.stop(activeKey)}
          />
          <EuiSpacer size="xs" />
          <EuiFlexGroup gutterSize="none" responsive={false}>
            <EuiFlexItem>
              <QuickPromptBar
                prompts={visibleQuickPrompts(quickPrompts, categories)}
                width={width}
                onPick={(p) => service.setComposerText(activeKey, p.content, true)}
                onAdd={readOnly ? undefined : () => service.openSettings('quick_prompts')}
              />
            </EuiFlexItem>
          </EuiFlexGroup>
        </EuiPanel>
      )}
    </div>
  );
}
