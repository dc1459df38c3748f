import { z } from 'zod/v4';

const FINITE_NUMBER_MESSAGE = 'Expected a finite number or a numeric string';

/**
 * A number that also accepts numeric strings (step inputs are often rendered templates). Blank strings, null and
 * booleans are rejected instead of becoming 0 or 1 as `z.coerce.number()` would make them; NaN and ±Infinity fail.
 */
export function coercedNumber<T extends z.ZodNumber>(inner: T) {
  return z.preprocess((value) => {
    if (value === null || typeof value === 'boolean') return Number.NaN;
    if (typeof value === 'string') return value.trim() === '' ? Number.NaN : Number(value);
    return value;
  }, inner);
}

/** `z.number()` whose type error explains that numeric strings are accepted. */
export const finiteNumber = () =>
  z.number({ error: (issue) => (issue.code === 'invalid_type' ? FINITE_NUMBER_MESSAGE : undefined) });
