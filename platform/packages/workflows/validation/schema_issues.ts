import type { z } from 'zod/v4';
import type { DiagnosticCollector } from './diagnostics';
import type { DiagnosticPath } from './yaml_document';

/*
 * Maps zod issues to `schema` diagnostics: the issue path locates the YAML node; a missing key is reported at its
 * parent with a clear message; a failed union reports the branch that got furthest.
 */

type Issue = z.core.$ZodIssue;

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

const toPath = (path: readonly PropertyKey[]): DiagnosticPath =>
  path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));

/** Flattens unions to the branch with the deepest issue (the one the author most likely meant). */
export function flattenIssues(issues: readonly Issue[]): Array<{ issue: Issue; path: PropertyKey[] }> {
  const out: Array<{ issue: Issue; path: PropertyKey[] }> = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const depth = (branch: readonly Issue[]) => Math.max(...branch.map((i) => i.path.length));
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
      if (best.length > 0 && depth(best) > 0) {
        for (const nested of flattenIssues(best)) out.push({ issue: nested.issue, path: [...issue.path, ...nested.path] });
        continue;
      }
    }
    out.push({ issue, path: [...issue.path] });
  }
  return out;
}

export function reportSchemaIssues(
  issues: readonly Issue[],
  root: unknown,
  collector: DiagnosticCollector,
  options: { prefix?: DiagnosticPath; messagePrefix?: string } = {},
): void {
  const prefix = options.prefix ?? [];
  const seen = new Set<string>();
  for (const { issue, path } of flattenIssues(issues)) {
    const fullPath = [...prefix, ...toPath(path)];
    let message = issue.message;
    if (issue.code === 'invalid_type' && path.length > 0 && valueAt(root, path) === undefined) {
      message = `Missing required key "${String(path[path.length - 1])}".`;
    } else if (issue.code === 'unrecognized_keys') {
      message = `Unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    }
    if (options.messagePrefix) message = `${options.messagePrefix}${message}`;
    const dedupeKey = `${fullPath.join('\u0000')}|${message}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    collector.error('schema', message, fullPath);
  }
}

/** Template tolerance: an issue is ignored when any value on its path (from the checked root) is a `{{` string. */
export function isTemplateTolerated(root: unknown, path: readonly PropertyKey[]): boolean {
  let current = root;
  for (let i = 0; ; i++) {
    if (typeof current === 'string' && current.includes('{{')) return true;
    if (i >= path.length || current === null || typeof current !== 'object') return false;
    current = (current as Record<PropertyKey, unknown>)[path[i]];
  }
}

/** Issues of a step's `with` / config check that remain after template tolerance. */
export function intolerableIssues(issues: readonly Issue[], root: unknown): Issue[] {
  const out: Issue[] = [];
  for (const { issue, path } of flattenIssues(issues)) {
    if (isTemplateTolerated(root, path)) continue;
    out.push({ ...issue, path } as Issue);
  }
  return out;
}
