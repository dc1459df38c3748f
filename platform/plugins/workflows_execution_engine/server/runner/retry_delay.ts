import type { RetryPolicy } from '../../../../packages/workflows/definition';

/**
 * Delay before retry `k` (1-based) per §1.4: fixed → delay; exponential → min(delay × multiplier^(k-1), max-delay);
 * jitter → uniform in [d/2, d]. `random` is injectable so tests are exact.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retryNumber: number,
  parseDuration: (value: string) => number,
  random: () => number = Math.random,
): number {
  const base = policy.delay !== undefined ? parseDuration(policy.delay) : 0;
  let delay = base;
  if (policy.strategy === 'exponential') {
    const multiplier = policy.multiplier ?? 2;
    delay = base * Math.pow(multiplier, retryNumber - 1);
    if (policy['max-delay'] !== undefined) delay = Math.min(delay, parseDuration(policy['max-delay']));
  } else if (policy['max-delay'] !== undefined) {
    delay = Math.min(delay, parseDuration(policy['max-delay']));
  }
  if (policy.jitter) delay = delay / 2 + random() * (delay / 2);
  return Math.max(0, Math.round(delay));
}
