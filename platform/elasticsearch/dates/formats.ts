import { daysInMonth, fieldsToLocalMs, isoDayOfWeek, localMsToFields, civilFromDays, daysFromCivil, isLeapYear } from './calendar';
import { parseElements } from './element_parser';
import { printElements } from './element_printer';
import type { Element, ParsedFields } from './elements';
import { EPOCH_MILLIS, EPOCH_SECOND, NAMED_FORMATS } from './named_formats';
import { parseIsoFast } from './iso_fast_path';
import { compilePattern } from './pattern';
import { type ZoneRules, formatOffsetId, localToUtc, resolveTimeZone } from './time_zone';

export const DEFAULT_DATE_FORMAT = 'strict_date_optional_time||epoch_millis';

type CompiledFormat =
  | { kind: 'epoch_millis' }
  | { kind: 'epoch_second' }
  | { kind: 'elements'; parser: Element[]; printer: Element[]; isoFastPath: boolean; isoPrinter: boolean };

/** Formats whose grammar accepts everything `parseIsoFast` accepts, with the same meaning. */
const ISO_FAST_PATH_FORMATS = new Set(['strict_date_optional_time', 'strict_date_optional_time_nanos', 'date_optional_time', 'iso8601']);
/** Formats that print exactly what Date.toISOString prints (for years 0000-9999 in UTC). */
const ISO_PRINTER_FORMATS = new Set([...ISO_FAST_PATH_FORMATS, 'strict_date_time', 'date_time']);
const MIN_ISO_YEAR_0 = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const MAX_ISO_YEAR_9999 = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

export class DateParseError extends Error {
  constructor(value: string, format: string) {
    super(`failed to parse date field [${value}] with format [${format}]`);
    this.name = 'DateParseError';
  }
}

const compiledCache = new Map<string, CompiledFormat[]>();

function compileOne(format: string): CompiledFormat {
  if (format === EPOCH_MILLIS) return { kind: 'epoch_millis' };
  if (format === EPOCH_SECOND) return { kind: 'epoch_second' };
  const named = NAMED_FORMATS.get(format);
  if (named !== undefined) {
    return { kind: 'elements', ...named, isoFastPath: ISO_FAST_PATH_FORMATS.has(format), isoPrinter: ISO_PRINTER_FORMATS.has(format) };
  }
  const elements = compilePattern(format);
  return { kind: 'elements', parser: elements, printer: elements, isoFastPath: false, isoPrinter: false };
}

/** Compiles a `||` chain; throws DateFormatError (`Invalid format: [...]`) for bad patterns. */
export function compileDateFormat(format: string): CompiledFormat[] {
  let compiled = compiledCache.get(format);
  if (compiled === undefined) {
    compiled = format.split('||').map(compileOne);
    compiledCache.set(format, compiled);
  }
  return compiled;
}

/** Throws when a mapping's `format` cannot be used. */
export function validateDateFormat(format: string): void {
  compileDateFormat(format);
}

const EPOCH_MILLIS_TEXT = /^(-)?(\d+)(?:\.(\d{1,6}))?$/;
const EPOCH_SECOND_TEXT = /^(-)?(\d+)(?:\.(\d{1,9}))?$/;

/** Epoch text to ms, flooring sub-millisecond parts as Instant.toEpochMilli does. */
function parseEpoch(text: string, unitMs: number, pattern: RegExp): number | undefined {
  const m = pattern.exec(text);
  if (m === null) return undefined;
  const whole = Number(m[2]);
  const fractionDigits = m[3] ?? '';
  const fractionMs = fractionDigits === '' ? 0 : (Number(fractionDigits) / 10 ** fractionDigits.length) * unitMs;
  const magnitude = whole * unitMs + fractionMs;
  const value = m[1] === '-' ? -magnitude : magnitude;
  if (!Number.isFinite(value) || Math.abs(value) > 8.64e15) return undefined;
  return Math.floor(value + 1e-9);
}

/** Turns parsed fields into an instant, with Elasticsearch's defaults (and round-up defaults). */
function resolveFields(fields: ParsedFields, zone: ZoneRules, roundUp: boolean): number | undefined {
  if (fields.epochMs !== undefined) return fields.epochMs;
  const year = fields.year ?? 1970;
  let month = fields.month ?? 1;
  let day = fields.day ?? 1;
  if (fields.dayOfYear !== undefined) {
    if (fields.dayOfYear < 1 || fields.dayOfYear > (isLeapYear(year) ? 366 : 365)) return undefined;
    const date = civilFromDays(daysFromCivil(year, 1, 1) + fields.dayOfYear - 1);
    if (fields.month !== undefined && fields.month !== date.month) return undefined;
    month = date.month;
    day = date.day;
  }
  let hour: number;
  if (fields.hour !== undefined) hour = fields.hour;
  else if (fields.hour12 !== undefined) {
    if (fields.hour12 < 1 || fields.hour12 > 12) return undefined;
    hour = (fields.hour12 % 12) + (fields.pm === true ? 12 : 0);
  } else hour = roundUp ? 23 : 0;
  const minute = fields.minute ?? (roundUp ? 59 : 0);
  const second = fields.second ?? (roundUp ? 59 : 0);
  const millisecond = fields.nano !== undefined ? Math.floor(fields.nano / 1e6) : roundUp ? 999 : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute > 59 || second > 59) return undefined;
  const localMs = fieldsToLocalMs({ year, month, day, hour, minute, second, millisecond });
  if (fields.dayName !== undefined && isoDayOfWeek(localMs) !== fields.dayName) return undefined;
  if (fields.offset !== undefined) return localMs - fields.offset;
  if (fields.zone !== undefined) return localToUtc(localMs, resolveTimeZone(fields.zone));
  return localToUtc(localMs, zone);
}

function tryParse(text: string, format: CompiledFormat, zone: ZoneRules, roundUp: boolean): number | undefined {
  switch (format.kind) {
    case 'epoch_millis':
      return parseEpoch(text, 1, EPOCH_MILLIS_TEXT);
    case 'epoch_second':
      return parseEpoch(text, 1000, EPOCH_SECOND_TEXT);
    case 'elements': {
      if (format.isoFastPath) {
        const fast = parseIsoFast(text);
        if (fast !== undefined) return resolveFields(fast, zone, roundUp);
      }
      const fields: ParsedFields = {};
      if (parseElements(format.parser, text, 0, fields) !== text.length) return undefined;
      return resolveFields(fields, zone, roundUp);
    }
  }
}

/**
 * Parses with the first format of the chain that accepts the whole text. `roundUp` fills missing
 * time fields with their maximum (23:59:59.999), as Elasticsearch's round-up parser for `lte`/`gt`.
 */
export function parseDateWith(value: string | number, format: string, zone: ZoneRules, roundUp: boolean): number {
  const text = typeof value === 'number' ? numberText(value) : value;
  for (const compiled of compileDateFormat(format)) {
    const result = tryParse(text, compiled, zone, roundUp);
    if (result !== undefined) return result;
  }
  throw new DateParseError(text, format);
}

/** JSON numbers reach date parsing as their text (1.5E12 as Java would write it is not accepted either). */
function numberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

/** Epoch ms for a date value (string or JSON number) under a mapping format; throws DateParseError. */
export function parseDate(value: string | number, format: string = DEFAULT_DATE_FORMAT, timeZone?: string): number {
  return parseDateWith(value, format, resolveTimeZone(timeZone), false);
}

/** Whether the value parses under the format (no exception). */
export function isParsableDate(value: string | number, format: string = DEFAULT_DATE_FORMAT, timeZone?: string): boolean {
  try {
    parseDate(value, format, timeZone);
    return true;
  } catch (error) {
    if (error instanceof DateParseError) return false;
    throw error;
  }
}

function epochSecondText(epochMillis: number): string {
  const seconds = epochMillis / 1000;
  return Number.isInteger(seconds) ? seconds.toFixed(0) : String(seconds);
}

/** Renders epoch ms with the first format of the chain, in the time zone (default UTC). */
export function formatDate(epochMillis: number, format: string = DEFAULT_DATE_FORMAT, timeZone?: string): string {
  const first = compileDateFormat(format)[0];
  if (first.kind === 'epoch_millis') return epochMillis.toFixed(0);
  if (first.kind === 'epoch_second') return epochSecondText(epochMillis);
  const zone = resolveTimeZone(timeZone);
  if (first.isoPrinter && zone.fixedOffset === 0 && epochMillis >= MIN_ISO_YEAR_0 && epochMillis <= MAX_ISO_YEAR_9999) {
    // Same text as the element printer (yyyy-MM-dd'T'HH:mm:ss.SSSZ), much cheaper.
    return new Date(epochMillis).toISOString();
  }
  const offset = zone.offsetAt(epochMillis);
  return printElements(first.printer, {
    local: localMsToFields(epochMillis + offset),
    offset,
    zoneId: zone.fixedOffset !== undefined ? formatOffsetId(zone.fixedOffset) : zone.id,
  });
}
