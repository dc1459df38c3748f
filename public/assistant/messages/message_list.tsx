/** The conversation (§1.6): stored messages, the message on its way, the streaming answer, tools and errors. */
import {
  EuiAvatar,
  EuiButton,
  EuiButtonIcon,
  EuiCallOut,
  EuiCommentList,
  EuiComment,
  EuiCopy,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingSpinner,
  EuiText,
  EuiToolTip,
  type EuiCommentProps,
} from '@elastic/eui';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { Message } from '../../api';
import type { ConversationSession, ToolActivity } from '../service';
import { messages as t } from '../translations';
import { displayText, extractQueries } from './display_text';
import { MarkdownMessage } from './markdown_message';

export interface MessageActionsConfig {
  canRegenerate: boolean;
  onRegenerate(): void;
  /** Alerts of this conversation (from message contexts); the note action shows when there is one. */
  alertIds: string[];
  onAddNote?(alertId: string, text: string): void;
  onAddQuery?(query: { language: string; query: string }): void;
  queryLanguages: string[];
}

export interface MessageListProps {
  messages: Message[];
  session: ConversationSession | undefined;
  replacements: Record<string, string>;
  showAnonymized: boolean;
  actions: MessageActionsConfig;
  onTryAgain(): void;
}

function ToolRow({ tool }: { tool: ToolActivity }) {
  const intl = useIntl();
  return (
    <EuiText size="xs" color={tool.status === 'error' ? 'danger' : 'subdued'} data-test-subj="assistantToolActivity">
      {tool.status === 'running' ? (
        <>
          <EuiLoadingSpinner size="s" /> {intl.formatMessage(t.toolRunning, { name: tool.name })}
        </>
      ) : (
        intl.formatMessage(t.toolDone, { name: tool.name, status: tool.status, summary: tool.summary || 'none' })
      )}
    </EuiText>
  );
}

function AssistantActions({ text, isLast, actions }: { text: string; isLast: boolean; actions: MessageActionsConfig }) {
  const intl = useIntl();
  const queries = useMemo(() => extractQueries(text).filter((q) => actions.queryLanguages.includes(q.language)), [text, actions.queryLanguages]);
  return (
    <EuiFlexGroup gutterSize="xs" responsive={false}>
      <EuiFlexItem grow={false}>
        <EuiCopy textToCopy={text}>
          {(copy) => <EuiButtonIcon iconType="copyClipboard" aria-label={intl.formatMessage(t.copy)} onClick={copy} data-test-subj="assistantCopyMessage" />}
        </EuiCopy>
      </EuiFlexItem>
      {actions.onAddNote && actions.alertIds.length > 0 && (
        <EuiFlexItem grow={false}>
          <EuiToolTip content={intl.formatMessage(t.addNote)}>
            <EuiButtonIcon
              iconType="editorComment"
              aria-label={intl.formatMessage(t.addNote)}
              onClick={() => actions.onAddNote?.(actions.alertIds[actions.alertIds.length - 1], text)}
              data-test-subj="assistantAddNote"
            />
          </EuiToolTip>
        </EuiFlexItem>
      )}
      {actions.onAddQuery &&
        queries.map((q, i) => (
          <EuiFlexItem grow={false} key={i}>
            <EuiToolTip content={`${intl.formatMessage(t.addQuery)} (${q.language})`}>
              <EuiButtonIcon iconType="search" aria-label={intl.formatMessage(t.addQuery)} onClick={() => actions.onAddQuery?.(q)} data-test-subj="assistantAddQuery" />
            </EuiToolTip>
          </EuiFlexItem>
        ))}
      {isLast && actions.canRegenerate && (
        <EuiFlexItem grow={false}>
          <EuiToolTip content={intl.formatMessage(t.regenerate)}>
            <EuiButtonIcon iconType="refresh" aria-label={intl.formatMessage(t.regenerate)} onClick={actions.onRegenerate} data-test-subj="assistantRegenerate" />
          </EuiToolTip>
        </EuiFlexItem>
      )}
    </EuiFlexGroup>
  );
}

/** Stored messages plus what the session added and the refetch has not brought yet, minus a regenerated answer. */
export function visibleMessages(stored: Message[], session: ConversationSession | undefined): Message[] {
  const ids = new Set(stored.map((m) => m.id));
  let list = [...stored, ...(session?.settledMessages ?? []).filter((m) => !ids.has(m.id))].filter((m) => m.role !== 'system');
  if (session?.regenerating && !session.settledMessages) {
    const lastUser = list.map((m) => m.role).lastIndexOf('user');
    list = list.slice(0, lastUser + 1);
  }
  return list;
}

export function MessageList({ messages: stored, session, replacements, showAnonymized, actions, onTryAgain }: MessageListProps) {
  const intl = useIntl();
  const list = visibleMessages(stored, session);
  const lastAssistant = list.map((m) => m.role).lastIndexOf('assistant');
  const streaming = session && (session.phase !== 'idle' || session.streamDisplay !== '' || session.tools.length > 0) && !session.settledMessages;
  const pending = session?.pendingUserText !== undefined && session.pendingUserText !== '' && !session.settledMessages ? session.pendingUserText : undefined;

  const comments: Array<EuiCommentProps & { key: string }> = list.map((m, i) => {
    const shown = displayText(m.content, replacements, showAnonymized);
    const isUser = m.role === 'user';
    const contexts = m.metadata?.contexts ?? [];
    return {
      key: m.id,
      username: intl.formatMessage(isUser ? t.you : t.assistant),
      timestamp: new Date(m.timestamp).toLocaleString(),
      timelineAvatar: <EuiAvatar name={isUser ? 'You' : 'AI'} iconType={isUser ? 'user' : 'sparkles'} size="m" color={isUser ? 'subdued' : undefined} />,
      eventColor: m.isError ? 'danger' : undefined,
      actions: isUser ? undefined : <AssistantActions text={shown} isLast={i === lastAssistant} actions={actions} />,
      'data-test-subj': isUser ? 'assistantUserMessage' : m.isError ? 'assistantErrorMessage' : 'assistantMessage',
      children: (
        <>
          {contexts.length > 0 && (
            <EuiText size="xs" color="subdued">
              {contexts.map((c) => c.description).join(' · ')}
            </EuiText>
          )}
          {(m.metadata?.toolCalls ?? []).map((tc) => (
            <ToolRow key={tc.id} tool={{ id: tc.id, name: tc.name, status: tc.ok ? 'ok' : 'error', summary: tc.summary }} />
          ))}
          {isUser ? <EuiText size="s" style={{ whiteSpace: 'pre-wrap' }}>{shown}</EuiText> : <MarkdownMessage text={shown} />}
          {m.isError && i === lastAssistant && (
            <EuiButton size="s" color="danger" iconType="refresh" onClick={onTryAgain} data-test-subj="assistantTryAgain">
              {intl.formatMessage(t.tryAgain)}
            </EuiButton>
          )}
        </>
      ),
    };
  });

  if (pending !== undefined) {
    comments.push({
      key: 'pending-user',
      username: intl.formatMessage(t.you),
      timestamp: session?.pendingUserConfirmed ? undefined : intl.formatMessage(t.sending),
      timelineAvatar: <EuiAvatar name="You" iconType="user" size="m" color="subdued" />,
      'data-test-subj': 'assistantPendingUserMessage',
      children: <EuiText size="s" style={{ whiteSpace: 'pre-wrap' }}>{pending}</EuiText>,
    });
  }
  if (streaming && session) {
    const text = showAnonymized ? displayText(session.streamRaw, { ...replacements, ...session.replacements }, true) : session.streamDisplay;
    comments.push({
      key: 'streaming',
      username: intl.formatMessage(t.assistant),
      timelineAvatar: <EuiAvatar name="AI" iconType="sparkles" size="m" />,
      eventColor: session.error ? 'danger' : undefined,
      'data-test-subj': 'assistantStreamingMessage',
      children: (
        <>
          {session.tools.map((tool) => (
            <ToolRow key={tool.id} tool={tool} />
          ))}
          {text ? <MarkdownMessage text={text} data-test-subj="assistantStreamingText" /> : session.phase !== 'idle' && <EuiLoadingSpinner size="m" />}
          {session.error?.kind === 'broken' && (
            <EuiText size="xs" color="danger" data-test-subj="assistantStreamBroken">
              {intl.formatMessage(t.streamBroken, { message: session.error.message })}
            </EuiText>
          )}
          {session.error?.kind === 'llm' && (
            <>
              <EuiText size="s" color="danger" data-test-subj="assistantLlmError">
                {session.error.message}
              </EuiText>
              <EuiButton size="s" color="danger" iconType="refresh" onClick={onTryAgain} data-test-subj="assistantTryAgain">
                {intl.formatMessage(t.tryAgain)}
              </EuiButton>
            </>
          )}
        </>
      ),
    });
  }

  return (
    <>
      <EuiCommentList aria-label={intl.formatMessage(t.flyoutLabel)} data-test-subj="assistantMessages">
        {comments.map(({ key, ...props }) => (
          <EuiComment key={key} {...props} />
        ))}
      </EuiCommentList>
      {!streaming && session?.error?.kind === 'broken' && (
        <EuiText size="xs" color="danger" data-test-subj="assistantStreamBroken">
          {intl.formatMessage(t.streamBroken, { message: session.error.message })}
        </EuiText>
      )}
      {session?.error?.kind === 'not_sent' && (
        <EuiCallOut color="danger" iconType="warning" size="s" title={intl.formatMessage(t.notSent)} data-test-subj="assistantNotSent">
          <p>{intl.formatMessage(t.notSentBody, { message: session.error.message })}</p>
          {session.error.missingPrivileges && session.error.missingPrivileges.length > 0 && (
            <p>{intl.formatMessage(t.missingPrivileges, { privileges: session.error.missingPrivileges.join(', ') })}</p>
          )}
        </EuiCallOut>
      )}
    </>
  );
}
