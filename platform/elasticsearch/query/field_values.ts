/** Field-type groups and the conversion of query values into indexed terms / numbers per field type. */
import { normalizeKeyword } from '../analysis';
import { DEFAULT_DATE_FORMAT, resolveDateMath } from '../dates';
import { EsError } from '../errors';
import { cidrToKeyRange, ipToKey } from '../ip';
import type { LeafFieldMapping, LeafFieldType } from '../search_view';
import type { TermValue } from './ast';
import { illegalArgumentJava, numberFormat } from './query_errors';

export type FieldGroup = 'keyword' | 'text' | 'numeric' | 'date' | 'boolean' | 'ip';

export function fieldGroup(type: LeafFieldType): FieldGroup {
  switch (type) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'flattened':
      return 'keyword';
    case 'text':
    case 'match_only_text':
      return 'text';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'ip':
      return 'ip';
    default:
      return 'numeric';
  }
}

const INTEGER_TYPES: ReadonlySet<LeafFieldType> = new Set(['long', 'integer', 'short', 'byte']);

export function isIntegerType(type: LeafFieldType): boolean {
  return INTEGER_TYPES.has(type);
}

/** The indexed form of a keyword value (normalizer applied). */
export function keywordTerm(mapping: LeafFieldMapping, value: TermValue): string {
  const normalizer = typeof mapping.params.normalizer === 'string' ? mapping.params.normalizer : undefined;
  return normalizeKeyword(String(value), normalizer);
}

export function booleanTerm(value: TermValue): 'true' | 'false' {
  if (value === true || value === 'true') return 'true';
  if (value === false || value === 'false' || value === '') return 'false';
  throw illegalArgumentJava(`Can't parse boolean value [${String(value)}], expected [true] or [false]`);
}

/** Parses a query value for a numeric field (Java-style: numeric strings parse, anything else fails). */
export function parseNumber(value: TermValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') throw numberFormat(value);
  const s = value.trim();
  if (s === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) throw numberFormat(value);
  return Number(s);
}

/** Float-typed fields store float32 (half_float: approximated by float32 here). */
export function toFieldPrecision(type: LeafFieldType, n: number): number {
  if (type === 'float' || type === 'half_float') return Math.fround(n);
  return n;
}

/** Smallest double greater than x (Math.nextUp). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  let bits = buf.getBigInt64(0);
  bits += x > 0 ? 1n : -1n;
  buf.setBigInt64(0, bits);
  return buf.getFloat64(0);
}

export function nextDown(x: number): number {
  return -nextUp(-x);
}

export function dateFormatOf(mapping: LeafFieldMapping): string {
  return typeof mapping.params.format === 'string' ? mapping.params.format : DEFAULT_DATE_FORMAT;
}

export interface DateParseOptions {
  now: number;
  format?: string;
  timeZone?: string;
  roundUp: boolean;
}

/** Resolves a date query value (date math allowed) to epoch ms; errors become `parse_exception`. */
export function parseDateValue(mapping: LeafFieldMapping, value: TermValue, opts: DateParseOptions): number {
  const format = opts.format ?? dateFormatOf(mapping);
  if (typeof value === 'boolean') throw dateParseError(String(value), format);
  try {
    return resolveDateMath(value, { now: opts.now, format, timeZone: opts.timeZone, roundUp: opts.roundUp });
  } catch (e) {
    if (e instanceof EsError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new EsError(400, 'parse_exception', `${message}: [${message}]`);
  }
}

function dateParseError(value: string, format: string): EsError {
  const m = `failed to parse date field [${value}] with format [${format}]`;
  return new EsError(400, 'parse_exception', `${m}: [${m}]`);
}

/** An ip term or CIDR as an inclusive key range. */
export function ipKeyRange(value: TermValue): [string, string] {
  const s = String(value);
  if (s.includes('/')) {
    const range = cidrToKeyRange(s);
    if (!range) throw illegalArgumentJava(`Expected [ip/prefix] but was [${s}]`);
    return range;
  }
  const key = ipToKey(s);
  if (key === undefined) throw illegalArgumentJava(`'${s}' is not an IP string literal.`);
  return [key, key];
}

export function ipKey(value: TermValue): string {
  const s = String(value);
  const key = ipToKey(s);
  if (key === undefined) throw illegalArgumentJava(`'${s}' is not an IP string literal.`);
  return key;
}
