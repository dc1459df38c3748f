/** The one chat interface every LLM connector type implements (OpenAI-compatible, Anthropic, Gemini). */

export interface ChatToolCall {
  id: string;
  name: string;
  /** JSON text, as the model produced it. */
  arguments: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ChatToolCall[] }
  | { role: 'tool'; toolCallId: string; name?: string; content: string };

export interface ChatTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

export interface JsonSchemaOutput {
  name?: string;
  schema: Record<string, unknown>;
  strict?: boolean;
}

export interface ChatTimeouts {
  /** Until the provider answers with headers (streaming). */
  connectMs?: number;
  /** Until the first content or tool delta; a non-streaming call must finish within it. */
  firstTokenMs?: number;
  /** Between two deltas. */
  idleMs?: number;
  totalMs?: number;
}

export interface ChatRequest {
  system?: string;
  messages: ChatMessage[];
  /** Overrides the connector's default model. OpenAI-compatible requests always send one (G6). */
  model?: string;
  temperature?: number;
  maxTokens?: number;
  tools?: ChatTool[];
  toolChoice?: 'auto' | 'none' | 'required' | { name: string };
  /** Structured output: native where the provider has it, else an instruction plus JSON extraction. */
  jsonSchema?: JsonSchemaOutput;
  signal?: AbortSignal;
  timeouts?: ChatTimeouts;
}

export interface ChatUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export type ChatFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export interface ChatResponse {
  content: string;
  toolCalls: ChatToolCall[];
  finishReason: ChatFinishReason;
  usage?: ChatUsage;
  model?: string;
  /** The parsed JSON value when `jsonSchema` was requested (validation is the caller's job). */
  structured?: unknown;
}

export type ChatStreamEvent =
  | { type: 'content'; delta: string }
  | { type: 'tool_call_delta'; index: number; id?: string; name?: string; argumentsDelta: string }
  /** Terminal: everything accumulated. */
  | { type: 'done'; response: ChatResponse };

export interface ChatClient {
  readonly connectorId: string;
  readonly connectorName: string;
  readonly actionTypeId: string;
  readonly defaultModel: string | undefined;
  chatComplete(request: ChatRequest): Promise<ChatResponse>;
  stream(request: ChatRequest): AsyncIterable<ChatStreamEvent>;
}

/** What a provider adapter yields while streaming; `open` marks the response headers. */
export type ProviderStreamEvent =
  | { type: 'open' }
  | { type: 'content'; delta: string }
  | { type: 'tool_call_delta'; index: number; id?: string; name?: string; argumentsDelta: string }
  | { type: 'finish'; finishReason: ChatFinishReason; usage?: ChatUsage; model?: string };

export interface ProviderRequest extends Omit<ChatRequest, 'signal' | 'timeouts' | 'model' | 'jsonSchema'> {
  model: string;
  /** Only set when the adapter declared native JSON-schema support. */
  jsonSchema?: JsonSchemaOutput;
}

/** A provider's wire protocol; retries, timeouts, errors and JSON handling live in the shared client. */
export interface ProviderAdapter {
  readonly nativeJsonSchema: boolean;
  complete(request: ProviderRequest, signal: AbortSignal): Promise<ChatResponse>;
  stream(request: ProviderRequest, signal: AbortSignal): AsyncIterable<ProviderStreamEvent>;
}
