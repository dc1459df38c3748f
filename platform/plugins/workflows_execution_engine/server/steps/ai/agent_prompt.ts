import type { ChatMessage } from '../../../../actions/server';
import type { AgentAttachment, AgentConversationRound } from '../types';

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Longest attachment body sent; a longer one (a 5 MB alert) is cut with a visible notice instead of sent whole. */
export const MAX_ATTACHMENT_CHARS = 64_000;

const bounded = (body: string): string =>
  body.length <= MAX_ATTACHMENT_CHARS ? body : `${body.slice(0, MAX_ATTACHMENT_CHARS)}\n…[truncated ${body.length - MAX_ATTACHMENT_CHARS} chars]`;

/*
 * Attachment data is untrusted (alert fields): it must not close its block or any tag the message opened. JSON gets `<`
 * as `\u003c` (the same value for any JSON parser); strings get `</` as `<\/`.
 */
const jsonBody = (data: unknown): string => JSON.stringify(data ?? null, null, 2).replace(/</g, '\\u003c');
const textBody = (data: string): string => data.replace(/<\//g, '<\\/');

/**
 * The user turn of `ai.agent` (workflow-engine §2.6): the message, then one `<attachment id="…" type="…">` block per
 * attachment. Strings go in verbatim (closing tags defused), anything else as indented JSON; each body is bounded. An
 * attachment without id gets `attachment-<n>`.
 */
export function renderUserContent(message: string, attachments: readonly AgentAttachment[] = []): string {
  const blocks = attachments.map((attachment, index) => {
    const id = attachment.id ?? `attachment-${index + 1}`;
    const body = bounded(typeof attachment.data === 'string' ? textBody(attachment.data) : jsonBody(attachment.data));
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
