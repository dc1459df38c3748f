import type { FakeReply, FakeToolCall } from './types';

/** Normalised pieces of a scripted reply shared by both wire formats. */
export interface ReplyParts {
  content: string;
  contentChunks: string[];
  toolCalls: Array<{ id: string; name: string; arguments: string; argumentChunks: string[] }>;
  finishReason: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  promptTokens: number;
  completionTokens: number;
}

export function splitEvery(text: string, size: number): string[] {
  const step = Math.max(1, Math.floor(size));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += step) out.push(text.slice(i, i + step));
  return out;
}

/** A rough token estimate so usage numbers are plausible and deterministic. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(Buffer.byteLength(text, 'utf8') / 4));
}

function toolArguments(call: FakeToolCall): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
}

export function replyParts(reply: FakeReply, requestBody: string, idPrefix: string): ReplyParts {
  const content = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.content ?? '');
  const contentChunks = reply.chunks ?? (content === '' ? [] : splitEvery(content, reply.chunkSize ?? 8));
  const toolCalls = (reply.toolCalls ?? []).map((call, i) => {
    const args = toolArguments(call);
    return {
      id: call.id ?? `${idPrefix}${i + 1}`,
      name: call.name,
      arguments: args,
      argumentChunks: args === '' ? [] : splitEvery(args, reply.argumentsChunkSize ?? 10),
    };
  });
  const finishReason = reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop');
  const completionText = content + toolCalls.map((c) => c.name + c.arguments).join('');
  return {
    content: reply.chunks ? reply.chunks.join('') : content,
    contentChunks,
    toolCalls,
    finishReason,
    promptTokens: reply.usage?.promptTokens ?? estimateTokens(requestBody),
    completionTokens: reply.usage?.completionTokens ?? (completionText === '' ? 0 : estimateTokens(completionText)),
  };
}

/** One SSE frame and what it carries, so the server can truncate or corrupt a stream at a precise point. */
export interface SseFrame {
  kind: 'head' | 'content' | 'tool' | 'tail';
  text: string;
}

export function sseData(data: unknown, event?: string): string {
  const line = `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
  return event ? `event: ${event}\n${line}` : line;
}
