import { createAlertFieldReader, type AlertFieldReader, type AlertSource } from '../workflows/field_access';
import { tidy } from './compose';
import type { NarrativeStrategy } from './types';

/** Test helper: a reader with the default value length. */
export const readerOf = (source: AlertSource, maxValueLength = 256): AlertFieldReader =>
  createAlertFieldReader(source, maxValueLength);

/** Test helper: a strategy's tidied output for a source. */
export const renderWith = (strategy: NarrativeStrategy, source: AlertSource, maxValueLength = 256): string =>
  tidy(strategy.render(readerOf(source, maxValueLength)));

/** Test helper: rewrites a nested source into flat dotted keys (all the way down), the other form alerts use. */
export function flatten(source: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      Object.assign(out, flatten(value as Record<string, unknown>, path));
    } else {
      out[path] = value;
    }
  }
  return out;
}
