import type { LlmError } from './errors';

export interface RetryOptions {
  /** For 429/503/529 (§8.5: ≤3). */
  maxRetries: number;
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error is returned instead. */
  maxRetryAfterMs: number;
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, baseDelayMs: 1000, maxRetryAfterMs: 60_000, random: Math.random };

/**
 * §8.5: rate limits and overload get up to `maxRetries` retries with exponential backoff (full jitter) or the
 * provider's Retry-After; other 5xx and malformed output get one retry; everything else none.
 * Returns the delay before the next attempt, or undefined to give up. `attempt` counts from 0.
 */
export function retryDelay(error: LlmError, attempt: number, options: RetryOptions): number | undefined {
  const budget =
    error.code === 'llm_rate_limited' || error.code === 'llm_unavailable'
      ? options.maxRetries
      : error.code === 'llm_bad_response'
        ? Math.min(1, options.maxRetries)
        : 0;
  if (attempt >= budget) return undefined;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= options.maxRetryAfterMs ? error.retryAfterMs : undefined;
  }
  return Math.floor(options.random() * options.baseDelayMs * 2 ** attempt);
}
