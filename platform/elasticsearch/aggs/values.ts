/** Date values given in aggregation parameters (missing, bounds), parsed with the field's format. */
import { resolveDateMath } from '../dates';
import { EsError } from '../errors';
import type { TermValue } from '../query';
import { dateFormatFor, type ValueSource } from './field_source';

export function parseDateValueForAgg(src: ValueSource, value: TermValue, now: number, format?: string, timeZone?: string): number {
  if (typeof value === 'number') return value;
  const f = dateFormatFor(src, format);
  try {
    return resolveDateMath(String(value), { now, format: f, timeZone });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new EsError(400, 'parse_exception', message);
  }
}
