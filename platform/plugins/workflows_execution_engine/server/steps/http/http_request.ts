import {
  HttpHostNotAllowedError,
  HttpNetworkError,
  HttpRequestCancelledError,
  HttpRequestError,
  StepError,
  TimeoutError,
  TooManyRedirectsError,
} from '../errors';
import { isHostAllowed } from './allowed_hosts';
import { SENSITIVE_HEADERS } from './redact';

export const MAX_REDIRECTS = 5;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpStepRequest {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  /** An object is sent as JSON, a string as is. */
  body?: unknown;
  allowedHosts: readonly string[];
  /** Cancels the request (the run was cancelled or the step timed out). */
  signal: AbortSignal;
  /** The request's own deadline; undefined leaves it to `signal`. */
  timeoutMs?: number;
}

export interface HttpStepResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  data: unknown;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function checkAllowed(url: URL, allowedHosts: readonly string[]): void {
  if (!isHostAllowed(allowedHosts, url.hostname, url.host)) throw new HttpHostNotAllowedError(url.hostname, url.href, allowedHosts);
}

function encodeBody(body: unknown, headers: Record<string, string>): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  return JSON.stringify(body);
}

const isJsonContentType = (contentType: string | null) => contentType !== null && /[/+]json\b/i.test(contentType);

async function readData(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!isJsonContentType(response.headers.get('content-type')) || text.trim() === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A server that labels text as JSON still gets its answer through, as text.
    return text;
  }
}

const headersObject = (headers: Headers): Record<string, string> => Object.fromEntries(headers.entries());

/**
 * The system error behind a fetch failure (`ECONNREFUSED`, `ENOTFOUND`…): fetch wraps it in `cause` (and in
 * `errors` for multi-address hosts). Duck-typed: the errors come from another realm under test runners.
 */
export function networkErrorCause(error: unknown): { code?: string; message: string } {
  let current: unknown = error;
  let message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, errors, cause, message: text } = current as { code?: unknown; errors?: unknown; cause?: unknown; message?: unknown };
    if (typeof text === 'string' && text !== '') message = text;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return { code, message };
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = cause;
  }
  return { message };
}

/**
 * One `http` step request: allow-list checked for the URL and each redirect hop (followed by hand, at most 5),
 * JSON bodies and answers, and every failure mapped to its step error type.
 */
export async function performHttpRequest(request: HttpStepRequest): Promise<HttpStepResponse> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new StepError('InvalidUrlError', `Invalid URL: ${request.url}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StepError('InvalidUrlError', `Only http and https URLs are supported: ${request.url}`);
  }
  checkAllowed(url, request.allowedHosts);

  const timeoutController = new AbortController();
  const timer =
    request.timeoutMs === undefined ? undefined : setTimeout(() => timeoutController.abort(new Error('timeout')), request.timeoutMs);
  const signal = AbortSignal.any([request.signal, timeoutController.signal]);

  let method: HttpMethod = request.method;
  const headers: Record<string, string> = { ...request.headers };
  let body = method === 'GET' ? undefined : encodeBody(request.body, headers);
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await fetch(url, { method, headers, body, redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (REDIRECT_STATUSES.has(response.status) && location) {
        await response.body?.cancel();
        if (redirects >= MAX_REDIRECTS) throw new TooManyRedirectsError(request.url, MAX_REDIRECTS);
        const next = new URL(location, url);
        checkAllowed(next, request.allowedHosts);
        if (next.origin !== url.origin) {
          // Credentials were meant for the first origin only.
          for (const name of Object.keys(headers)) if (SENSITIVE_HEADERS.has(name.toLowerCase())) delete headers[name];
        }
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
        }
        url = next;
        continue;
      }
      const result: HttpStepResponse = {
        status: response.status,
        statusText: response.statusText,
        headers: headersObject(response.headers),
        data: await readData(response),
      };
      if (response.status < 200 || response.status >= 300) throw new HttpRequestError(method, url.href, result);
      return result;
    }
  } catch (error) {
    if (error instanceof StepError) throw error;
    if (request.signal.aborted) throw new HttpRequestCancelledError(method, url.href);
    if (timeoutController.signal.aborted) {
      throw new TimeoutError(`${method} ${url.href} did not finish within ${request.timeoutMs} ms`, { timeoutMs: request.timeoutMs });
    }
    const { code, message: detail } = networkErrorCause(error);
    if (code) throw new HttpNetworkError(code, `${method} ${url.href} failed: ${detail}`, url.href, error);
    throw new StepError('HttpNetworkError', `${method} ${url.href} failed: ${detail}`, { url: url.href }, { cause: error });
  } finally {
    if (timer) clearTimeout(timer);
  }
}
