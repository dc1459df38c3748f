import type { z } from 'zod/v4';
import { getPath, isPlainObject, setPath } from './raw_config';

/** Raw text of CLI-provided settings by JSON-encoded path, for schema-directed coercion. */
export type CliRawValues = ReadonlyMap<string, string[]>;

export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

const pathKey = (path: readonly PropertyKey[]) => JSON.stringify(path.map(String));
const formatPath = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

function cloneTree<T>(value: T): T {
  return structuredClone(value);
}

/**
 * CLI values arrive untyped: `--security.bootstrapPassword=123456` parses as a number and
 * `--elasticsearch.hosts=x` as a single string. Where the schema says otherwise, use the text as
 * written (string) or wrap it (array). Only values that came from the command line are touched.
 */
function coerceCliValues(
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
  basePath: readonly string[],
  cliRaw: CliRawValues
): boolean {
  let changed = false;
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' || issue.path.length === 0) continue;
    const rel = issue.path.map(String);
    const raw = cliRaw.get(pathKey([...basePath, ...rel]));
    if (!raw) continue;
    const current = getPath(input, rel);
    if (issue.expected === 'string' && typeof current !== 'string' && raw.length === 1) {
      setPath(input as Record<string, unknown>, rel, raw[0]);
      changed = true;
    } else if (issue.expected === 'array' && !Array.isArray(current)) {
      setPath(input as Record<string, unknown>, rel, [current]);
      changed = true;
    }
  }
  return changed;
}

function describeIssues(issues: readonly z.core.$ZodIssue[], basePath: readonly string[]): string[] {
  const problems: string[] = [];
  for (const issue of issues) {
    const full = [...basePath, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(`[${formatPath([...full, key])}]: unknown setting`);
    } else {
      problems.push(`[${formatPath(full) || '<root>'}]: ${issue.message}`);
    }
  }
  return problems;
}

/** Keys present in the input but absent from the parsed output: dropped by a non-strict object schema. */
export function findDroppedKeys(input: unknown, output: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (isPlainObject(input) && isPlainObject(output)) {
    return Object.keys(input).flatMap((key) =>
      key in output ? findDroppedKeys(input[key], output[key], [...path, key]) : [[...path, key]]
    );
  }
  if (Array.isArray(input) && Array.isArray(output) && input.length === output.length) {
    return input.flatMap((item, i) => findDroppedKeys(item, output[i], [...path, i]));
  }
  return [];
}

/** Validates one config subtree; returns the parsed value or the list of problems (with full key paths). */
export function validateSubtree<S extends z.ZodType>(
  schema: S,
  value: unknown,
  basePath: readonly string[],
  cliRaw: CliRawValues
): { ok: true; value: z.output<S> } | { ok: false; problems: string[] } {
  const input = cloneTree(value ?? {});
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = schema.safeParse(input);
    if (result.success) {
      const dropped = findDroppedKeys(input, result.data);
      if (dropped.length > 0) {
        return {
          ok: false,
          problems: dropped.map((p) => `[${formatPath([...basePath, ...p])}]: unknown setting`),
        };
      }
      return { ok: true, value: result.data };
    }
    if (!coerceCliValues(input, result.error.issues, basePath, cliRaw)) {
      return { ok: false, problems: describeIssues(result.error.issues, basePath) };
    }
  }
  return { ok: false, problems: [`[${formatPath(basePath)}]: could not coerce command-line values`] };
}

export { pathKey as cliPathKey };
