import { chatStreamEventSchema, type ChatStreamEvent } from '../api/chat';
import { createNdjsonDecoder, encodeNdjsonLine, readNdjson, type NdjsonDecoder } from './ndjson';

/** Chat stream events over NDJSON: every decoded line is checked against the §3.6 event schemas. */

export class ChatEventError extends Error {
  constructor(
    readonly lineNumber: number,
    message: string,
  ) {
    super(`Chat stream line ${lineNumber} is not a valid event: ${message}`);
    this.name = 'ChatEventError';
  }
}

const toEvent = (value: unknown, lineNumber: number): ChatStreamEvent => {
  const parsed = chatStreamEventSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChatEventError(lineNumber, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
};

export const encodeChatEvent = (event: ChatStreamEvent): string => encodeNdjsonLine(event);

export const createChatEventDecoder = (): NdjsonDecoder<ChatStreamEvent> => createNdjsonDecoder({ map: toEvent });

export const readChatEvents = (body: ReadableStream<Uint8Array>): AsyncGenerator<ChatStreamEvent> =>
  readNdjson(body, { map: toEvent });

export const isTerminalChatEvent = (event: ChatStreamEvent): event is Extract<ChatStreamEvent, { type: 'done' | 'error' }> =>
  event.type === 'done' || event.type === 'error';
