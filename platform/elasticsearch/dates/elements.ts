/**
 * A date format as a list of elements, the shape of Java's DateTimeFormatterBuilder: both Elasticsearch's
 * named formats and custom `yyyy/MM/dd`-style patterns compile to this, and one parser and one printer
 * interpret it.
 */
export type NumberField = 'year' | 'month' | 'day' | 'dayOfYear' | 'hour' | 'hour12' | 'minute' | 'second';

export type OffsetStyle =
  /** `+HHmm`, zero printed as `+0000` (pattern Z..ZZZ). */
  | 'Z'
  /** `+HH:MM`, zero printed as `Z` (pattern ZZZZZ, XXX; named formats). */
  | 'XXX'
  /** `+HHMM`, zero printed as `Z` (pattern XX; basic named formats). */
  | 'XX'
  /** `+HH[mm]`, zero printed as `Z` (pattern X). */
  | 'X'
  /** `+HH:MM`, zero printed as `+00:00` (pattern xxx). */
  | 'xxx'
  | 'xx'
  | 'x';

export interface NumberElement {
  kind: 'number';
  field: NumberField;
  minWidth: number;
  maxWidth: number;
  /** Java SignStyle.EXCEEDS_PAD: more digits than minWidth need an explicit sign. */
  signExceedsPad?: boolean;
  /** Print padding width (defaults to minWidth). */
  printWidth?: number;
}

export type Element =
  | { kind: 'literal'; text: string }
  | NumberElement
  /** Two-digit year, base 2000 (pattern yy). */
  | { kind: 'reducedYear' }
  /** Fraction of second; `decimalPoint` expects a leading `.`. Printed with `printDigits`. */
  | { kind: 'fraction'; minWidth: number; maxWidth: number; decimalPoint: boolean; printDigits: number }
  | { kind: 'text'; field: 'monthName' | 'dayName' | 'ampm'; full: boolean }
  | { kind: 'offset'; style: OffsetStyle }
  /** Java appendZoneOrOffsetId: `Z`, an offset, or a region id; printed as the zone id. */
  | { kind: 'zoneOrOffset' }
  /** Zone id (pattern VV). */
  | { kind: 'zoneId' }
  | { kind: 'optional'; elements: Element[] };

/** What a parse collected, before defaults and zone resolution. */
export interface ParsedFields {
  year?: number;
  month?: number;
  day?: number;
  dayOfYear?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  /** Nanoseconds of the second. */
  nano?: number;
  dayName?: number;
  /** Explicit offset in ms. */
  offset?: number;
  /** Explicit region zone id. */
  zone?: string;
  /** Set by epoch formats: the instant itself. */
  epochMs?: number;
}

export const lit = (text: string): Element => ({ kind: 'literal', text });
export const num = (field: NumberField, minWidth: number, maxWidth = minWidth, signExceedsPad = false): NumberElement => ({
  kind: 'number',
  field,
  minWidth,
  maxWidth,
  signExceedsPad,
});
export const opt = (...elements: Element[]): Element => ({ kind: 'optional', elements });
export const fraction = (minWidth: number, maxWidth: number, decimalPoint: boolean, printDigits = 3): Element => ({
  kind: 'fraction',
  minWidth,
  maxWidth,
  decimalPoint,
  printDigits,
});
export const offset = (style: OffsetStyle): Element => ({ kind: 'offset', style });
export const zoneOrOffset: Element = { kind: 'zoneOrOffset' };
