/** Metric aggregations: min, max, sum, avg, stats, value_count, cardinality (exact). */
import { formatDate } from '../dates';
import { illegalArgument } from '../errors';
import { decimalFormat } from './decimal_format';
import type { FieldGroup, TermValue } from '../query';
import { ORD_MULTI, type SearchView } from '../search_view';
import { dateFormatFor, numericValues, requireField, singleNumber, valueSource, type ValueSource } from './field_source';
import { checkKeys, objectBody, strParam } from './params';
import type { AggDefinition, Aggregator, DocBatch } from './types';
import { parseDateValueForAgg } from './values';
import { keyToIp } from '../ip';
import { forEachTermCount, usePostingsCounts } from './postings_counts';

interface MetricParams {
  field: string;
  missing: TermValue | undefined;
  format: string | undefined;
}

const NUMERIC_GROUPS: readonly FieldGroup[] = ['numeric', 'date', 'boolean'];

function parseMetric(type: string, name: string, json: unknown): MetricParams {
  const body = objectBody(type, name, json);
  checkKeys(type, body, ['field', 'missing', 'format', 'script', 'value_type', 'precision_threshold', 'execution_hint']);
  const field = requireField(type, body);
  const missing = body.missing;
  return {
    field,
    missing: typeof missing === 'string' || typeof missing === 'number' || typeof missing === 'boolean' ? missing : undefined,
    format: strParam(type, body, 'format'),
  };
}

/** Kahan-compensated sum, as Elasticsearch's CompensatedSum. */
class CompensatedSum {
  value = 0;
  private delta = 0;
  add(x: number): void {
    if (!Number.isFinite(x)) {
      this.value += x;
      return;
    }
    const corrected = x - this.delta;
    const next = this.value + corrected;
    this.delta = next - this.value - corrected;
    this.value = next;
  }
}

/** Accumulates numeric stats across views; remembers the first mapped source for formatting. */
class NumericStats {
  count = 0;
  min = Infinity;
  max = -Infinity;
  readonly sum = new CompensatedSum();
  source: ValueSource | undefined;

  constructor(
    private readonly type: string,
    private readonly params: MetricParams,
    private readonly now: number,
  ) {}

  collect(view: SearchView, batch: DocBatch): void {
    const src = valueSource(view, this.params.field, this.type, NUMERIC_GROUPS);
    if (src.kind !== 'unmapped' && !this.source) this.source = src;
    const missing = this.missingValue(src);
    for (let i = 0; i < batch.docs.length; i++) {
      const one = singleNumber(src, batch.docs[i]);
      if (one !== undefined) {
        this.add(one);
        continue;
      }
      const values = numericValues(src, batch.docs[i]);
      if (values.length === 0) {
        if (missing !== undefined) this.add(missing);
        continue;
      }
      for (const v of values) this.add(v);
    }
  }

  private missingValue(src: ValueSource): number | undefined {
    const m = this.params.missing;
    if (m === undefined) return undefined;
    if (src.kind !== 'unmapped' && src.group === 'date') return parseDateValueForAgg(src, m, this.now);
    if (typeof m === 'boolean') return m ? 1 : 0;
    return Number(m);
  }

  private add(v: number): void {
    this.count++;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    this.sum.add(v);
  }

  isDate(): boolean {
    return this.source !== undefined && this.source.kind !== 'unmapped' && this.source.group === 'date';
  }

  asString(v: number): string {
    const src = this.source;
    if (!src) return String(v);
    return formatDate(v, dateFormatFor(src, this.params.format));
  }
}

function metricDefinition(type: 'min' | 'max' | 'sum' | 'avg'): AggDefinition {
  return {
    acceptsSubAggs: false,
    parse: (name, body) => parseMetric(type, name, body),
    check: (spec, view) => {
      valueSource(view, (spec.params as MetricParams).field, type, NUMERIC_GROUPS);
    },
    create: (spec, ctx): Aggregator => {
      const stats = new NumericStats(type, spec.params as MetricParams, ctx.now);
      return {
        collect: (view, batch) => stats.collect(view, batch),
        typedKey: () => type,
        build: () => {
          let value: number | null;
          if (type === 'sum') value = stats.sum.value;
          else if (stats.count === 0) value = null;
          else if (type === 'min') value = stats.min;
          else if (type === 'max') value = stats.max;
          else value = stats.sum.value / stats.count;
          const out: Record<string, unknown> = { value };
          if (value !== null && stats.isDate()) out.value_as_string = stats.asString(value);
          else if (value !== null && (spec.params as MetricParams).format !== undefined) {
            out.value_as_string = decimalFormat(value, (spec.params as MetricParams).format ?? '');
          }
          return out;
        },
      };
    },
  };
}

export const minAgg = metricDefinition('min');
export const maxAgg = metricDefinition('max');
export const sumAgg = metricDefinition('sum');
export const avgAgg = metricDefinition('avg');

export const statsAgg: AggDefinition = {
  acceptsSubAggs: false,
  parse: (name, body) => parseMetric('stats', name, body),
  check: (spec, view) => {
    valueSource(view, (spec.params as MetricParams).field, 'stats', NUMERIC_GROUPS);
  },
  create: (spec, ctx): Aggregator => {
    const stats = new NumericStats('stats', spec.params as MetricParams, ctx.now);
    return {
      collect: (view, batch) => stats.collect(view, batch),
      typedKey: () => 'stats',
      build: () => {
        const empty = stats.count === 0;
        const out: Record<string, unknown> = {
          count: stats.count,
          min: empty ? null : stats.min,
          max: empty ? null : stats.max,
          avg: empty ? null : stats.sum.value / stats.count,
          sum: stats.sum.value,
        };
        if (!empty && stats.isDate()) {
          out.min_as_string = stats.asString(stats.min);
          out.max_as_string = stats.asString(stats.max);
          out.avg_as_string = stats.asString(stats.sum.value / stats.count);
          out.sum_as_string = stats.asString(stats.sum.value);
        }
        return out;
      },
    };
  },
};

const ANY_GROUP: readonly FieldGroup[] = ['keyword', 'numeric', 'date', 'boolean', 'ip'];

/** Distinct comparable values of one doc (strings for terms fields, numbers otherwise). */
function docValues(src: ValueSource, doc: number): readonly (string | number)[] {
  if (src.kind === 'numeric') return src.fi.values(doc);
  if (src.kind === 'terms') return src.fi.values(doc);
  return [];
}

export const valueCountAgg: AggDefinition = {
  acceptsSubAggs: false,
  parse: (name, body) => parseMetric('value_count', name, body),
  check: (spec, view) => {
    valueSource(view, (spec.params as MetricParams).field, 'value_count', ANY_GROUP);
  },
  create: (spec): Aggregator => {
    const params = spec.params as MetricParams;
    let count = 0;
    return {
      collect: (view, batch) => {
        const src = valueSource(view, params.field, 'value_count', ANY_GROUP);
        for (let i = 0; i < batch.docs.length; i++) {
          const n = docValues(src, batch.docs[i]).length;
          count += n === 0 && params.missing !== undefined ? 1 : n;
        }
      },
      typedKey: () => 'value_count',
      build: () => ({ value: count }),
    };
  },
};

export const cardinalityAgg: AggDefinition = {
  acceptsSubAggs: false,
  parse: (name, body) => {
    const params = parseMetric('cardinality', name, body);
    const threshold = (body as Record<string, unknown>).precision_threshold;
    if (typeof threshold === 'number' && threshold < 0) {
      throw illegalArgument(`[precisionThreshold] must be greater than or equal to 0. Found [${threshold}] in [${name}]`);
    }
    return params;
  },
  check: (spec, view) => {
    valueSource(view, (spec.params as MetricParams).field, 'cardinality', ANY_GROUP);
  },
  create: (spec, ctx): Aggregator => {
    const params = spec.params as MetricParams;
    const seen = new Set<string | number>();
    return {
      collect: (view, batch) => {
        const src = valueSource(view, params.field, 'cardinality', ANY_GROUP);
        let missing: string | number | undefined;
        if (params.missing !== undefined) missing = normalizeMissing(src, params.missing, ctx.now);
        if (src.kind === 'terms' && missing === undefined && usePostingsCounts(view, batch)) {
          const ip = src.group === 'ip';
          forEachTermCount(view, src.fi, batch, (term) => seen.add(ip ? keyToIp(term) : term));
          return;
        }
        const ords = src.kind === 'terms' ? src.fi.ordinals : undefined;
        if (src.kind === 'terms' && ords !== undefined && missing === undefined && ords.count <= batch.docs.length * 4 + 1024) {
          // Mark each doc's ordinal, then add every marked term once (no per-doc arrays or set lookups).
          const ip = src.group === 'ip';
          const mark = new Uint8Array(ords.count);
          for (let i = 0; i < batch.docs.length; i++) {
            const doc = batch.docs[i];
            const o = ords.ord(doc);
            if (o >= 0) mark[o] = 1;
            else if (o === ORD_MULTI) for (const v of src.fi.values(doc)) seen.add(ip ? keyToIp(v) : v);
          }
          for (let o = 0; o < mark.length; o++) {
            if (mark[o] === 0) continue;
            const term = ords.term(o);
            seen.add(ip ? keyToIp(term) : term);
          }
          return;
        }
        if (src.kind === 'terms' && src.group === 'ip') {
          for (let i = 0; i < batch.docs.length; i++) {
            const vals = src.fi.values(batch.docs[i]);
            if (vals.length === 0 && missing !== undefined) seen.add(missing);
            for (const v of vals) seen.add(keyToIp(v));
          }
          return;
        }
        for (let i = 0; i < batch.docs.length; i++) {
          const vals = docValues(src, batch.docs[i]);
          if (vals.length === 0 && missing !== undefined) seen.add(missing);
          for (const v of vals) seen.add(v);
        }
      },
      typedKey: () => 'cardinality',
      build: () => ({ value: seen.size }),
    };
  },
};

function normalizeMissing(src: ValueSource, m: TermValue, now: number): string | number {
  if (src.kind === 'numeric') {
    if (src.group === 'date') return parseDateValueForAgg(src, m, now);
    return Number(m);
  }
  if (src.kind === 'terms' && src.group === 'boolean') return m === true || m === 'true' ? 'true' : 'false';
  return String(m);
}

