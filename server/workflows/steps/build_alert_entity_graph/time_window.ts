import { TIME_WINDOW_PATTERN } from '../../../../common/workflows';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export const DEFAULT_WINDOW_MS = UNIT_MS.h;

export interface ParsedWindow {
  readonly ms: number;
  /** Set when the text was not `<n>s|m|h|d` and the 1h default applies. */
  readonly warning?: string;
}

/** `<n>s|m|h|d` in milliseconds; anything else means 1h with a warning (triage-steps §4.1). */
export function parseTimeWindow(value: string, name: string): ParsedWindow {
  const match = TIME_WINDOW_PATTERN.exec(value);
  if (match === null) {
    return { ms: DEFAULT_WINDOW_MS, warning: `Invalid ${name} "${value}": expected <number><s|m|h|d>; using 1h` };
  }
  return { ms: Number(match[1]) * UNIT_MS[match[2]] };
}

/** An inclusive epoch-millisecond interval. */
export interface TimeSpan {
  readonly from: number;
  readonly to: number;
}

export interface RoundWindows {
  readonly expanded: TimeSpan;
  /** The strip before the searched span, when the expansion reaches beyond it. */
  readonly left?: TimeSpan;
  /** The strip after the searched span, when the expansion reaches beyond it. */
  readonly right?: TimeSpan;
}

/** The expanded window of a round and the slices it adds to the already searched span (triage-steps §4.3). */
export function roundWindows(
  found: { minTs: number; maxTs: number },
  searched: TimeSpan,
  expandWindowMs: number,
): RoundWindows {
  const expanded = { from: found.minTs - expandWindowMs, to: found.maxTs + expandWindowMs };
  return {
    expanded,
    left: expanded.from < searched.from ? { from: expanded.from, to: searched.from } : undefined,
    right: expanded.to > searched.to ? { from: searched.to, to: expanded.to } : undefined,
  };
}

/** The widest slices the round after this one can add: the time-delta searches a driver may fetch ahead. */
export interface LookaheadSlices {
  readonly left: TimeSpan;
  readonly right: TimeSpan;
}

/**
 * Bounds the next round's slices. Alerts found this round lie in the searched span or in this round's slices, so the
 * next expansion reaches at most one `expandWindowMs` beyond `searched ∪ expanded`, and the next searched span is
 * `expanded`: the next left slice lies in `[min(from) − w, expanded.from]`, the right one in
 * `[expanded.to, max(to) + w]`.
 */
export function lookaheadSlices(searched: TimeSpan, expanded: TimeSpan, expandWindowMs: number): LookaheadSlices {
  return {
    left: { from: Math.min(searched.from, expanded.from) - expandWindowMs, to: expanded.from },
    right: { from: expanded.to, to: Math.max(searched.to, expanded.to) + expandWindowMs },
  };
}

export const spanContains = (outer: TimeSpan, inner: TimeSpan): boolean =>
  outer.from <= inner.from && inner.to <= outer.to;

/** Epoch ms of an `@timestamp` value (ISO string, epoch number, or the first of an array); undefined if invalid. */
export function timestampMs(raw: unknown): number | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const trimmed = value.trim();
  const ms = /^-?\d+$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  return Number.isFinite(ms) ? ms : undefined;
}

export const toIso = (ms: number): string => new Date(ms).toISOString();
