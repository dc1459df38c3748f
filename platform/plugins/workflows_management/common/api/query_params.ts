import { z } from 'zod/v4';

/** Query strings arrive as text (or repeated keys as arrays); these helpers coerce them once for every route. */

export const queryBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const pageParam = z.coerce.number().int().min(1).default(1);

export const sizeParam = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** `?tags=a&tags=b` or `?tags=a`; values are kept whole (a tag may contain a comma). */
export const queryStringList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/** `?statuses=a,b`, `?statuses=a&statuses=b` or a mix, for enum lists whose values never contain commas. */
export const queryEnumList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(z.enum(values)));
