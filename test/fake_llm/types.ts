/** Public types of the scripted fake LLM server (OpenAI-compatible, plus Anthropic Messages). */

export interface FakeToolCall {
  /** Defaults to `call_<n>` (OpenAI) or `toolu_<n>` (Anthropic). */
  id?: string;
  name: string;
  /** A JSON string, or an object that is serialised. */
  arguments: string | Record<string, unknown>;
}

export interface FakeError {
  status: number;
  /** Response body; an object is sent as JSON, a string verbatim. Defaults to a provider-shaped error. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** One scripted answer. Everything is optional; the empty reply answers "" with finish_reason stop. */
export interface FakeReply {
  content?: string;
  /** Structured answer: sent as the JSON text of this value (for response_format json_schema requests). */
  json?: unknown;
  toolCalls?: FakeToolCall[];
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  usage?: { promptTokens?: number; completionTokens?: number };
  model?: string;
  /** Explicit content chunking for streams; otherwise `chunkSize` characters per delta (default 8). */
  chunks?: string[];
  chunkSize?: number;
  /** Characters per tool-call `arguments` delta in streams (default 10). */
  argumentsChunkSize?: number;
  delayBeforeFirstByteMs?: number;
  delayBetweenChunksMs?: number;
  error?: FakeError;
  /** Non-streaming: a body that is not JSON. Streaming: one `data:` line that is not JSON after the first delta. */
  malformed?: boolean;
  /** Streaming: the connection is cut after this many content deltas, without finish_reason or [DONE]. */
  truncateAfterChunks?: number;
  /** Never answer: the request stays open until the client goes away or the server closes. */
  hang?: boolean;
}

export type ApiFlavor = 'openai' | 'anthropic';

export interface RecordedRequest {
  /** 0-based arrival order. */
  seq: number;
  method: string;
  path: string;
  flavor: ApiFlavor | 'other';
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  body: unknown;
  stream: boolean;
  receivedAt: number;
  /** Set when the client closed the connection before the reply finished. */
  aborted: boolean;
}

export type FakeHandler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

export interface FakeLlm {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `<url>/v1`: the OpenAI-compatible base URL. */
  baseUrl: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Chat/messages requests only (what a model would see). */
  chatRequests(): RecordedRequest[];
  /** Queue replies, consumed in order by chat requests. */
  enqueue(...replies: Array<FakeReply | FakeHandler>): void;
  /** Used when the queue is empty; without one, an unscripted request gets 500 "no scripted reply". */
  setHandler(handler: FakeHandler | undefined): void;
  /** Models listed by GET /v1/models. */
  setModels(ids: string[]): void;
  /** Clears the queue, the handler and the request log. */
  reset(): void;
  /** Resolves once at least `count` chat requests arrived. */
  waitForChatRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}
