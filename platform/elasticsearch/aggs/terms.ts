/**
 * `terms` aggregation: one bucket per distinct value (counted once per value per document), ordered by
 * `_count` desc with ties by key asc, `_key`, or a sub-aggregation metric.
 */
import { formatDate, resolveDateMath } from '../dates';
import { EsError, unsupported } from '../errors';
import { ipToKey, keyToIp } from '../ip';
import { longPartition, stringPartition } from './partitions';
import { decimalFormat } from './decimal_format';
import { isPlainObject, type FieldGroup, type TermValue } from '../query';
import { ORD_MULTI, type SearchView, type TermOrdinals } from '../search_view';
import { dateFormatFor, requireField, valueSource, type ValueSource } from './field_source';
import { boolParam, checkKeys, intParam, objectBody, strParam } from './params';
import { AggTree } from './tree';
import { subset, type AggDefinition, type AggSpec, type Aggregator, type DocBatch } from './types';
import { forEachTermCount, usePostingsCounts } from './postings_counts';

type Key = string | number;
type KeyType = 'string' | 'ip' | 'long' | 'double' | 'date' | 'boolean';

interface OrderItem {
  /** `_count`, `_key` or a sub-aggregation path (`agg` / `agg.metric`). */
  by: string;
  asc: boolean;
}

interface TermsParams {
  field: string;
  size: number;
  minDocCount: number;
  missing: TermValue | undefined;
  order: OrderItem[];
  include: KeyFilter | undefined;
  exclude: KeyFilter | undefined;
  format: string | undefined;
  valueType: KeyType | undefined;
}

type KeyFilter =
  | { regex: RegExp }
  | { values: readonly TermValue[] }
  | { partition: number; numPartitions: number };

const GROUPS: readonly FieldGroup[] = ['keyword', 'numeric', 'date', 'boolean', 'ip'];

function parseOrder(v: unknown): OrderItem[] {
  if (v === undefined || v === null) return [{ by: '_count', asc: false }];
  const items = Array.isArray(v) ? v : [v];
  return items.map((item) => {
    if (!isPlainObject(item) || Object.keys(item).length !== 1) throw new EsError(400, 'x_content_parse_exception', '[terms] failed to parse field [order]');
    const [by, dir] = Object.entries(item)[0];
    if (dir !== 'asc' && dir !== 'desc') throw new EsError(400, 'x_content_parse_exception', `Unknown order direction [${String(dir)}]`);
    return { by: by === '_term' ? '_key' : by, asc: dir === 'asc' };
  });
}

function parseFilter(v: unknown): KeyFilter | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') {
    try {
      return { regex: new RegExp(`^(?:${v})$`, 'u') };
    } catch (e) {
      throw new EsError(400, 'illegal_argument_exception', `invalid regular expression [${v}]: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (Array.isArray(v)) return { values: v.filter((x): x is TermValue => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') };
  if (isPlainObject(v) && typeof v.partition === 'number' && typeof v.num_partitions === 'number') {
    if (v.num_partitions < 1 || v.partition < 0 || v.partition >= v.num_partitions) {
      throw new EsError(400, 'illegal_argument_exception', `[partition] must be in [0, num_partitions)`);
    }
    return { partition: v.partition, numPartitions: v.num_partitions };
  }
  throw new EsError(400, 'x_content_parse_exception', '[terms] failed to parse field [include]');
}

const VALUE_TYPES: Record<string, KeyType> = {
  string: 'string', keyword: 'string', ip: 'ip', long: 'long', integer: 'long', numeric: 'double', double: 'double', float: 'double',
  date: 'date', boolean: 'boolean',
};

export const termsAgg: AggDefinition = {
  acceptsSubAggs: true,
  parse(name, json): TermsParams {
    const body = objectBody('terms', name, json);
    checkKeys('terms', body, [
      'field', 'size', 'shard_size', 'min_doc_count', 'shard_min_doc_count', 'missing', 'order', 'include', 'exclude', 'format',
      'script', 'value_type', 'execution_hint', 'collect_mode', 'show_term_doc_count_error',
    ]);
    const field = requireField('terms', body);
    const size = intParam('terms', body, 'size', 10);
    if (size <= 0) throw new EsError(400, 'illegal_argument_exception', `[size] must be greater than 0. Found [${size}] in [${name}]`);
    const missing = body.missing;
    return {
      field,
      size,
      minDocCount: intParam('terms', body, 'min_doc_count', 1),
      missing: typeof missing === 'string' || typeof missing === 'number' || typeof missing === 'boolean' ? missing : undefined,
      order: parseOrder(body.order),
      include: parseFilter(body.include),
      exclude: parseFilter(body.exclude),
      format: strParam('terms', body, 'format'),
      valueType: body.value_type === undefined ? undefined : VALUE_TYPES[String(body.value_type)],
    };
  },
  check(spec, view) {
    const p = spec.params as TermsParams;
    const src = valueSource(view, p.field, 'terms', GROUPS);
    const regex = (p.include && 'regex' in p.include) || (p.exclude && 'regex' in p.exclude);
    if (regex && src.kind !== 'unmapped' && src.group !== 'keyword') {
      throw new EsError(
        400,
        'aggregation_execution_exception',
        `Aggregation [${spec.name}] cannot support regular expression style include/exclude settings as they can only be applied to string fields. Use an array of values for include/exclude clauses`,
      );
    }
  },
  create(spec, ctx): Aggregator {
    return new TermsAggregator(spec, spec.params as TermsParams, ctx);
  },
};

function keyTypeOf(src: ValueSource): KeyType | undefined {
  if (src.kind === 'unmapped') return undefined;
  switch (src.group) {
    case 'keyword':
      return 'string';
    case 'ip':
      return 'ip';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    default:
      return src.mapping.type === 'double' || src.mapping.type === 'float' || src.mapping.type === 'half_float' || src.mapping.type === 'scaled_float' ? 'double' : 'long';
  }
}

interface Bucket {
  key: Key;
  docCount: number;
  sub: AggTree | undefined;
}

class TermsAggregator implements Aggregator {
  private readonly buckets = new Map<Key, Bucket>();
  private keyType: KeyType | undefined;
  private source: ValueSource | undefined;

  constructor(
    private readonly spec: AggSpec,
    private readonly p: TermsParams,
    private readonly ctx: ConstructorParameters<typeof AggTree>[1],
  ) {}

  private bucket(key: Key): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { key, docCount: 0, sub: this.spec.subAggs.length > 0 ? new AggTree(this.spec.subAggs, this.ctx) : undefined };
      this.buckets.set(key, b);
    }
    return b;
  }

  private normalizedFilters = new Map<KeyFilter, Set<Key>>();

  private matches(filter: KeyFilter, key: Key): boolean {
    if ('regex' in filter) return filter.regex.test(String(key));
    if ('partition' in filter) {
      const part = typeof key === 'number' ? longPartition(key, filter.numPartitions) : stringPartition(String(key), filter.numPartitions);
      return part === filter.partition;
    }
    let set = this.normalizedFilters.get(filter);
    if (!set) {
      set = new Set(filter.values.map((v) => this.toKey(v)).filter((k): k is Key => k !== undefined));
      this.normalizedFilters.set(filter, set);
    }
    return set.has(key);
  }

  /** A value given in the request (include/exclude/missing) as a bucket key of this field's type. */
  private toKey(v: TermValue): Key | undefined {
    switch (this.keyType) {
      case 'ip':
        return ipToKey(String(v));
      case 'boolean':
        return v === true || v === 'true' ? 1 : 0;
      case 'long':
      case 'double': {
        const n = Number(v);
        return Number.isFinite(n) ? n : undefined;
      }
      case 'date':
        try {
          return typeof v === 'number' ? v : resolveDateMath(String(v), { now: this.ctx.now, format: this.source ? dateFormatFor(this.source, undefined) : undefined });
        } catch {
          return undefined;
        }
      default:
        return String(v);
    }
  }

  private accepted(key: Key): boolean {
    const { include, exclude } = this.p;
    if (include && !this.matches(include, key)) return false;
    if (exclude && this.matches(exclude, key)) return false;
    return true;
  }

  private keysOf(src: ValueSource, doc: number): readonly Key[] {
    if (src.kind === 'numeric') {
      const vals = src.fi.values(doc);
      if (vals.length <= 1) return vals;
      return [...new Set(vals)];
    }
    if (src.kind === 'terms') {
      const vals = src.fi.values(doc);
      if (src.group === 'boolean') return vals.map((v) => (v === 'true' ? 1 : 0));
      return vals;
    }
    return [];
  }

  private missingKey(): Key | undefined {
    const m = this.p.missing;
    if (m === undefined) return undefined;
    return this.toKey(m);
  }

  collect(view: SearchView, batch: DocBatch): void {
    const src = valueSource(view, this.p.field, 'terms', GROUPS);
    const kt = keyTypeOf(src);
    if (kt && !this.source) {
      this.keyType = kt;
      this.source = src;
    } else if (!this.keyType) {
      this.keyType = this.p.valueType ?? 'string';
    }
    const missing = this.missingKey();
    const perKey = this.spec.subAggs.length > 0 ? new Map<Key, number[]>() : undefined;
    if (src.kind === 'terms' && !perKey && missing === undefined && usePostingsCounts(view, batch)) {
      forEachTermCount(view, src.fi, batch, (term, count) => {
        const key = src.group === 'boolean' ? (term === 'true' ? 1 : 0) : term;
        if ((this.p.include || this.p.exclude) && !this.accepted(key)) return;
        this.bucket(key).docCount += count;
      });
      if (this.p.minDocCount === 0) this.addEmptyBuckets(src);
      return;
    }
    if (src.kind === 'terms' && src.group !== 'boolean' && missing === undefined && src.fi.ordinals !== undefined) {
      if (this.collectByOrdinal(view, batch, src.fi.ordinals, perKey !== undefined)) {
        if (this.p.minDocCount === 0) this.addEmptyBuckets(src);
        return;
      }
    }
    for (let i = 0; i < batch.docs.length; i++) {
      let keys = this.keysOf(src, batch.docs[i]);
      if (keys.length === 0 && missing !== undefined) keys = [missing];
      for (const key of keys) {
        if ((this.p.include || this.p.exclude) && !this.accepted(key)) continue;
        this.bucket(key).docCount++;
        if (perKey) {
          const list = perKey.get(key);
          if (list) list.push(i);
          else perKey.set(key, [i]);
        }
      }
    }
    if (perKey) {
      for (const [key, indices] of perKey) this.bucket(key).sub?.collect(view, subset(batch, indices));
    }
    if (this.p.minDocCount === 0) this.addEmptyBuckets(src);
  }

  /**
   * Single-valued docs grouped by term ordinal: counts per ordinal and, for sub-aggregations, a counting
   * sort of batch positions (each bucket's docs stay ascending). Returns false, having done nothing, when
   * a doc has several values or the dictionary is much larger than the batch.
   */
  private collectByOrdinal(view: SearchView, batch: DocBatch, ords: TermOrdinals, withSubs: boolean): boolean {
    const docs = batch.docs;
    const n = docs.length;
    const count = ords.count;
    if (count > n * 4 + 1024) return false;
    const docOrd = new Int32Array(n);
    const counts = new Int32Array(count);
    for (let i = 0; i < n; i++) {
      const o = ords.ord(docs[i]);
      if (o === ORD_MULTI) return false;
      docOrd[i] = o;
      if (o >= 0) counts[o]++;
    }
    const filtered = this.p.include !== undefined || this.p.exclude !== undefined;
    let start: Int32Array | undefined;
    let order: Int32Array | undefined;
    if (withSubs) {
      start = new Int32Array(count + 1);
      for (let o = 0; o < count; o++) start[o + 1] = start[o] + counts[o];
      const next = start.slice(0, count);
      order = new Int32Array(start[count]);
      for (let i = 0; i < n; i++) {
        const o = docOrd[i];
        if (o >= 0) order[next[o]++] = i;
      }
    }
    for (let o = 0; o < count; o++) {
      if (counts[o] === 0) continue;
      const key = ords.term(o);
      if (filtered && !this.accepted(key)) continue;
      const b = this.bucket(key);
      b.docCount += counts[o];
      if (start !== undefined && order !== undefined) b.sub?.collect(view, subset(batch, order.subarray(start[o], start[o + 1])));
    }
    return true;
  }

  /** min_doc_count 0: every value of the field in the index gets a bucket, even with no matching doc. */
  private addEmptyBuckets(src: ValueSource): void {
    if (src.kind === 'terms') {
      for (const t of src.fi.terms()) {
        const key = src.group === 'boolean' ? (t === 'true' ? 1 : 0) : t;
        if (this.accepted(key)) this.bucket(key);
      }
    } else if (src.kind === 'numeric') {
      for (const doc of src.fi.range(-Infinity, Infinity)) for (const v of src.fi.values(doc)) if (this.accepted(v)) this.bucket(v);
    }
  }

  typedKey(): string {
    switch (this.keyType) {
      case undefined:
      case 'string':
      case 'ip':
        return 'sterms';
      case 'double':
        return 'dterms';
      default:
        return 'lterms';
    }
  }

  private compareKeys(a: Key, b: Key): number {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    const sa = String(a);
    const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }

  private metric(b: Bucket, path: string): number {
    const [aggName, metricName] = path.split('.');
    const result = b.sub?.resultOf(aggName);
    if (!result) throw new EsError(400, 'aggregation_execution_exception', `Invalid aggregation order path [${path}]. The provided aggregation [${aggName}] either does not exist, or is a pipeline aggregation and cannot be used to sort the buckets.`);
    const v = metricName !== undefined ? result[metricName] : 'value' in result ? result.value : result.doc_count;
    return typeof v === 'number' ? v : -Infinity;
  }

  build(typedKeys: boolean): Record<string, unknown> {
    const all = [...this.buckets.values()].filter((b) => b.docCount >= this.p.minDocCount);
    const order = this.p.order;
    const metricCache = new Map<Bucket, Map<string, number>>();
    const metricOf = (b: Bucket, path: string): number => {
      let m = metricCache.get(b);
      if (!m) metricCache.set(b, (m = new Map()));
      let v = m.get(path);
      if (v === undefined) m.set(path, (v = this.metric(b, path)));
      return v;
    };
    all.sort((x, y) => {
      for (const o of order) {
        let c: number;
        if (o.by === '_count') c = x.docCount - y.docCount;
        else if (o.by === '_key') c = this.compareKeys(x.key, y.key);
        else c = metricOf(x, o.by) - metricOf(y, o.by);
        if (c !== 0) return o.asc ? c : -c;
      }
      // Elasticsearch appends `_key asc` as the tie breaker of any order.
      return this.compareKeys(x.key, y.key);
    });
    const shown = all.slice(0, this.p.size);
    let other = 0;
    for (const b of all.slice(this.p.size)) other += b.docCount;
    return {
      doc_count_error_upper_bound: 0,
      sum_other_doc_count: other,
      buckets: shown.map((b) => this.renderBucket(b, typedKeys)),
    };
  }

  private renderBucket(b: Bucket, typedKeys: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = { key: this.keyType === 'ip' && typeof b.key === 'string' ? keyToIp(b.key) : b.key };
    if (this.keyType === 'date' && typeof b.key === 'number') {
      out.key_as_string = formatDate(b.key, this.source ? dateFormatFor(this.source, this.p.format) : this.p.format);
    } else if (this.p.format !== undefined && typeof b.key === 'number') {
      out.key_as_string = decimalFormat(b.key, this.p.format);
    } else if (this.keyType === 'boolean') {
      out.key_as_string = b.key === 1 ? 'true' : 'false';
    }
    out.doc_count = b.docCount;
    if (b.sub) Object.assign(out, b.sub.build(typedKeys));
    return out;
  }
}
