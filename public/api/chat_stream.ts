/**
 * H1 over a raw fetch: core.http.fetch buffers whole bodies, the chat needs the NDJSON lines as they arrive.
 * Errors before the first line are plain JSON errors (§3.6) and reject with a ChatRequestError.
 */
import type { IBasePath } from '../../platform/core/public';
import { createChatEventDecoder } from '../../common/chat';
import { ASSISTANT_ROUTES, PUBLIC_API_VERSION } from './routes';
import type { ChatCompleteRequest, ChatStreamEvent } from './types';

/** The part of a fetch Response body the reader needs (a WHATWG ReadableStream satisfies it). */
export interface ByteStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void> };
}

export class ChatRequestError extends Error {
  override readonly name = 'ChatRequestError';
  constructor(
    message: string,
    /** Undefined for a network failure. */
    readonly status: number | undefined,
    readonly code?: string,
    readonly missingPrivileges?: string[],
  ) {
    super(message);
  }
}

export type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal; credentials: 'same-origin' }) => Promise<{
  ok: boolean;
  status: number;
  statusText: string;
  body: ByteStream | null;
  text(): Promise<string>;
}>;

export interface ChatStreamDeps {
  basePath: IBasePath;
  fetchImpl?: FetchLike;
}

export async function* streamChatComplete(deps: ChatStreamDeps, request: ChatCompleteRequest, signal?: AbortSignal): AsyncGenerator<ChatStreamEvent> {
  const fetchImpl: FetchLike = deps.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await fetchImpl(deps.basePath.prepend(ASSISTANT_ROUTES.chatComplete), {
      method: 'POST',
      headers: { 'kbn-xsrf': 'kibana', 'content-type': 'application/json', 'elastic-api-version': PUBLIC_API_VERSION, accept: 'application/x-ndjson' },
      body: JSON.stringify({ stream: true, ...request }),
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ChatRequestError(`Could not reach the server: ${(error as Error).message}`, undefined);
  }
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => '');
    let parsed: { message?: string; attributes?: { code?: string; missingPrivileges?: string[] } } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      parsed = { message: text };
    }
    throw new ChatRequestError(
      parsed.message || response.statusText || `HTTP ${response.status}`,
      response.status,
      parsed.attributes?.code,
      parsed.attributes?.missingPrivileges,
    );
  }
  // Every line is checked against the shared §3.6 event schemas (common/api/chat).
  const decoder = createChatEventDecoder();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) yield* decoder.push(value);
    }
    yield* decoder.flush();
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
