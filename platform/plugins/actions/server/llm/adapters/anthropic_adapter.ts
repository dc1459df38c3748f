import Anthropic from '@anthropic-ai/sdk';
import type {
  ContentBlockParam,
  MessageCreateParamsBase,
  MessageParam,
  Tool,
  ToolChoice,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type {
  ChatFinishReason,
  ChatResponse,
  ChatToolCall,
  ProviderAdapter,
  ProviderRequest,
  ProviderStreamEvent,
} from '../types';

export interface AnthropicAdapterOptions {
  baseUrl: string;
  apiKey: string;
  /** Anthropic requires max_tokens on every request. */
  defaultMaxTokens: number;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

function parseInput(args: string): unknown {
  if (args.trim() === '') return {};
  try {
    return JSON.parse(args) as unknown;
  } catch {
    // The model's own malformed arguments are echoed back as text so the turn still validates.
    return { _raw: args };
  }
}

/** Anthropic wants alternating user/assistant turns: tool results become user turns, merged when adjacent. */
export function toAnthropicMessages(request: ProviderRequest): { system?: string; messages: MessageParam[] } {
  const systemParts = request.system ? [request.system] : [];
  const messages: MessageParam[] = [];
  const push = (role: 'user' | 'assistant', blocks: ContentBlockParam[]) => {
    const last = messages[messages.length - 1];
    if (last && last.role === role && Array.isArray(last.content)) {
      last.content.push(...blocks);
    } else {
      messages.push({ role, content: blocks });
    }
  };
  for (const m of request.messages) {
    switch (m.role) {
      case 'system':
        systemParts.push(m.content);
        break;
      case 'user':
        push('user', [{ type: 'text', text: m.content }]);
        break;
      case 'assistant': {
        const blocks: ContentBlockParam[] = m.content === '' ? [] : [{ type: 'text', text: m.content }];
        for (const c of m.toolCalls ?? []) blocks.push({ type: 'tool_use', id: c.id, name: c.name, input: parseInput(c.arguments) });
        if (blocks.length > 0) push('assistant', blocks);
        break;
      }
      case 'tool':
        push('user', [{ type: 'tool_result', tool_use_id: m.toolCallId, content: m.content }]);
        break;
    }
  }
  return { ...(systemParts.length > 0 ? { system: systemParts.join('\n\n') } : {}), messages };
}

function toolChoice(choice: ProviderRequest['toolChoice']): ToolChoice | undefined {
  if (choice === undefined || choice === 'auto') return choice === undefined ? undefined : { type: 'auto' };
  if (choice === 'none') return { type: 'none' };
  if (choice === 'required') return { type: 'any' };
  return { type: 'tool', name: choice.name };
}

export function toAnthropicParams(request: ProviderRequest, defaultMaxTokens: number): MessageCreateParamsBase {
  const { system, messages } = toAnthropicMessages(request);
  const tools: Tool[] | undefined = request.tools?.map((t) => ({
    name: t.name,
    description: t.description,
    input_schema: { type: 'object', ...t.parameters },
  }));
  const choice = toolChoice(request.toolChoice);
  return {
    model: request.model,
    max_tokens: request.maxTokens ?? defaultMaxTokens,
    messages,
    ...(system !== undefined ? { system } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(tools && tools.length > 0 ? { tools, ...(choice ? { tool_choice: choice } : {}) } : {}),
  };
}

function finishReason(stop: string | null | undefined): ChatFinishReason {
  switch (stop) {
    case 'tool_use':
      return 'tool_calls';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content_filter';
    default:
      return 'stop';
  }
}

/** Anthropic Messages API (direct). */
export function createAnthropicAdapter(options: AnthropicAdapterOptions): ProviderAdapter {
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    maxRetries: 0,
    logLevel: 'off',
    timeout: 24 * 60 * 60 * 1000,
    defaultHeaders: options.headers,
    fetch: options.fetch,
  });
  return {
    nativeJsonSchema: false,
    async complete(request, signal): Promise<ChatResponse> {
      const message = await client.messages.create({ ...toAnthropicParams(request, options.defaultMaxTokens), stream: false }, { signal });
      let content = '';
      const toolCalls: ChatToolCall[] = [];
      for (const block of message.content) {
        if (block.type === 'text') content += block.text;
        else if (block.type === 'tool_use') toolCalls.push({ id: block.id, name: block.name, arguments: JSON.stringify(block.input ?? {}) });
      }
      const input = message.usage.input_tokens;
      const output = message.usage.output_tokens;
      return {
        content,
        toolCalls,
        finishReason: finishReason(message.stop_reason),
        usage: { inputTokens: input, outputTokens: output, totalTokens: input + output },
        model: message.model,
      };
    },
    async *stream(request, signal): AsyncIterable<ProviderStreamEvent> {
      const stream = await client.messages.create({ ...toAnthropicParams(request, options.defaultMaxTokens), stream: true }, { signal });
      yield { type: 'open' };
      // Anthropic numbers content blocks; tool calls are numbered among tool blocks only, like OpenAI's index.
      const toolIndexByBlock = new Map<number, number>();
      let inputTokens = 0;
      let outputTokens = 0;
      let stop: string | null | undefined;
      let model: string | undefined;
      let stopped = false;
      for await (const event of stream) {
        switch (event.type) {
          case 'message_start':
            model = event.message.model;
            inputTokens = event.message.usage.input_tokens;
            outputTokens = event.message.usage.output_tokens;
            break;
          case 'content_block_start':
            if (event.content_block.type === 'tool_use') {
              const index = toolIndexByBlock.size;
              toolIndexByBlock.set(event.index, index);
              yield { type: 'tool_call_delta', index, id: event.content_block.id, name: event.content_block.name, argumentsDelta: '' };
            }
            break;
          case 'content_block_delta':
            if (event.delta.type === 'text_delta') yield { type: 'content', delta: event.delta.text };
            else if (event.delta.type === 'input_json_delta') {
              const index = toolIndexByBlock.get(event.index);
              if (index !== undefined) yield { type: 'tool_call_delta', index, argumentsDelta: event.delta.partial_json };
            }
            break;
          case 'message_delta':
            stop = event.delta.stop_reason;
            outputTokens = event.usage.output_tokens ?? outputTokens;
            break;
          case 'message_stop':
            stopped = true;
            break;
          default:
            break;
        }
      }
      if (!stopped) {
        throw Object.assign(new Error('the stream ended without message_stop (truncated)'), { name: 'MalformedResponse' });
      }
      yield {
        type: 'finish',
        finishReason: finishReason(stop),
        usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
        model,
      };
    },
  };
}
