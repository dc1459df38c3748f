/**
 * Search sort (§5): parsing of every sort form, per-index key readers (min for asc / max for desc on
 * multi-valued fields, missing sentinels), the cross-index comparator, sort value output and
 * search_after decoding.
 */
import { DEFAULT_DATE_FORMAT, formatDate, resolveDateMath } from '../dates';
import { EsError, illegalArgument, parsingException, unsupported } from '../errors';
import { keyToIp, ipToKey } from '../ip';
import { fieldGroup, isPlainObject, queryShardException, type FieldGroup } from '../query';
import type { FieldIndex, LeafFieldType, SearchView } from '../search_view';
import { float32Number } from './float32';

export type SortOrder = 'asc' | 'desc';
export type SortMode = 'min' | 'max' | 'sum' | 'avg' | 'median';

export type SortSpec =
  | { kind: 'score'; order: SortOrder }
  | { kind: 'doc'; order: SortOrder }
  | {
      kind: 'field';
      field: string;
      order: SortOrder;
      /** `_last` (default), `_first`, or a substitute value. */
      missing: unknown;
      mode?: SortMode;
      unmappedType?: string;
      format?: string;
    };

/** A comparable key: numbers for numeric/date/bool fields, strings for keyword/ip, null = missing string. */
export type SortValue = number | string | null;

const FIELD_SORT_KEYS = ['order', 'missing', 'mode', 'unmapped_type', 'format', 'numeric_type', 'nested', 'nested_path', 'nested_filter'];

export function parseSort(json: unknown): SortSpec[] {
  const items = Array.isArray(json) ? json : [json];
  return items.map(parseSortItem);
}

function parseOrder(v: unknown): SortOrder {
  if (v === 'asc' || v === 'ASC') return 'asc';
  if (v === 'desc' || v === 'DESC') return 'desc';
  throw illegalArgument(`Unknown SortOrder [${String(v)}]`);
}

function parseSortItem(item: unknown): SortSpec {
  if (typeof item === 'string') return specFor(item, {});
  if (!isPlainObject(item)) throw parsingException(`[sort] unexpected token [${String(item)}]`);
  const keys = Object.keys(item);
  if (keys.length !== 1) throw parsingException(`[sort] expected a single field per sort object, found [${keys.join(', ')}]`);
  const field = keys[0];
  const value = item[field];
  if (field === '_script') throw unsupported('script', '[_script] sort');
  if (field === '_geo_distance' || field === '_geoDistance') throw unsupported('other', '[_geo_distance] sort');
  if (typeof value === 'string') return specFor(field, { order: value });
  if (!isPlainObject(value)) throw parsingException(`[field_sort] unknown token for sort field [${field}]`);
  for (const k of Object.keys(value)) {
    if (!FIELD_SORT_KEYS.includes(k)) throw new EsError(400, 'x_content_parse_exception', `[field_sort] unknown field [${k}]`);
  }
  if (value.nested !== undefined || value.nested_path !== undefined || value.nested_filter !== undefined) {
    throw unsupported('nested', 'nested sort');
  }
  return specFor(field, value);
}

function specFor(field: string, o: Record<string, unknown>): SortSpec {
  if (field === '_score') return { kind: 'score', order: o.order === undefined ? 'desc' : parseOrder(o.order) };
  if (field === '_doc') return { kind: 'doc', order: o.order === undefined ? 'asc' : parseOrder(o.order) };
  if (field === '_shard_doc') throw illegalArgument('[_shard_doc] sort field cannot be used without [point in time]');
  let mode: SortMode | undefined;
  if (o.mode !== undefined) {
    if (o.mode !== 'min' && o.mode !== 'max' && o.mode !== 'sum' && o.mode !== 'avg' && o.mode !== 'median') {
      throw illegalArgument(`Unknown SortMode [${String(o.mode)}]`);
    }
    mode = o.mode;
  }
  return {
    kind: 'field',
    field,
    order: o.order === undefined ? 'asc' : parseOrder(o.order),
    missing: o.missing === undefined || o.missing === null ? '_last' : o.missing,
    mode,
    unmappedType: typeof o.unmapped_type === 'string' ? o.unmapped_type : undefined,
    format: typeof o.format === 'string' ? o.format : undefined,
  };
}

/** True when the request sorts by relevance only (no sort, or `_score` desc alone). */
export function isRelevanceSort(specs: readonly SortSpec[] | undefined): boolean {
  return !specs || specs.length === 0 || (specs.length === 1 && specs[0].kind === 'score' && specs[0].order === 'desc');
}

export function sortNeedsScores(specs: readonly SortSpec[] | undefined): boolean {
  return !specs || specs.some((s) => s.kind === 'score');
}

const LONG_MAX = 9223372036854775807;
const LONG_MIN = -9223372036854775808;
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

type ValueKind = 'long' | 'int' | 'double' | 'float' | 'date' | 'boolean' | 'string' | 'ip';

function valueKind(type: LeafFieldType, group: FieldGroup): ValueKind {
  if (group === 'date') return 'date';
  if (group === 'boolean') return 'boolean';
  if (group === 'ip') return 'ip';
  if (group === 'keyword') return 'string';
  if (type === 'double' || type === 'scaled_float') return 'double';
  if (type === 'float' || type === 'half_float') return 'float';
  // integer, short and byte sort as Java ints (missing = Integer.MAX_VALUE / MIN_VALUE)
  if (type === 'integer' || type === 'short' || type === 'byte') return 'int';
  return 'long';
}

/** Reads the sort keys of a doc of one view and prints sort values. */
export interface ViewSort {
  keys(doc: number, score: number): SortValue[];
  /** The `sort` array of a hit. */
  output(keys: readonly SortValue[]): unknown[];
  /** search_after values decoded into comparable keys for this view. */
  decodeAfter(values: readonly unknown[], now: number): SortValue[];
}

interface KeyReader {
  read(doc: number, score: number): SortValue;
  output(v: SortValue): unknown;
  decode(v: unknown, now: number): SortValue;
}

export function resolveSort(view: SearchView, specs: readonly SortSpec[]): ViewSort {
  const readers = specs.map((s) => readerFor(view, s));
  return {
    keys: (doc, score) => {
      const out = new Array<SortValue>(readers.length);
      for (let i = 0; i < readers.length; i++) out[i] = readers[i].read(doc, score);
      return out;
    },
    output: (keys) => keys.map((k, i) => readers[i].output(k)),
    decodeAfter: (values, now) => values.map((v, i) => readers[i].decode(v, now)),
  };
}

function readerFor(view: SearchView, spec: SortSpec): KeyReader {
  if (spec.kind === 'score') {
    // scores are printed as shortest float32 decimals: read them back as the same float32
    return { read: (_d, score) => score, output: (v) => (typeof v === 'number' ? float32Number(v) : v), decode: (v) => Math.fround(toNumber(v)) };
  }
  if (spec.kind === 'doc') return { read: (doc) => doc, output: (v) => v, decode: (v) => toNumber(v) };
  const field = spec.field;
  if (field === '_id') {
    throw illegalArgument('Fielddata access on the _id field is disallowed, you can re-enable it by updating the dynamic cluster setting: indices.id_field_data.enabled');
  }
  if (field === '_index') return { read: () => view.index, output: (v) => v, decode: (v) => (v === null ? null : String(v)) };
  if (field === '_seq_no') return { read: (doc) => view.seqNo(doc), output: (v) => v, decode: (v) => toNumber(v) };
  const fi = view.field(field);
  const mapping = fi?.mapping ?? view.mapping(field);
  if (!fi || !mapping) {
    if (mapping) {
      throw illegalArgument(`Can't load fielddata on [${field}] because fielddata is unsupported on fields of type [${mapping.type}]. Use doc values instead.`);
    }
    if (spec.unmappedType === undefined) {
      throw queryShardException(view, `No mapping found for [${field}] in order to sort on`);
    }
    return unmappedReader(spec, spec.unmappedType);
  }
  if (fi.kind === 'text') {
    throw illegalArgument(
      `Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [${field}] in order to load field data by uninverting the inverted index. Note that this can use significant memory.`,
    );
  }
  const kind = valueKind(mapping.type, fieldGroup(mapping.type));
  return fieldReader(fi, spec, kind, typeof mapping.params.format === 'string' ? mapping.params.format : DEFAULT_DATE_FORMAT);
}

function unmappedReader(spec: Extract<SortSpec, { kind: 'field' }>, unmappedType: string): KeyReader {
  const kind: ValueKind =
    unmappedType === 'keyword' || unmappedType === 'text' || unmappedType === 'ip' ? 'string'
    : unmappedType === 'date' ? 'date'
    : unmappedType === 'boolean' ? 'boolean'
    : unmappedType === 'double' ? 'double'
    : unmappedType === 'float' ? 'float'
    : unmappedType === 'integer' || unmappedType === 'short' || unmappedType === 'byte' ? 'int'
    : 'long';
  const missing = missingKey(kind, spec, DEFAULT_DATE_FORMAT);
  return {
    read: () => missing,
    output: (v) => outputValue(kind, v, spec.format),
    decode: (v, now) => decodeValue(kind, v, spec.format ?? DEFAULT_DATE_FORMAT, now),
  };
}

function missingKey(kind: ValueKind, spec: Extract<SortSpec, { kind: 'field' }>, dateFormat: string): SortValue {
  const last = spec.missing === '_last';
  const first = spec.missing === '_first';
  if (kind === 'string' || kind === 'ip') {
    if (last || first) return null;
    const v = String(spec.missing);
    return kind === 'ip' ? (ipToKey(v) ?? v) : v;
  }
  if (last || first) {
    const high = (spec.order === 'asc') === last;
    if (kind === 'double' || kind === 'float') return high ? Infinity : -Infinity;
    if (kind === 'int') return high ? INT_MAX : INT_MIN;
    return high ? LONG_MAX : LONG_MIN;
  }
  return decodeValue(kind, spec.missing, spec.format ?? dateFormat, Date.now());
}

function fieldReader(fi: FieldIndex, spec: Extract<SortSpec, { kind: 'field' }>, kind: ValueKind, dateFormat: string): KeyReader {
  const missing = missingKey(kind, spec, dateFormat);
  const mode: SortMode = spec.mode ?? (spec.order === 'asc' ? 'min' : 'max');
  let read: (doc: number) => SortValue;
  if (fi.kind === 'numeric') {
    read = (doc) => {
      const values = fi.values(doc);
      if (values.length === 0) return missing;
      return reduceNumbers(values, mode);
    };
  } else if (fi.kind === 'terms') {
    const isBool = kind === 'boolean';
    read = (doc) => {
      const values = fi.values(doc);
      if (values.length === 0) return missing;
      if (isBool) {
        const nums = values.map((v) => (v === 'true' ? 1 : 0));
        return reduceNumbers(nums, mode);
      }
      return mode === 'max' ? values[values.length - 1] : values[0];
    };
  } else {
    read = () => missing;
  }
  return {
    read,
    output: (v) => {
      if (kind === 'ip' && typeof v === 'string') return keyToIp(v);
      return outputValue(kind, v, spec.format);
    },
    decode: (v, now) => decodeValue(kind, v, spec.format ?? dateFormat, now),
  };
}

function reduceNumbers(values: readonly number[], mode: SortMode): number {
  switch (mode) {
    case 'min':
      return values[0];
    case 'max':
      return values[values.length - 1];
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'median': {
      const mid = values.length >> 1;
      return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
  }
}

function outputValue(kind: ValueKind, v: SortValue, format: string | undefined): unknown {
  if (typeof v !== 'number') return v;
  if (kind === 'date' && format !== undefined) {
    if (v === LONG_MAX || v === LONG_MIN) return null;
    return formatDate(v, format);
  }
  if (kind === 'double' || kind === 'float') {
    if (v === Infinity) return 'Infinity';
    if (v === -Infinity) return '-Infinity';
    return kind === 'float' ? float32Number(v) : v;
  }
  return v;
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  throw illegalArgument(`Failed to parse search_after value [${String(v)}]`);
}

function decodeValue(kind: ValueKind, v: unknown, dateFormat: string, now: number): SortValue {
  if (v === null) return null;
  switch (kind) {
    case 'string':
      return String(v);
    case 'ip':
      return ipToKey(String(v)) ?? String(v);
    case 'boolean':
      if (v === true || v === 'true') return 1;
      if (v === false || v === 'false') return 0;
      return toNumber(v);
    case 'date':
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && /^-?\d+$/.test(v) && !dateFormat.includes('yyyy')) return Number(v);
      try {
        return resolveDateMath(String(v), { now, format: dateFormat });
      } catch (e) {
        throw illegalArgument(e instanceof Error ? e.message : String(e));
      }
    case 'float':
      return Math.fround(toNumber(v));
    default:
      return toNumber(v);
  }
}

/** Compares two hits' keys under the specs; ties return 0 (the caller breaks them by index and doc). */
export function compareSortKeys(specs: readonly SortSpec[], a: readonly SortValue[], b: readonly SortValue[]): number {
  for (let i = 0; i < specs.length; i++) {
    const c = compareOne(specs[i], a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function compareOne(spec: SortSpec, a: SortValue, b: SortValue): number {
  const sign = spec.order === 'asc' ? 1 : -1;
  if (a === b) return 0;
  if (a === null || b === null) {
    const missingFirst = spec.kind === 'field' && spec.missing === '_first';
    if (a === null) return missingFirst ? -1 : 1;
    return missingFirst ? 1 : -1;
  }
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -sign : a > b ? sign : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -sign : a > b ? sign : 0;
  // Mixed types across indices: numbers first.
  return typeof a === 'number' ? -1 : 1;
}

export function searchAfterLengthError(after: number, sort: number): EsError {
  return illegalArgument(`search_after has ${after} value(s) but sort has ${sort}.`);
}
