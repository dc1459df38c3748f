import type { ParsedFields } from './elements';

/**
 * Fast path for the overwhelmingly common input of strict_date_optional_time: an ISO-8601 date with an
 * optional time, fraction and `Z`/offset. It fills the same fields the general element parser would;
 * anything it does not recognise (zone ids, signed years, the `,fraction` forms) returns undefined and
 * goes through the general parser. A property test checks both agree.
 */
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(?:(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?)?$/;

export function parseIsoFast(text: string): ParsedFields | undefined {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const fields: ParsedFields = { year: Number(m[1]) };
  if (m[2] !== undefined) fields.month = Number(m[2]);
  if (m[3] !== undefined) fields.day = Number(m[3]);
  if (m[4] !== undefined) fields.hour = Number(m[4]);
  if (m[5] !== undefined) fields.minute = Number(m[5]);
  if (m[6] !== undefined) fields.second = Number(m[6]);
  if (m[7] !== undefined) fields.nano = Number(m[7].padEnd(9, '0'));
  const zone = m[8];
  if (zone !== undefined) {
    if (zone === 'Z') fields.offset = 0;
    else {
      const sign = zone[0] === '-' ? -1 : 1;
      const hours = Number(zone.slice(1, 3));
      const minutes = zone.length > 3 ? Number(zone.slice(zone.length - 2)) : 0;
      if (minutes > 59 || hours * 60 + minutes > 18 * 60) return undefined;
      fields.offset = sign * (hours * 3_600_000 + minutes * 60_000);
    }
  }
  return fields;
}
