import { z } from 'zod/v4';
import { StructuredOutputError, type StructuredOutputIssue } from '../errors';

export type JsonSchemaObject = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A step's `schema`: a JSON Schema object or its JSON text. Checked while the input is parsed, so a bad schema is an
 * input error and the model is never called.
 */
export const jsonSchemaInput = z.union([z.record(z.string(), z.unknown()), z.string()]).transform((value, ctx): JsonSchemaObject => {
  let schema: unknown = value;
  if (typeof value === 'string') {
    try {
      schema = JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'schema is not valid JSON' });
      return z.NEVER;
    }
  }
  if (!isRecord(schema)) {
    ctx.addIssue({ code: 'custom', message: 'schema must be a JSON Schema object' });
    return z.NEVER;
  }
  try {
    z.fromJSONSchema(schema);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `schema is not a supported JSON Schema: ${(error as Error).message}` });
    return z.NEVER;
  }
  return schema;
});

/** Validates the model's structured answer; StructuredOutputError `{raw, issues}` when it does not match. */
export function validateStructuredOutput(schema: JsonSchemaObject, value: unknown, raw: string): unknown {
  const result = z.fromJSONSchema(schema).safeParse(value);
  if (result.success) return result.data;
  const issues: StructuredOutputIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }));
  throw new StructuredOutputError(raw, issues);
}
