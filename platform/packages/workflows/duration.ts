/** Duration and size literals of workflow YAML (workflow-engine §1.2, §2.2, §5.7). */

/** `timeout`, retry `delay`/`max-delay`, `queue-ttl`: one number and one unit. */
export const DURATION_PATTERN = /^\d+(ms|[smhdw])$/;
/** `wait.duration`: units in descending order, each at most once (must also be non-empty). */
export const WAIT_DURATION_PATTERN = /^(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?(\d+ms)?$/;
/** `max-step-size`. */
export const SIZE_PATTERN = /^\d+(b|kb|mb|gb)$/;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

export const isDuration = (text: string): boolean => DURATION_PATTERN.test(text);
export const isWaitDuration = (text: string): boolean => text.length > 0 && WAIT_DURATION_PATTERN.test(text);
export const isSize = (text: string): boolean => SIZE_PATTERN.test(text);

/**
 * Milliseconds of a duration literal. Accepts the single-unit grammar and the compound wait grammar (`1h30m`);
 * throws `Invalid duration format: <v>` otherwise.
 */
export function parseDuration(text: string): number {
  if (!isWaitDuration(text)) throw new Error(`Invalid duration format: ${text}`);
  let total = 0;
  // The wait grammar is a sequence of <digits><unit>; `ms` must be tried before `m`.
  for (const match of text.matchAll(/(\d+)(ms|[smhdw])/g)) total += Number(match[1]) * UNIT_MS[match[2]];
  return total;
}

/** Bytes of a size literal (`10mb`, 1024-based); throws `Invalid size format: <v>` otherwise. */
export function parseSize(text: string): number {
  const match = SIZE_PATTERN.exec(text);
  if (!match) throw new Error(`Invalid size format: ${text}`);
  return Number(text.slice(0, text.length - match[1].length)) * UNIT_BYTES[match[1]];
}

/** `scheduled` trigger `every`: `<N>s` (N ≥ 60), `<N>m`, `<N>h` or `<N>d`. */
export function isScheduleInterval(text: string): boolean {
  const match = /^(\d+)([smhd])$/.exec(text);
  if (!match) return false;
  const n = Number(match[1]);
  return n > 0 && (match[2] !== 's' || n >= 60);
}
