import OpenAI, { AzureOpenAI } from 'openai';
import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions/completions';
import type {
  ChatFinishReason,
  ChatResponse,
  ChatToolCall,
  ChatUsage,
  ProviderAdapter,
  ProviderRequest,
  ProviderStreamEvent,
} from '../types';

export interface OpenAiAdapterOptions {
  /** OpenAI-compatible base URL (…/v1), or for Azure deployments the resource endpoint. */
  baseUrl: string;
  apiKey?: string;
  azure?: { deployment: string; apiVersion: string };
  headers?: Record<string, string>;
  /** Ask for a final usage chunk (`stream_options.include_usage`); some local servers reject it. */
  streamUsage: boolean;
  nativeJsonSchema: boolean;
  fetch?: typeof fetch;
}

function createSdkClient(options: OpenAiAdapterOptions): OpenAI {
  // The SDK's own retries and timeouts are off: the shared client owns both (§8.5).
  // SDK logging is off: every failure is thrown, classified and logged by the caller without secrets.
  const common = {
    maxRetries: 0,
    timeout: 24 * 60 * 60 * 1000,
    defaultHeaders: options.headers,
    fetch: options.fetch,
    logLevel: 'off' as const,
  };
  if (options.azure) {
    return new AzureOpenAI({
      ...common,
      endpoint: options.baseUrl,
      deployment: options.azure.deployment,
      apiVersion: options.azure.apiVersion,
      apiKey: options.apiKey ?? '',
    });
  }
  if (options.apiKey) {
    return new OpenAI({ ...common, baseURL: options.baseUrl, apiKey: options.apiKey, organization: null, project: null });
  }
  // Local servers (Ollama, llama.cpp) need no key: the SDK insists on one, so a placeholder is set and its
  // Authorization header removed (a null header value unsets it).
  return new OpenAI({
    ...common,
    baseURL: options.baseUrl,
    apiKey: 'unused',
    organization: null,
    project: null,
    defaultHeaders: { ...options.headers, authorization: null },
  });
}

export function toOpenAiMessages(request: ProviderRequest): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  if (request.system) out.push({ role: 'system', content: request.system });
  for (const m of request.messages) {
    switch (m.role) {
      case 'system':
      case 'user':
        out.push({ role: m.role, content: m.content });
        break;
      case 'assistant':
        out.push(
          m.toolCalls && m.toolCalls.length > 0
            ? {
                role: 'assistant',
                content: m.content === '' ? null : m.content,
                tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
              }
            : { role: 'assistant', content: m.content },
        );
        break;
      case 'tool':
        out.push({ role: 'tool', tool_call_id: m.toolCallId, content: m.content });
        break;
    }
  }
  return out;
}

function toolChoice(choice: ProviderRequest['toolChoice']): ChatCompletionToolChoiceOption | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === 'string') return choice;
  return { type: 'function', function: { name: choice.name } };
}

export function toOpenAiParams(request: ProviderRequest): ChatCompletionCreateParamsBase {
  const tools: ChatCompletionTool[] | undefined = request.tools?.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
  return {
    model: request.model,
    messages: toOpenAiMessages(request),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
    ...(tools && tools.length > 0 ? { tools, tool_choice: toolChoice(request.toolChoice) } : {}),
    ...(request.jsonSchema
      ? {
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: request.jsonSchema.name ?? 'response',
              schema: request.jsonSchema.schema,
              strict: request.jsonSchema.strict ?? false,
            },
          },
        }
      : {}),
  };
}

function finishReason(reason: string | null | undefined, hasTools: boolean): ChatFinishReason {
  switch (reason) {
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'content_filter':
      return 'content_filter';
    default:
      return hasTools ? 'tool_calls' : 'stop';
  }
}

function usage(u: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number } | null | undefined): ChatUsage | undefined {
  if (!u) return undefined;
  const inputTokens = u.prompt_tokens ?? 0;
  const outputTokens = u.completion_tokens ?? 0;
  return { inputTokens, outputTokens, totalTokens: u.total_tokens ?? inputTokens + outputTokens };
}

/** OpenAI Chat Completions: OpenAI, Azure OpenAI, Gemini's OpenAI endpoint, Ollama, vLLM, LM Studio, llama.cpp. */
export function createOpenAiAdapter(options: OpenAiAdapterOptions): ProviderAdapter {
  const client = createSdkClient(options);
  return {
    nativeJsonSchema: options.nativeJsonSchema,
    async complete(request, signal): Promise<ChatResponse> {
      const completion = await client.chat.completions.create({ ...toOpenAiParams(request), stream: false }, { signal });
      const choice = completion.choices[0];
      if (!choice) throw Object.assign(new Error('the provider answered without choices'), { name: 'MalformedResponse' });
      const toolCalls: ChatToolCall[] = (choice.message.tool_calls ?? []).flatMap((c) =>
        c.type === 'function' ? [{ id: c.id, name: c.function.name, arguments: c.function.arguments }] : [],
      );
      return {
        content: choice.message.content ?? '',
        toolCalls,
        finishReason: finishReason(choice.finish_reason, toolCalls.length > 0),
        usage: usage(completion.usage),
        model: completion.model,
      };
    },
    async *stream(request, signal): AsyncIterable<ProviderStreamEvent> {
      const stream = await client.chat.completions.create(
        {
          ...toOpenAiParams(request),
          stream: true,
          ...(options.streamUsage ? { stream_options: { include_usage: true } } : {}),
        },
        { signal },
      );
      yield { type: 'open' };
      let reason: string | null | undefined;
      let sawTools = false;
      let lastUsage: ChatUsage | undefined;
      let model: string | undefined;
      for await (const chunk of stream) {
        model = chunk.model || model;
        if (chunk.usage) lastUsage = usage(chunk.usage);
        const choice = chunk.choices[0];
        if (!choice) continue;
        if (choice.delta.content) yield { type: 'content', delta: choice.delta.content };
        for (const tc of choice.delta.tool_calls ?? []) {
          sawTools = true;
          yield {
            type: 'tool_call_delta',
            index: tc.index,
            ...(tc.id ? { id: tc.id } : {}),
            ...(tc.function?.name ? { name: tc.function.name } : {}),
            argumentsDelta: tc.function?.arguments ?? '',
          };
        }
        if (choice.finish_reason) reason = choice.finish_reason;
      }
      if (reason === undefined || reason === null) {
        throw Object.assign(new Error('the stream ended without a finish reason (truncated)'), { name: 'MalformedResponse' });
      }
      yield { type: 'finish', finishReason: finishReason(reason, sawTools), usage: lastUsage, model };
    },
  };
}
