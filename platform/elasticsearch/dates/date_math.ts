import { type LocalFields, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, addMonths, fieldsToLocalMs, isoDayOfWeek, localMsToFields } from './calendar';
import { DEFAULT_DATE_FORMAT, parseDateWith } from './formats';
import { type ZoneRules, localToUtc, resolveTimeZone } from './time_zone';

export class DateMathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DateMathError';
  }
}

export type DateMathUnit = 'y' | 'M' | 'w' | 'd' | 'h' | 'H' | 'm' | 's';
const UNITS = new Set<string>(['y', 'M', 'w', 'd', 'h', 'H', 'm', 's']);

export interface DateMathOptions {
  /** Epoch ms of `now`, fixed per request. */
  now: number;
  format?: string;
  timeZone?: string;
  /** Round up (for `lte` and `gt`): `/d` gives the last ms of the day, missing time fields are maxed. */
  roundUp?: boolean;
}

/** A ZonedDateTime-like value: an instant plus the zone its local fields are read in. */
class ZonedTime {
  constructor(
    readonly utcMs: number,
    readonly zone: ZoneRules,
  ) {}

  get offset(): number {
    return this.zone.offsetAt(this.utcMs);
  }

  local(): LocalFields {
    return localMsToFields(this.utcMs + this.offset);
  }

  /** Local-time-line change (years, months, days, truncation), resolved preferring the current offset. */
  withLocal(fields: LocalFields): ZonedTime {
    return new ZonedTime(localToUtc(fieldsToLocalMs(fields), this.zone, this.offset), this.zone);
  }

  plusInstant(ms: number): ZonedTime {
    return new ZonedTime(this.utcMs + ms, this.zone);
  }
}

/** Adds `amount` units: calendar units on the local time line, clock units on the instant time line (java.time). */
export function addUnits(time: ZonedTime, unit: DateMathUnit, amount: number): ZonedTime {
  const f = time.local();
  switch (unit) {
    case 'y':
      return time.withLocal(addMonths(f, amount * 12));
    case 'M':
      return time.withLocal(addMonths(f, amount));
    case 'w':
      return time.withLocal(localMsToFields(fieldsToLocalMs(f) + amount * 7 * MS_PER_DAY));
    case 'd':
      return time.withLocal(localMsToFields(fieldsToLocalMs(f) + amount * MS_PER_DAY));
    case 'h':
    case 'H':
      return time.plusInstant(amount * MS_PER_HOUR);
    case 'm':
      return time.plusInstant(amount * MS_PER_MINUTE);
    case 's':
      return time.plusInstant(amount * MS_PER_SECOND);
  }
}

/** Truncates to the start of the unit in the zone (weeks start on Monday). */
export function truncateToUnit(time: ZonedTime, unit: DateMathUnit): ZonedTime {
  const f = time.local();
  const midnight = { ...f, hour: 0, minute: 0, second: 0, millisecond: 0 };
  switch (unit) {
    case 'y':
      return time.withLocal({ ...midnight, month: 1, day: 1 });
    case 'M':
      return time.withLocal({ ...midnight, day: 1 });
    case 'w': {
      const back = isoDayOfWeek(fieldsToLocalMs(midnight)) - 1;
      return time.withLocal(localMsToFields(fieldsToLocalMs(midnight) - back * MS_PER_DAY));
    }
    case 'd':
      return time.withLocal(midnight);
    case 'h':
    case 'H':
      return time.withLocal({ ...f, minute: 0, second: 0, millisecond: 0 });
    case 'm':
      return time.withLocal({ ...f, second: 0, millisecond: 0 });
    case 's':
      return time.withLocal({ ...f, millisecond: 0 });
  }
}

/** Applies `+1d`, `-30m`, `/w`... (Elasticsearch's JavaDateMathParser.parseMath). */
function applyMath(start: ZonedTime, math: string, roundUp: boolean): ZonedTime {
  let time = start;
  let i = 0;
  while (i < math.length) {
    const op = math[i++];
    const round = op === '/';
    if (!round && op !== '+' && op !== '-') throw new DateMathError(`operator not supported for date math [${math}]`);
    if (i >= math.length) throw new DateMathError(`truncated date math [${math}]`);
    let amount = 1;
    if (/[0-9]/.test(math[i])) {
      const from = i;
      while (i < math.length && /[0-9]/.test(math[i])) i++;
      if (i >= math.length) throw new DateMathError(`truncated date math [${math}]`);
      amount = Number(math.slice(from, i));
    }
    if (round && amount !== 1) throw new DateMathError(`rounding \`/\` can only be used on single unit types [${math}]`);
    const unit = math[i++];
    if (!UNITS.has(unit)) throw new DateMathError(`unit [${unit}] not supported for date math [${math}]`);
    const u = unit as DateMathUnit;
    if (round) {
      time = truncateToUnit(time, u);
      if (roundUp) time = addUnits(time, u, 1).plusInstant(-1);
    } else {
      time = addUnits(time, u, op === '-' ? -amount : amount);
    }
  }
  return time;
}

/**
 * Resolves a date or date-math expression (`now-24h`, `2026-01-01||+1M/d`, `2026-01-01`) to epoch ms.
 * Math and rounding use `timeZone` (default UTC), not the offset written in the date.
 */
export function resolveDateMath(expr: string | number, options: DateMathOptions): number {
  const zone = resolveTimeZone(options.timeZone);
  const format = options.format ?? DEFAULT_DATE_FORMAT;
  const roundUp = options.roundUp === true;
  const text = typeof expr === 'number' ? String(expr) : expr;
  let base: number;
  let math: string;
  if (text.startsWith('now')) {
    base = options.now;
    math = text.slice(3);
  } else {
    const separator = text.indexOf('||');
    if (separator < 0) return parseDateWith(expr, format, zone, roundUp);
    base = parseDateWith(text.slice(0, separator), format, zone, false);
    math = text.slice(separator + 2);
  }
  if (math === '') return base;
  return applyMath(new ZonedTime(base, zone), math, roundUp).utcMs;
}

/** Start of the calendar unit containing `epochMillis` in the zone (for callers that bucket by unit). */
export function roundDownToUnit(epochMillis: number, unit: DateMathUnit, timeZone?: string): number {
  const zone = resolveTimeZone(timeZone);
  const fixedUnit = FIXED_UNIT_MS[unit];
  if (zone.fixedOffset !== undefined && fixedUnit !== undefined) {
    // Fixed offsets have no transitions: plain arithmetic on local time (aggregations call this per value).
    const local = epochMillis + zone.fixedOffset;
    let start = Math.floor(local / fixedUnit) * fixedUnit;
    if (unit === 'w') start -= (isoDayOfWeek(start) - 1) * MS_PER_DAY;
    return start - zone.fixedOffset;
  }
  return truncateToUnit(new ZonedTime(epochMillis, zone), unit).utcMs;
}

const FIXED_UNIT_MS: Partial<Record<DateMathUnit, number>> = {
  s: MS_PER_SECOND,
  m: MS_PER_MINUTE,
  h: MS_PER_HOUR,
  H: MS_PER_HOUR,
  d: MS_PER_DAY,
  w: MS_PER_DAY,
};

/** `epochMillis` plus `amount` units in the zone (calendar-aware for y/M/w/d). */
export function addDateUnits(epochMillis: number, unit: DateMathUnit, amount: number, timeZone?: string): number {
  return addUnits(new ZonedTime(epochMillis, resolveTimeZone(timeZone)), unit, amount).utcMs;
}
