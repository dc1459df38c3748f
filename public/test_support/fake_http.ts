/** Test-only: a scripted fetch at the HTTP boundary (routes by method + path), with streamed NDJSON bodies. */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { QueryClient } from '@tanstack/react-query';
import { createBasePath, createHttpService } from '../../platform/core/public';
import { createAssistantApi, type FetchLike } from '../api';
import { AssistantService } from '../assistant/service';

// jsdom lacks the encoding API the NDJSON decoder uses.
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder, TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });

export interface FakeResponse {
  status?: number;
  json?: unknown;
  /** NDJSON body delivered in these raw text chunks (one read() each). */
  chunks?: string[];
}

export type Route = (req: { method: string; path: string; query: URLSearchParams; body: unknown }) => FakeResponse | undefined;

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
}

function makeResponse(r: FakeResponse) {
  const status = r.status ?? 200;
  const encoder = new NodeTextEncoder();
  const text = r.chunks ? r.chunks.join('') : r.json === undefined ? '' : JSON.stringify(r.json);
  const chunks = r.chunks ?? [text];
  let i = 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? (r.chunks ? 'application/x-ndjson' : 'application/json') : null) },
    text: async () => text,
    body: {
      getReader: () => ({
        read: async () => {
          // Yield to the event loop between chunks, like a network would.
          await new Promise((resolve) => setTimeout(resolve, 0));
          return i < chunks.length ? { done: false, value: encoder.encode(chunks[i++]) } : { done: true, value: undefined };
        },
        cancel: async () => undefined,
      }),
    },
  };
}

export function createFakeBackend(routes: Route[]) {
  const calls: RecordedCall[] = [];
  const fetchImpl = async (input: string, init?: { method?: string; body?: unknown }) => {
    const url = new URL(input, 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' && init.body ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, path: url.pathname, body });
    for (const route of routes) {
      const res = route({ method, path: url.pathname, query: url.searchParams, body });
      if (res) return makeResponse(res);
    }
    return makeResponse({ status: 404, json: { statusCode: 404, error: 'Not Found', message: `no fake route for ${method} ${url.pathname}` } });
  };
  const basePath = createBasePath('', 'default');
  const http = createHttpService({ basePath, fetchImpl: fetchImpl as unknown as typeof fetch });
  const api = createAssistantApi(http);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const service = new AssistantService({
    api,
    queryClient,
    stream: { basePath, fetchImpl: fetchImpl as unknown as FetchLike },
    spaceId: 'default',
    ownerKey: 'elastic',
    localStorage: window.localStorage,
    sessionStorage: window.sessionStorage,
  });
  return { calls, http, api, queryClient, service, spaceId: 'default' };
}

export const json = (status: number, body: unknown): FakeResponse => ({ status, json: body });
export const ndjson = (events: unknown[], split: (line: string) => string[] = (l) => [l]): FakeResponse => ({
  chunks: events.flatMap((e) => split(`${JSON.stringify(e)}\n`)),
});
