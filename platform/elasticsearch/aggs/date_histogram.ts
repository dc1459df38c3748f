/**
 * `date_histogram`: calendar (one unit) or fixed intervals, rounded in `time_zone`, shifted by `offset`;
 * keys are UTC ms, `key_as_string` is rendered in the time zone. With min_doc_count 0 (the default) the
 * gaps between the first and last bucket — widened by extended_bounds, capped by hard_bounds — are filled.
 */
import { addDateUnits, formatDate, resolveTimeZone, roundDownToUnit, type DateMathUnit, type ZoneRules } from '../dates';
import { EsError, illegalArgument } from '../errors';
import { isPlainObject, type FieldGroup, type TermValue } from '../query';
import type { SearchView } from '../search_view';
import { dateFormatFor, numericValues, requireField, valueSource, type ValueSource } from './field_source';
import { boolParam, checkKeys, intParam, objectBody, strParam } from './params';
import { AggTree } from './tree';
import { subset, type AggContext, type AggDefinition, type AggSpec, type Aggregator, type DocBatch } from './types';
import { parseDateValueForAgg } from './values';

const MAX_BUCKETS = 65536;
const GROUPS: readonly FieldGroup[] = ['date', 'numeric'];

type Interval = { kind: 'calendar'; unit: DateMathUnit | 'q' } | { kind: 'fixed'; ms: number };

interface Bounds {
  min?: TermValue;
  max?: TermValue;
}

interface DateHistogramParams {
  field: string;
  interval: Interval;
  format: string | undefined;
  timeZone: string | undefined;
  offset: number;
  minDocCount: number;
  extendedBounds: Bounds | undefined;
  hardBounds: Bounds | undefined;
  keyed: boolean;
  missing: TermValue | undefined;
}

const CALENDAR: Record<string, DateMathUnit | 'q'> = {
  '1m': 'm', minute: 'm', '1h': 'h', hour: 'h', '1d': 'd', day: 'd', '1w': 'w', week: 'w', '1M': 'M', month: 'M',
  '1q': 'q', quarter: 'q', '1y': 'y', year: 'y', '1s': 's', second: 's',
};

const FIXED_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function parseFixed(text: string, setting: string): number {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) {
    throw illegalArgument(`failed to parse setting [${setting}] with value [${text}] as a time value: unit is missing or unrecognized`);
  }
  const ms = Number(m[1]) * FIXED_UNITS[m[2]];
  if (ms <= 0) throw illegalArgument(`Zero or negative time interval not supported`);
  return ms;
}

/** `+6h`, `-1d`, `30m` → signed ms. */
function parseOffset(text: string | undefined): number {
  if (text === undefined || text === '') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '');
  return sign * parseFixed(body, 'date_histogram.offset');
}

function parseBounds(type: string, v: unknown): Bounds | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) throw new EsError(400, 'x_content_parse_exception', `[${type}] failed to parse bounds`);
  const scalar = (x: unknown): TermValue | undefined => (typeof x === 'string' || typeof x === 'number' ? x : undefined);
  return { min: scalar(v.min), max: scalar(v.max) };
}

export const dateHistogramAgg: AggDefinition = {
  acceptsSubAggs: true,
  parse(name, json): DateHistogramParams {
    const body = objectBody('date_histogram', name, json);
    checkKeys('date_histogram', body, [
      'field', 'calendar_interval', 'fixed_interval', 'format', 'time_zone', 'offset', 'min_doc_count', 'extended_bounds',
      'hard_bounds', 'keyed', 'missing', 'order', 'script',
    ]);
    const field = requireField('date_histogram', body);
    const cal = strParam('date_histogram', body, 'calendar_interval');
    const fixed = strParam('date_histogram', body, 'fixed_interval');
    let interval: Interval;
    if (cal !== undefined && fixed !== undefined) {
      throw illegalArgument('Cannot use [fixed_interval] with [calendar_interval] configuration option.');
    } else if (cal !== undefined) {
      const unit = CALENDAR[cal];
      if (!unit) throw illegalArgument(`The supplied interval [${cal}] could not be parsed as a calendar interval.`);
      interval = { kind: 'calendar', unit };
    } else if (fixed !== undefined) {
      interval = { kind: 'fixed', ms: parseFixed(fixed, 'date_histogram.fixedInterval') };
    } else {
      throw illegalArgument('Invalid interval specified, must be non-null and non-empty');
    }
    const missing = body.missing;
    return {
      field,
      interval,
      format: strParam('date_histogram', body, 'format'),
      timeZone: strParam('date_histogram', body, 'time_zone'),
      offset: parseOffset(strParam('date_histogram', body, 'offset')),
      minDocCount: intParam('date_histogram', body, 'min_doc_count', 0),
      extendedBounds: parseBounds('date_histogram', body.extended_bounds),
      hardBounds: parseBounds('date_histogram', body.hard_bounds),
      keyed: boolParam('date_histogram', body, 'keyed', false),
      missing: typeof missing === 'string' || typeof missing === 'number' ? missing : undefined,
    };
  },
  check(spec, view) {
    valueSource(view, (spec.params as DateHistogramParams).field, 'date_histogram', GROUPS);
  },
  create(spec, ctx): Aggregator {
    return new DateHistogramAggregator(spec, spec.params as DateHistogramParams, ctx);
  },
};

interface Bucket {
  docCount: number;
  sub: AggTree | undefined;
}

class DateHistogramAggregator implements Aggregator {
  private readonly buckets = new Map<number, Bucket>();
  private source: ValueSource | undefined;
  private readonly zone: ZoneRules;
  private hardMin = -Infinity;
  private hardMax = Infinity;
  private boundsResolved = false;

  constructor(
    private readonly spec: AggSpec,
    private readonly p: DateHistogramParams,
    private readonly ctx: AggContext,
  ) {
    try {
      this.zone = resolveTimeZone(p.timeZone);
    } catch (e) {
      throw illegalArgument(e instanceof Error ? e.message : String(e));
    }
  }

  typedKey(): string {
    return 'date_histogram';
  }

  private readonly slotCache = new Map<number, number>();

  /** Bucket key (UTC ms) of a value. */
  round(v: number): number {
    const shifted = v - this.p.offset;
    return this.roundShifted(shifted) + this.p.offset;
  }

  private offsetAt(utc: number): number {
    const fixed = this.zone.fixedOffset;
    return fixed !== undefined ? fixed : this.zone.offsetAt(utc);
  }

  private roundShifted(shifted: number): number {
    const iv = this.p.interval;
    const fixed = this.zone.fixedOffset;
    if (iv.kind === 'fixed' || iv.unit === 's' || iv.unit === 'm') {
      const ms = iv.kind === 'fixed' ? iv.ms : iv.unit === 's' ? 1000 : 60_000;
      const off = this.offsetAt(shifted);
      let key = Math.floor((shifted + off) / ms) * ms - off;
      // DST edge: keep the key at or below the value
      if (key > shifted) key -= ms;
      return key;
    }
    if (fixed !== undefined) return calendarFloor(shifted + fixed, iv.unit) - fixed;
    // Zone rules change offsets only on quarter-hour boundaries: one computation per 15-minute slot.
    const slot = Math.floor(shifted / 900_000);
    let key = this.slotCache.get(slot);
    if (key === undefined) {
      key = this.roundWithRules(shifted, iv.unit);
      this.slotCache.set(slot, key);
    }
    return key;
  }

  private roundWithRules(shifted: number, unit: DateMathUnit | 'q'): number {
    if (unit !== 'q') return roundDownToUnit(shifted, unit, this.p.timeZone);
    const month = roundDownToUnit(shifted, 'M', this.p.timeZone);
    const year = roundDownToUnit(shifted, 'y', this.p.timeZone);
    let key = year;
    for (let k = 3; k <= 9; k += 3) {
      const start = addDateUnits(year, 'M', k, this.p.timeZone);
      if (start <= month) key = start;
    }
    return key;
  }

  private next(key: number): number {
    const iv = this.p.interval;
    if (iv.kind === 'fixed') return this.round(key + iv.ms);
    const base = key - this.p.offset;
    const step = iv.unit === 'q' ? addDateUnits(base, 'M', 3, this.p.timeZone) : addDateUnits(base, iv.unit, 1, this.p.timeZone);
    return this.round(step + this.p.offset);
  }

  private bucket(key: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { docCount: 0, sub: this.spec.subAggs.length > 0 ? new AggTree(this.spec.subAggs, this.ctx) : undefined };
      this.buckets.set(key, b);
    }
    return b;
  }

  private dateValue(src: ValueSource, v: TermValue): number {
    return parseDateValueForAgg(src, v, this.ctx.now, this.p.format, this.p.timeZone);
  }

  collect(view: SearchView, batch: DocBatch): void {
    const src = valueSource(view, this.p.field, 'date_histogram', GROUPS);
    if (src.kind === 'unmapped') return;
    if (!this.source) this.source = src;
    if (!this.boundsResolved) {
      this.boundsResolved = true;
      if (this.p.hardBounds?.min !== undefined) this.hardMin = this.dateValue(src, this.p.hardBounds.min);
      if (this.p.hardBounds?.max !== undefined) this.hardMax = this.dateValue(src, this.p.hardBounds.max);
    }
    const missing = this.p.missing === undefined ? undefined : this.dateValue(src, this.p.missing);
    const perKey = this.spec.subAggs.length > 0 ? new Map<number, number[]>() : undefined;
    for (let i = 0; i < batch.docs.length; i++) {
      let values = numericValues(src, batch.docs[i]);
      if (values.length === 0 && missing !== undefined) values = [missing];
      let last = NaN;
      for (const v of values) {
        const key = this.round(v);
        // values are sorted, so equal keys are adjacent: a doc counts once per bucket
        if (key === last) continue;
        last = key;
        if (v < this.hardMin || v > this.hardMax) continue;
        this.bucket(key).docCount++;
        if (perKey) {
          const list = perKey.get(key);
          if (list) list.push(i);
          else perKey.set(key, [i]);
        }
      }
    }
    if (perKey) for (const [key, indices] of perKey) this.bucket(key).sub?.collect(view, subset(batch, indices));
  }

  build(typedKeys: boolean): Record<string, unknown> {
    let keys = [...this.buckets.keys()].sort((a, b) => a - b);
    if (this.p.minDocCount === 0) keys = this.filledKeys(keys);
    else keys = keys.filter((k) => (this.buckets.get(k)?.docCount ?? 0) >= this.p.minDocCount);
    const format = this.source ? dateFormatFor(this.source, this.p.format) : this.p.format;
    const render = (key: number): Record<string, unknown> => {
      const b = this.buckets.get(key) ?? this.bucket(key);
      const out: Record<string, unknown> = { key_as_string: formatDate(key, format, this.p.timeZone), key, doc_count: b.docCount };
      if (b.sub) Object.assign(out, b.sub.build(typedKeys));
      return out;
    };
    if (this.p.keyed) {
      const buckets: Record<string, unknown> = {};
      for (const k of keys) {
        const r = render(k);
        buckets[String(r.key_as_string)] = r;
      }
      return { buckets };
    }
    return { buckets: keys.map(render) };
  }

  private filledKeys(keys: number[]): number[] {
    let lo = keys.length > 0 ? keys[0] : undefined;
    let hi = keys.length > 0 ? keys[keys.length - 1] : undefined;
    const eb = this.p.extendedBounds;
    if (eb && this.source) {
      if (eb.min !== undefined) {
        const k = this.round(this.dateValue(this.source, eb.min));
        lo = lo === undefined ? k : Math.min(lo, k);
      }
      if (eb.max !== undefined) {
        const k = this.round(this.dateValue(this.source, eb.max));
        hi = hi === undefined ? k : Math.max(hi, k);
      }
    }
    if (this.hardMin !== -Infinity && lo !== undefined) lo = Math.max(lo, this.round(this.hardMin));
    if (this.hardMax !== Infinity && hi !== undefined) hi = Math.min(hi, this.round(this.hardMax));
    if (lo === undefined || hi === undefined) return keys;
    const out: number[] = [];
    for (let k = lo; k <= hi; k = this.next(k)) {
      out.push(k);
      if (out.length > MAX_BUCKETS) {
        throw new EsError(400, 'too_many_buckets_exception', `Trying to create too many buckets. Must be less than or equal to: [${MAX_BUCKETS}] but this number of buckets was exceeded. This limit can be set by changing the [search.max_buckets] cluster level setting.`, { max_buckets: MAX_BUCKETS });
      }
    }
    return out;
  }
}

const DAY = 86_400_000;

/** Start of the calendar unit containing a local-time instant (local ms on a UTC time line). */
function calendarFloor(local: number, unit: DateMathUnit | 'q'): number {
  switch (unit) {
    case 'h':
    case 'H':
      return Math.floor(local / 3_600_000) * 3_600_000;
    case 'd':
      return Math.floor(local / DAY) * DAY;
    case 'w': {
      const days = Math.floor(local / DAY);
      // 1970-01-01 was a Thursday; ISO weeks start on Monday
      const dow = (((days + 3) % 7) + 7) % 7;
      return (days - dow) * DAY;
    }
    default: {
      const d = new Date(local);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth();
      if (unit === 'M') return Date.UTC(y, m, 1);
      if (unit === 'q') return Date.UTC(y, m - (m % 3), 1);
      if (unit === 'y') return Date.UTC(y, 0, 1);
      return Math.floor(local / 1000) * 1000;
    }
  }
}
