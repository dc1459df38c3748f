import type { ChatMessage } from '../../../../actions/server';
import type { AgentAttachment, AgentConversationRound } from '../types';

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The user turn of `ai.agent` (workflow-engine §2.6): the message, then one `<attachment id="…" type="…">` block per
 * attachment. Strings go in verbatim, anything else as indented JSON. An attachment without id gets `attachment-<n>`.
 */
export function renderUserContent(message: string, attachments: readonly AgentAttachment[] = []): string {
  const blocks = attachments.map((attachment, index) => {
    const id = attachment.id ?? `attachment-${index + 1}`;
    const body = typeof attachment.data === 'string' ? attachment.data : JSON.stringify(attachment.data ?? null, null, 2);
    return `<attachment id="${attribute(id)}" type="${attribute(attachment.type)}">\n${body}\n</attachment>`;
  });
  return [message, ...blocks].join('\n\n');
}

/** Earlier rounds (user, assistant), then the new user turn. */
export function buildAgentMessages(history: readonly AgentConversationRound[], userContent: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const round of history) {
    messages.push({ role: 'user', content: round.userContent }, { role: 'assistant', content: round.response });
  }
  messages.push({ role: 'user', content: userContent });
  return messages;
}

/** Conversation title: the first 80 characters of the message. */
export const conversationTitle = (message: string) => Array.from(message).slice(0, 80).join('');
