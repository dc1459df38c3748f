import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, fieldsToLocalMs } from './calendar';

/** A time zone: a fixed offset or IANA rules (through Intl), as Java's ZoneId. */
export interface ZoneRules {
  /** The id as given (normalized for offsets: `Z`, `+01:00`). */
  readonly id: string;
  readonly fixedOffset: number | undefined;
  /** Offset from UTC in ms at an instant. */
  offsetAt(utcMs: number): number;
}

export class TimeZoneError extends Error {
  constructor(zone: string) {
    super(`Unknown time-zone ID: ${zone}`);
    this.name = 'TimeZoneError';
  }
}

function fixedZone(offsetMs: number): ZoneRules {
  return { id: formatOffsetId(offsetMs), fixedOffset: offsetMs, offsetAt: () => offsetMs };
}

export const UTC: ZoneRules = fixedZone(0);

/** `Z` for zero, else `+HH:MM` (or `+HH:MM:SS`), like Java's ZoneOffset id. */
export function formatOffsetId(offsetMs: number): string {
  if (offsetMs === 0) return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMs / 1000));
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  const base = `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return s === 0 ? base : `${base}:${String(s).padStart(2, '0')}`;
}

/** Java ZoneOffset.of forms: ±H, ±HH, ±HH:MM, ±HHMM, ±HH:MM:SS, ±HHMMSS. */
export function parseOffset(text: string): number | undefined {
  const m = /^([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?$/.exec(text);
  if (m === null) return undefined;
  if (m[2].length === 1 && m[3] !== undefined) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  const seconds = Number(m[4] ?? '0');
  if (hours > 18 || minutes > 59 || seconds > 59) return undefined;
  const total = (hours * 3600 + minutes * 60 + seconds) * 1000;
  if (total > 18 * MS_PER_HOUR) return undefined;
  return m[1] === '-' ? -total : total;
}

const OFFSET_CACHE_LIMIT = 50_000;

function ianaZone(id: string): ZoneRules {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new TimeZoneError(id);
  }
  // Offsets change at most at minute boundaries in practice; caching per minute keeps bulk rounding cheap.
  const cache = new Map<number, number>();
  const compute = (utcMs: number): number => {
    const seconds = Math.floor(utcMs / 1000) * 1000;
    const parts: Record<string, string> = {};
    for (const part of formatter.formatToParts(new Date(seconds))) parts[part.type] = part.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
    const localMs = fieldsToLocalMs({
      year,
      month: Number(parts.month),
      day: Number(parts.day),
      hour: Number(parts.hour),
      minute: Number(parts.minute),
      second: Number(parts.second),
      millisecond: 0,
    });
    return localMs - seconds;
  };
  return {
    id: formatter.resolvedOptions().timeZone,
    fixedOffset: undefined,
    offsetAt(utcMs: number): number {
      const key = Math.floor(utcMs / MS_PER_MINUTE);
      let offset = cache.get(key);
      if (offset === undefined) {
        offset = compute(utcMs);
        if (cache.size >= OFFSET_CACHE_LIMIT) cache.clear();
        cache.set(key, offset);
      }
      return offset;
    },
  };
}

const zoneCache = new Map<string, ZoneRules>();

/** Resolves a `time_zone` parameter: offsets (`+01:00`, `-0500`), `Z`/`UTC`/`GMT`, or IANA names. */
export function resolveTimeZone(zone: string | undefined): ZoneRules {
  if (zone === undefined || zone === '') return UTC;
  const cached = zoneCache.get(zone);
  if (cached !== undefined) return cached;
  let rules: ZoneRules;
  const upper = zone.toUpperCase();
  if (upper === 'Z' || upper === 'UTC' || upper === 'GMT' || upper === 'UT') {
    rules = upper === 'Z' ? UTC : { ...UTC, id: zone };
  } else if (zone.startsWith('+') || zone.startsWith('-')) {
    const offset = parseOffset(zone);
    if (offset === undefined) throw new TimeZoneError(zone);
    rules = fixedZone(offset);
  } else {
    const prefixed = /^(UTC|GMT|UT)([+-].*)$/i.exec(zone);
    if (prefixed !== null) {
      const offset = parseOffset(prefixed[2]);
      if (offset === undefined) throw new TimeZoneError(zone);
      rules = { ...fixedZone(offset), id: zone };
    } else {
      rules = ianaZone(zone);
    }
  }
  zoneCache.set(zone, rules);
  return rules;
}

/**
 * Local wall-clock ms -> UTC instant, as Java's ZonedDateTime.ofLocal: in an overlap the preferred
 * offset (or else the earlier one) wins; in a gap the time moves forward by the gap's length.
 */
export function localToUtc(localMs: number, zone: ZoneRules, preferredOffset?: number): number {
  if (zone.fixedOffset !== undefined) return localMs - zone.fixedOffset;
  const before = zone.offsetAt(localMs - MS_PER_DAY);
  const after = zone.offsetAt(localMs + MS_PER_DAY);
  const validBefore = zone.offsetAt(localMs - before) === before;
  const validAfter = zone.offsetAt(localMs - after) === after;
  if (validBefore && validAfter && before !== after) {
    return preferredOffset === after ? localMs - after : localMs - before;
  }
  if (validBefore) return localMs - before;
  if (validAfter) return localMs - after;
  // Gap: shift later by the gap, i.e. interpret with the offset in force before it.
  return localMs - before;
}

export function utcToLocal(utcMs: number, zone: ZoneRules): { localMs: number; offset: number } {
  const offset = zone.offsetAt(utcMs);
  return { localMs: utcMs + offset, offset };
}
