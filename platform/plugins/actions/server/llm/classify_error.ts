import { LlmError, redactSecrets, type ConnectorRef } from './errors';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!isRecord(headers)) return undefined;
  const getter = headers.get;
  if (typeof getter === 'function') {
    const value: unknown = getter.call(headers, name);
    return typeof value === 'string' ? value : undefined;
  }
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(headers: unknown, now = Date.now()): number | undefined {
  const ms = headerOf(headers, 'retry-after-ms');
  if (ms !== undefined && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headerOf(headers, 'retry-after');
  if (value === undefined) return undefined;
  if (Number.isFinite(Number(value))) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The provider's own words: `error.message` of OpenAI/Anthropic/Gemini bodies, else the SDK message. */
function providerText(err: Record<string, unknown>): string {
  const body = err.error;
  if (isRecord(body)) {
    if (typeof body.message === 'string') return body.message;
    if (isRecord(body.error) && typeof body.error.message === 'string') return body.error.message;
  }
  if (Array.isArray(body) && isRecord(body[0]) && isRecord(body[0].error) && typeof body[0].error.message === 'string') {
    return body[0].error.message;
  }
  return typeof err.message === 'string' ? err.message : String(err);
}

const CONTEXT_LENGTH = /context[_ ]length|maximum context|too many tokens|prompt is too long|input is too long|exceeds the (model'?s )?context|token limit/i;
const CONTENT_FILTER = /content[_ ]?filter|content management policy|responsible ?ai|safety/i;
const TOOLS_UNSUPPORTED = /\btools?\b.*(not supported|unsupported|not allowed|unknown|unrecognized|does not support)|(does not support|doesn't support|unsupported).*\btools?\b|tool[_ ]choice/i;

export function isAbortError(err: unknown): boolean {
  return isRecord(err) && (err.name === 'AbortError' || err.name === 'APIUserAbortError' || err.constructor?.name === 'APIUserAbortError');
}

/** Maps anything an SDK or fetch throws to an LlmError with the §8.5 code. */
export function classifyProviderError(err: unknown, connector: ConnectorRef, secrets: readonly string[]): LlmError {
  if (err instanceof LlmError) return err;
  if (!isRecord(err)) return new LlmError(connector, 'llm_bad_response', `unexpected failure: ${redactSecrets(String(err), secrets)}`);
  const status = typeof err.status === 'number' ? err.status : undefined;
  const said = redactSecrets(providerText(err), secrets);
  const extra = { status, providerMessage: said, cause: err };
  if (status === undefined) {
    if (isAbortError(err)) return new LlmError(connector, 'llm_aborted', 'the request was cancelled', extra);
    const causeCode = isRecord(err.cause) && typeof err.cause.code === 'string' ? ` (${err.cause.code})` : '';
    const name = typeof err.name === 'string' ? err.name : '';
    if (/Connection|fetch failed|ECONN|ENOTFOUND|socket|terminated/i.test(`${name} ${said}${causeCode}`)) {
      return new LlmError(connector, 'llm_unavailable', `could not reach the provider: ${said}${causeCode}`, extra);
    }
    if (/JSON|Unexpected token|parse/i.test(said)) {
      return new LlmError(connector, 'llm_bad_response', `the provider sent malformed output: ${said}`, extra);
    }
    return new LlmError(connector, 'llm_bad_response', `request failed: ${said}`, extra);
  }
  const answered = `provider answered ${status}: ${said}`;
  if (status === 429) {
    return new LlmError(connector, 'llm_rate_limited', answered, { ...extra, retryAfterMs: parseRetryAfter(err.headers) });
  }
  if (status === 503 || status === 529) {
    return new LlmError(connector, 'llm_unavailable', answered, { ...extra, retryAfterMs: parseRetryAfter(err.headers) });
  }
  if (status >= 500) return new LlmError(connector, 'llm_bad_response', answered, extra);
  if (status === 401 || status === 403) return new LlmError(connector, 'llm_auth_failed', answered, extra);
  if (CONTEXT_LENGTH.test(said)) return new LlmError(connector, 'llm_context_length_exceeded', answered, extra);
  if (CONTENT_FILTER.test(said)) return new LlmError(connector, 'llm_content_filtered', answered, extra);
  if (TOOLS_UNSUPPORTED.test(said)) return new LlmError(connector, 'llm_tools_unsupported', answered, extra);
  return new LlmError(connector, 'llm_bad_request', answered, extra);
}
