import type { ReplyParts, SseFrame } from './reply_parts';
import { sseData } from './reply_parts';

/** Anthropic Messages API response and SSE event shapes. */

interface AnthropicMeta {
  id: string;
  model: string;
}

function stopReason(parts: ReplyParts): string {
  switch (parts.finishReason) {
    case 'tool_calls':
      return 'tool_use';
    case 'length':
      return 'max_tokens';
    case 'content_filter':
      return 'refusal';
    default:
      return 'end_turn';
  }
}

function parseInput(args: string): unknown {
  try {
    return JSON.parse(args);
  } catch {
    return {};
  }
}

export function anthropicMessage(parts: ReplyParts, meta: AnthropicMeta): Record<string, unknown> {
  const content: unknown[] = [];
  if (parts.content !== '') content.push({ type: 'text', text: parts.content });
  for (const c of parts.toolCalls) content.push({ type: 'tool_use', id: c.id, name: c.name, input: parseInput(c.arguments) });
  return {
    id: meta.id,
    type: 'message',
    role: 'assistant',
    model: meta.model,
    content,
    stop_reason: stopReason(parts),
    stop_sequence: null,
    usage: { input_tokens: parts.promptTokens, output_tokens: parts.completionTokens },
  };
}

export function anthropicStreamFrames(parts: ReplyParts, meta: AnthropicMeta): SseFrame[] {
  const frames: SseFrame[] = [];
  const ev = (kind: SseFrame['kind'], type: string, data: Record<string, unknown>) =>
    frames.push({ kind, text: sseData({ type, ...data }, type) });
  ev('head', 'message_start', {
    message: {
      id: meta.id,
      type: 'message',
      role: 'assistant',
      model: meta.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: parts.promptTokens, output_tokens: 1 },
    },
  });
  let index = 0;
  if (parts.contentChunks.length > 0) {
    ev('head', 'content_block_start', { index, content_block: { type: 'text', text: '' } });
    ev('head', 'ping', {});
    for (const text of parts.contentChunks) {
      ev('content', 'content_block_delta', { index, delta: { type: 'text_delta', text } });
    }
    ev('tail', 'content_block_stop', { index });
    index += 1;
  }
  for (const call of parts.toolCalls) {
    ev('tool', 'content_block_start', {
      index,
      content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} },
    });
    for (const piece of call.argumentChunks) {
      ev('tool', 'content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } });
    }
    ev('tool', 'content_block_stop', { index });
    index += 1;
  }
  ev('tail', 'message_delta', {
    delta: { stop_reason: stopReason(parts), stop_sequence: null },
    usage: { output_tokens: parts.completionTokens },
  });
  ev('tail', 'message_stop', {});
  return frames;
}

export function anthropicErrorBody(status: number, message: string): Record<string, unknown> {
  const type =
    status === 429
      ? 'rate_limit_error'
      : status === 529
        ? 'overloaded_error'
        : status === 401
          ? 'authentication_error'
          : status >= 500
            ? 'api_error'
            : 'invalid_request_error';
  return { type: 'error', error: { type, message } };
}
