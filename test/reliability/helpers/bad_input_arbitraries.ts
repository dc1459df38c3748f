import fc from 'fast-check';
import { z } from 'zod/v4';

/**
 * fast-check arbitraries for step inputs: values shaped by the step's own JSON Schema (so the handler is reached), with
 * a share of junk mixed in at every level (wrong types, huge and templated strings, prototype keys, real alert ids).
 */

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
};

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'];

function matchesPattern(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}

export function junkScalar(specialStrings: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      '',
      ' ',
      '-1',
      '1e309',
      'NaN',
      '{{ 7 * 7 }}',
      '{{ steps.nope.output.x }}',
      '${{ inputs.missing }}',
      '{% for i in (1..100000000) %}x{% endfor %}',
      '../../etc/passwd',
      '/s/other-space/api/status',
      'http://127.0.0.1:1/',
      '1d',
      '0ms',
      '\u0000',
      'x'.repeat(100_000),
      ...specialStrings,
    ),
  );
}

export function junkJson(specialStrings: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.constantFrom(...POLLUTING_KEYS, 'id', 'alertId', 'alertIds', 'index', 'query', 'message', 'path', 'method'), fc.string({ maxLength: 10 }));
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      junkScalar(specialStrings),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    ),
  })).value;
}

function typed(schema: JsonSchema, depth: number, specials: readonly string[]): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0) return fc.oneof(...variants.map((v) => fromJsonSchema(v, depth + 1, specials)));
  if (schema.allOf && schema.allOf.length > 0) return fromJsonSchema(schema.allOf[0], depth + 1, specials);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      const min = schema.minLength ?? 0;
      const max = Math.max(min, Math.min(schema.maxLength ?? 40, 200));
      // A pattern (a path prefix, an id format) is rarely hit at random: prefer the special strings that match it.
      const matching = schema.pattern ? specials.filter((value) => matchesPattern(schema.pattern ?? '', value)) : [];
      if (matching.length > 0) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...matching) }, { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: max }) });
      return fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: min, maxLength: max }) }, { weight: 2, arbitrary: fc.constantFrom(...(specials.length > 0 ? specials : ['x'])) });
    }
    case 'integer':
      return fc.integer({ min: Math.ceil(schema.minimum ?? -1000), max: Math.floor(schema.maximum ?? 100_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const item = schema.items ? fromJsonSchema(schema.items, depth + 1, specials) : junkJson(specials);
      return fc.array(item, { minLength: Math.min(schema.minItems ?? 0, 3), maxLength: Math.min(schema.maxItems ?? 4, 6) });
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const entries = properties.map(([name, sub]) =>
        fc
          .tuple(fc.boolean(), fromJsonSchema(sub, depth + 1, specials))
          .map(([present, value]): [string, unknown] | undefined => (required.has(name) || present ? [name, value] : undefined)),
      );
      return fc.tuple(fc.tuple(...entries), fc.dictionary(fc.constantFrom(...POLLUTING_KEYS, 'extra'), junkScalar(specials), { maxKeys: 1 }), fc.boolean()).map(([pairs, extras, withExtras]) => {
        const out: Record<string, unknown> = {};
        for (const pair of pairs) if (pair) Object.defineProperty(out, pair[0], { value: pair[1], enumerable: true, writable: true, configurable: true });
        if (withExtras) for (const [k, v] of Object.entries(extras)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        return out;
      });
    }
    default:
      return junkJson(specials);
  }
}

/** Mostly schema-shaped, sometimes junk, at every level. */
export function fromJsonSchema(schema: JsonSchema, depth: number, specials: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: typed(schema, depth, specials) }, { weight: 1, arbitrary: junkScalar(specials) });
}

/** The JSON Schema of a zod schema, or undefined when zod cannot convert it (then only junk is generated). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema | undefined {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return undefined;
  }
}

/** Inputs for one step: schema-shaped (when convertible) or any JSON at all. */
export function stepInputArbitrary(schema: z.ZodType, specials: readonly string[]): fc.Arbitrary<unknown> {
  const json = jsonSchemaOf(schema);
  if (!json) return junkJson(specials);
  return fc.oneof({ weight: 3, arbitrary: typed(json, 0, specials) }, { weight: 1, arbitrary: junkJson(specials) });
}
