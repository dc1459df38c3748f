import type { ReplyParts, SseFrame } from './reply_parts';
import { sseData } from './reply_parts';

/** Chat Completions response and chunk shapes, field for field as the OpenAI API sends them. */

interface OpenAiMeta {
  id: string;
  created: number;
  model: string;
  includeUsage: boolean;
}

function usage(parts: ReplyParts) {
  return {
    prompt_tokens: parts.promptTokens,
    completion_tokens: parts.completionTokens,
    total_tokens: parts.promptTokens + parts.completionTokens,
  };
}

export function openAiCompletion(parts: ReplyParts, meta: OpenAiMeta): Record<string, unknown> {
  const hasTools = parts.toolCalls.length > 0;
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: hasTools && parts.content === '' ? null : parts.content,
          refusal: null,
          ...(hasTools
            ? {
                tool_calls: parts.toolCalls.map((c) => ({
                  id: c.id,
                  type: 'function',
                  function: { name: c.name, arguments: c.arguments },
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: parts.finishReason,
      },
    ],
    usage: usage(parts),
    system_fingerprint: 'fp_fake',
  };
}

function chunk(meta: OpenAiMeta, delta: Record<string, unknown>, finishReason: string | null) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    system_fingerprint: 'fp_fake',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

export function openAiStreamFrames(parts: ReplyParts, meta: OpenAiMeta): SseFrame[] {
  const frames: SseFrame[] = [];
  frames.push({ kind: 'head', text: sseData(chunk(meta, { role: 'assistant', content: '', refusal: null }, null)) });
  for (const piece of parts.contentChunks) {
    frames.push({ kind: 'content', text: sseData(chunk(meta, { content: piece }, null)) });
  }
  parts.toolCalls.forEach((call, index) => {
    // The first delta of a call carries index, id, type and name with empty arguments; later ones only pieces.
    frames.push({
      kind: 'tool',
      text: sseData(
        chunk(
          meta,
          { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] },
          null,
        ),
      ),
    });
    for (const piece of call.argumentChunks) {
      frames.push({
        kind: 'tool',
        text: sseData(chunk(meta, { tool_calls: [{ index, function: { arguments: piece } }] }, null)),
      });
    }
  });
  frames.push({ kind: 'tail', text: sseData(chunk(meta, {}, parts.finishReason)) });
  if (meta.includeUsage) {
    frames.push({
      kind: 'tail',
      text: sseData({
        id: meta.id,
        object: 'chat.completion.chunk',
        created: meta.created,
        model: meta.model,
        system_fingerprint: 'fp_fake',
        choices: [],
        usage: usage(parts),
      }),
    });
  }
  frames.push({ kind: 'tail', text: sseData('[DONE]') });
  return frames;
}

export function openAiErrorBody(status: number, message: string): Record<string, unknown> {
  const type =
    status === 429
      ? 'rate_limit_exceeded'
      : status === 401
        ? 'invalid_request_error'
        : status >= 500
          ? 'server_error'
          : 'invalid_request_error';
  return { error: { message, type, param: null, code: status === 429 ? 'rate_limit_exceeded' : null } };
}
