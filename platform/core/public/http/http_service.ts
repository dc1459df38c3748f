/**
 * Browser `core.http`, shaped like Kibana's: `fetch(path, options)` plus verb shortcuts. It prefixes the
 * base path and space, sends `kbn-xsrf` (every non-GET route needs it), `elastic-api-version` for
 * versioned routes, JSON-encodes object bodies, parses JSON replies and rejects with `HttpFetchError`.
 */
import type { IBasePath } from './base_path';
import { HttpFetchError, type HttpErrorBody } from './http_fetch_error';

export type HttpQuery = Record<string, string | number | boolean | ReadonlyArray<string | number | boolean> | undefined | null>;

export interface HttpFetchOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  query?: HttpQuery;
  /** A string is sent as is (Kibana style); an object is JSON-encoded. */
  body?: string | Record<string, unknown> | unknown[] | null;
  headers?: Record<string, string>;
  /** Sets `elastic-api-version` for versioned routes. */
  version?: string;
  signal?: AbortSignal;
  /** Default true: prefix the base path and space. */
  prependBasePath?: boolean;
  /** Resolve with `{ response, body }` instead of the body. */
  asResponse?: boolean;
}

export interface HttpResponse<T> {
  response: { status: number; statusText: string; headers: Headers };
  body: T;
}

type Verb = <T = unknown>(path: string, options?: Omit<HttpFetchOptions, 'method'>) => Promise<T>;

export interface HttpSetup {
  basePath: IBasePath;
  fetch<T = unknown>(path: string, options: HttpFetchOptions & { asResponse: true }): Promise<HttpResponse<T>>;
  fetch<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  get: Verb;
  post: Verb;
  put: Verb;
  patch: Verb;
  delete: Verb;
}
export type HttpStart = HttpSetup;

export interface HttpServiceDeps {
  basePath: IBasePath;
  fetchImpl?: typeof fetch;
  /** Called on a 401 (session expired): the shell sends the user to the login page. */
  onUnauthorized?: () => void;
}

export function buildQueryString(query: HttpQuery | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export function createHttpService(deps: HttpServiceDeps): HttpSetup {
  const fetchImpl = deps.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));

  async function doFetch(path: string, options: HttpFetchOptions = {}): Promise<unknown> {
    const method = options.method ?? 'GET';
    const url = `${options.prependBasePath === false ? path : deps.basePath.prepend(path)}${buildQueryString(options.query)}`;
    const headers: Record<string, string> = { 'kbn-xsrf': 'kibana', ...(options.headers ?? {}) };
    if (options.version) headers['elastic-api-version'] = options.version;
    let body: string | undefined;
    if (options.body !== undefined && options.body !== null) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    let response: Response;
    try {
      response = await fetchImpl(url, { method, headers, body, signal: options.signal, credentials: 'same-origin' });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new HttpFetchError(`Request to ${method} ${url} failed: ${(error as Error).message}`, { url, method }, undefined, undefined);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const text = method === 'HEAD' || response.status === 204 ? '' : await response.text();
    let parsed: unknown = text;
    if (contentType.includes('json') && text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!response.ok) {
      if (response.status === 401) deps.onUnauthorized?.();
      const errorBody = typeof parsed === 'object' && parsed !== null ? (parsed as HttpErrorBody) : undefined;
      const message = errorBody?.message ?? (typeof parsed === 'string' && parsed ? parsed : response.statusText || `HTTP ${response.status}`);
      throw new HttpFetchError(message, { url, method }, { status: response.status, statusText: response.statusText }, errorBody ?? (typeof parsed === 'string' ? parsed : undefined));
    }
    if (options.asResponse) {
      return { response: { status: response.status, statusText: response.statusText, headers: response.headers }, body: parsed };
    }
    return parsed;
  }

  const verb =
    (method: NonNullable<HttpFetchOptions['method']>): Verb =>
    <T,>(path: string, options?: Omit<HttpFetchOptions, 'method'>) =>
      doFetch(path, { ...options, method }) as Promise<T>;

  return {
    basePath: deps.basePath,
    fetch: doFetch as HttpSetup['fetch'],
    get: verb('GET'),
    post: verb('POST'),
    put: verb('PUT'),
    patch: verb('PATCH'),
    delete: verb('DELETE'),
  };
}
