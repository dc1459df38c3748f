import { parseDate } from '../dates';
import { normalizeKeyword } from '../analysis';
import { ipToKey } from '../ip';
import type { LeafFieldType } from '../search_view';
import { INTEGER_RANGES } from './field_types';

/** Why a value was rejected; the document parser wraps it into document_parsing_exception. */
export class ValueError extends Error {
  constructor(
    readonly errorType: string,
    reason: string,
  ) {
    super(reason);
  }
}

const TWO_63 = 9223372036854775808;

function numberFromString(text: string, type: string): number {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    throw new ValueError('number_format_exception', `For input string: "${text}"`);
  }
  if (type in INTEGER_RANGES && /^[+-]?\d+$/.test(trimmed)) {
    const big = BigInt(trimmed);
    const [lo, hi] = type === 'long' ? [-(2n ** 63n), 2n ** 63n - 1n] : INTEGER_RANGES[type].map((n) => BigInt(n));
    if (big < lo || big > hi) throw outOfRange(trimmed, type);
  }
  return Number(trimmed);
}

function outOfRange(text: string, type: string): ValueError {
  return new ValueError('illegal_argument_exception', `Value [${text}] is out of range for ${type === 'integer' ? 'an' : 'a'} ${type}`);
}

/** float16 rounding (round half to even), as Lucene's HalfFloatPoint stores it. */
export function roundHalfFloat(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const sign = v < 0 ? -1 : 1;
  const a = Math.abs(Math.fround(v));
  if (a >= 65520) return sign * Infinity;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  if (2 ** (e + 1) <= a) e += 1;
  const quantum = e < -14 ? 2 ** -24 : 2 ** (e - 10);
  const q = a / quantum;
  const f = Math.floor(q);
  const diff = q - f;
  const r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  return sign * r * quantum;
}

/**
 * Coerces one JSON value for a numeric field. Strings parse when `coerce` (default); integer types
 * truncate fractions; out-of-range values are rejected. Returns undefined for "no value" (empty string).
 */
export function parseNumeric(type: LeafFieldType, value: unknown, params: Readonly<Record<string, unknown>>): number | undefined {
  const coerce = params.coerce !== false;
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else if (typeof value === 'string') {
    if (value === '' && coerce) return undefined;
    if (!coerce) throw new ValueError('illegal_argument_exception', `Cannot coerce string [${value}] to a number: coerce is disabled`);
    n = numberFromString(value, type);
  } else {
    throw new ValueError('illegal_argument_exception', `Current token (${tokenName(value)}) not numeric, can not use numeric value accessors`);
  }
  switch (type) {
    case 'long':
    case 'integer':
    case 'short':
    case 'byte': {
      if (!Number.isFinite(n)) throw outOfRange(String(value), type);
      if (!Number.isInteger(n) && !coerce) throw new ValueError('illegal_argument_exception', `Value [${String(value)}] has a decimal part`);
      const t = Math.trunc(n);
      const [lo, hi] = INTEGER_RANGES[type];
      if (type === 'long' ? t < -TWO_63 || t > TWO_63 : t < lo || t > hi) throw outOfRange(String(value), type);
      return t === 0 ? 0 : t;
    }
    case 'double':
      if (!Number.isFinite(n)) throw new ValueError('illegal_argument_exception', `[double] supports only finite values, but got [${n}]`);
      return n;
    case 'float': {
      const f = Math.fround(n);
      if (!Number.isFinite(f)) throw new ValueError('illegal_argument_exception', `[float] supports only finite values, but got [${f}]`);
      return f;
    }
    case 'half_float': {
      const h = roundHalfFloat(n);
      if (!Number.isFinite(h)) throw new ValueError('illegal_argument_exception', `[half_float] supports only finite values, but got [${h}]`);
      return h;
    }
    case 'scaled_float': {
      if (!Number.isFinite(n)) throw new ValueError('illegal_argument_exception', `[scaled_float] only supports finite values, but got [${n}]`);
      const factor = Number(params.scaling_factor);
      const scaled = Math.round(n * factor);
      if (Math.abs(scaled) > TWO_63) throw new ValueError('illegal_argument_exception', `[scaled_float] exceeds the range of a long`);
      return scaled / factor;
    }
    default:
      throw new ValueError('illegal_argument_exception', `[${type}] is not a numeric type`);
  }
}

function tokenName(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
  if (Array.isArray(value)) return 'START_ARRAY';
  if (value !== null && typeof value === 'object') return 'START_OBJECT';
  return 'VALUE_STRING';
}

/** Booleans accept true/false and the strings "true", "false" and "" (false). */
export function parseBooleanValue(value: unknown): 'true' | 'false' {
  if (value === true || value === 'true') return 'true';
  if (value === false || value === 'false' || value === '') return 'false';
  throw new ValueError('illegal_argument_exception', `Failed to parse value [${String(value)}] as only [true] or [false] are allowed.`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/**
 * Fast path for the overwhelmingly common `2026-01-01T00:00:00[.SSS]Z` under an ISO first format
 * (no allocation); anything else goes through the full date parser.
 */
function fastIsoUtc(text: string, format: string | undefined): number | undefined {
  const n = text.length;
  if (n !== 20 && (n < 22 || n > 24)) return undefined;
  if (format !== undefined && !/^(strict_)?date_optional_time(\|\||$)/.test(format)) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(n - 1) !== 90) {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let ms = 0;
  if (n > 20) {
    if (text.charCodeAt(19) !== 46) return undefined;
    const fraction = n - 21;
    ms = digits(text, 20, fraction);
    if (ms < 0) return undefined;
    ms *= fraction === 1 ? 100 : fraction === 2 ? 10 : 1;
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return undefined;
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0-99 to 1900-1999
  return year < 100 ? new Date(t).setUTCFullYear(year) : t;
}

export function parseDateValue(value: unknown, params: Readonly<Record<string, unknown>>): number {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ValueError('illegal_argument_exception', `Current token (${tokenName(value)}) not a date`);
  }
  const format = typeof params.format === 'string' ? params.format : undefined;
  if (typeof value === 'string') {
    const fast = fastIsoUtc(value, format);
    if (fast !== undefined) return fast;
  }
  try {
    return parseDate(value, format);
  } catch (e) {
    throw new ValueError('illegal_argument_exception', e instanceof Error ? e.message : String(e));
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Fast path for dotted IPv4 (the common case): the IPv4-mapped IPv6 key `ipToKey` produces. */
function ipv4Key(text: string): string | undefined {
  let key = '00000000000000000000ffff';
  let i = 0;
  for (let octet = 0; octet < 4; octet++) {
    if (octet > 0) {
      if (text.charCodeAt(i) !== 46) return undefined;
      i++;
    }
    const start = i;
    let v = 0;
    while (i < text.length && i - start < 4) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      i++;
    }
    const len = i - start;
    // no empty, over-long or zero-padded octets (ipToKey rejects "010")
    if (len === 0 || len > 3 || v > 255 || (len > 1 && text.charCodeAt(start) === 48)) return undefined;
    key += HEX[v];
  }
  return i === text.length ? key : undefined;
}

export function parseIpValue(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  const key = text === undefined ? undefined : (ipv4Key(text) ?? ipToKey(text));
  if (key === undefined) throw new ValueError('illegal_argument_exception', `'${String(value)}' is not an IP string literal.`);
  return key;
}

/** keyword-like: strings as-is, numbers and booleans as their text; objects are rejected by the caller. */
export function keywordText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ValueError('illegal_argument_exception', `Current token (${tokenName(value)}) not a string`);
}

export function normalizedKeyword(value: unknown, params: Readonly<Record<string, unknown>>): string {
  const text = keywordText(value);
  const normalizer = typeof params.normalizer === 'string' ? params.normalizer : undefined;
  return normalizer === undefined ? text : normalizeKeyword(text, normalizer);
}
