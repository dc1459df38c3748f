import type { Element, ParsedFields } from './elements';
import { AM_PM, DAYS_FULL, DAYS_SHORT, MONTHS_FULL, MONTHS_SHORT } from './names';
import { parseOffset, resolveTimeZone } from './time_zone';

/**
 * Parses `text` from `pos` against `elements` into `fields`; returns the end position or -1. Optional
 * sections are greedy without backtracking into later elements, as in java.time.
 */
export function parseElements(elements: readonly Element[], text: string, pos: number, fields: ParsedFields): number {
  let at = pos;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (element.kind === 'optional') {
      const saved = { ...fields };
      const end = parseElements(element.elements, text, at, fields);
      if (end < 0) {
        for (const key of Object.keys(fields) as (keyof ParsedFields)[]) delete fields[key];
        Object.assign(fields, saved);
      } else {
        at = end;
      }
      continue;
    }
    at = parseOne(elements, i, text, at, fields);
    if (at < 0) return -1;
  }
  return at;
}

function countDigits(text: string, pos: number): number {
  let n = 0;
  while (pos + n < text.length) {
    const c = text.charCodeAt(pos + n);
    if (c < 48 || c > 57) break;
    n++;
  }
  return n;
}

/** Java's adjacent value parsing: a variable-width number leaves room for fixed-width numbers right after it. */
function reservedWidth(elements: readonly Element[], index: number): number {
  let reserved = 0;
  for (let j = index + 1; j < elements.length; j++) {
    const next = elements[j];
    if (next.kind === 'number' && next.minWidth === next.maxWidth) reserved += next.minWidth;
    else if (next.kind === 'reducedYear') reserved += 2;
    else if (next.kind === 'fraction' && !next.decimalPoint && next.minWidth === next.maxWidth) reserved += next.minWidth;
    else break;
  }
  return reserved;
}

function matchWord(text: string, pos: number, words: readonly string[]): number {
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (text.substr(pos, word.length).toLowerCase() === word.toLowerCase()) return i;
  }
  return -1;
}

const OFFSET_TEXT = /^(?:Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)/;
const ZONE_REGION = /^[A-Za-z][A-Za-z0-9~/._+-]*/;

function parseOffsetAt(text: string, pos: number, fields: ParsedFields): number {
  const m = OFFSET_TEXT.exec(text.slice(pos));
  if (m === null) return -1;
  const value = m[0] === 'Z' ? 0 : parseOffset(m[0]);
  if (value === undefined) return -1;
  fields.offset = value;
  return pos + m[0].length;
}

function parseZoneAt(text: string, pos: number, fields: ParsedFields): number {
  const asOffset = parseOffsetAt(text, pos, fields);
  if (asOffset >= 0) return asOffset;
  const m = ZONE_REGION.exec(text.slice(pos));
  if (m === null) return -1;
  try {
    const rules = resolveTimeZone(m[0]);
    if (rules.fixedOffset !== undefined) fields.offset = rules.fixedOffset;
    else fields.zone = m[0];
  } catch {
    return -1;
  }
  return pos + m[0].length;
}

function parseOne(elements: readonly Element[], index: number, text: string, pos: number, fields: ParsedFields): number {
  const element = elements[index];
  switch (element.kind) {
    case 'literal':
      return text.startsWith(element.text, pos) ? pos + element.text.length : -1;
    case 'number': {
      let at = pos;
      let sign = 0;
      if (element.signExceedsPad && (text[at] === '+' || text[at] === '-')) {
        sign = text[at] === '-' ? -1 : 1;
        at++;
      }
      const available = countDigits(text, at);
      let take = Math.min(element.maxWidth, available - reservedWidth(elements, index));
      if (element.signExceedsPad && sign === 0) take = Math.min(take, element.minWidth);
      if (take < element.minWidth || take <= 0) return -1;
      if (sign === 1 && take <= element.minWidth) return -1;
      const value = Number(text.slice(at, at + take)) * (sign === -1 ? -1 : 1);
      fields[element.field] = value;
      return at + take;
    }
    case 'reducedYear': {
      if (countDigits(text, pos) < 2) return -1;
      fields.year = 2000 + Number(text.slice(pos, pos + 2));
      return pos + 2;
    }
    case 'fraction': {
      let at = pos;
      if (element.decimalPoint) {
        if (text[at] !== '.') return -1;
        at++;
      }
      const digits = Math.min(countDigits(text, at), element.maxWidth);
      if (digits < element.minWidth || digits === 0) return -1;
      fields.nano = Number(text.slice(at, at + digits).padEnd(9, '0'));
      return at + digits;
    }
    case 'text': {
      if (element.field === 'ampm') {
        const i = matchWord(text, pos, AM_PM);
        if (i < 0) return -1;
        fields.pm = i === 1;
        return pos + 2;
      }
      const words = element.field === 'monthName' ? (element.full ? MONTHS_FULL : MONTHS_SHORT) : element.full ? DAYS_FULL : DAYS_SHORT;
      const i = matchWord(text, pos, words);
      if (i < 0) return -1;
      if (element.field === 'monthName') fields.month = i + 1;
      else fields.dayName = i + 1;
      return pos + words[i].length;
    }
    case 'offset':
      return parseOffsetAt(text, pos, fields);
    case 'zoneOrOffset':
    case 'zoneId':
      return parseZoneAt(text, pos, fields);
    case 'optional':
      return parseElements(element.elements, text, pos, fields);
  }
}
