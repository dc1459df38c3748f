import { CST, Lexer } from 'yaml';

/*
 * Resource limits of workflow YAML (workflow-engine §1.5), checked by `validateWorkflowYaml` so the create, update,
 * validate and test routes all reject hostile documents the same way, each with a `yaml-too-large` error:
 * - size: MAX_WORKFLOW_YAML_BYTES (yaml_document.ts), before anything is parsed;
 * - nesting: MAX_WORKFLOW_YAML_DEPTH, estimated from the token stream before the parser (which is recursive and
 *   spends seconds and hundreds of MB on 400k nested `[`) runs, then checked exactly on the parsed value;
 * - aliases: MAX_WORKFLOW_ALIAS_COUNT (yaml's `maxAliasCount`: billion laughs), plus an expanded-size budget
 *   (MAX_WORKFLOW_EXPANDED_NODES / _CHARS) because a flat anchor reused a few hundred times passes `maxAliasCount`
 *   but expands to hundreds of MB once the definition is serialised;
 * - steps: MAX_WORKFLOW_STEPS in the whole tree (nested `steps`, `else` and `on-failure.fallback` included).
 */

/** Deepest nesting of mappings and sequences; the shipped triage workflow needs about 20. */
export const MAX_WORKFLOW_YAML_DEPTH = 100;
/** yaml's `maxAliasCount` (alias uses weighted by the aliases they contain). */
export const MAX_WORKFLOW_ALIAS_COUNT = 1000;
/** Values (scalars, mappings, sequences) after aliases are expanded. */
export const MAX_WORKFLOW_EXPANDED_NODES = 200_000;
/** Characters of keys and strings after aliases are expanded: four times the YAML size limit. */
export const MAX_WORKFLOW_EXPANDED_CHARS = 4 * 1024 * 1024;
/** Steps in the whole tree. */
export const MAX_WORKFLOW_STEPS = 1000;

const BLOCK_INDICATORS = new Set<string>(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);
const NON_CONTENT = new Set<string>(['space', 'newline', 'comment', 'doc-mode', 'scalar', 'byte-order-mark']);

/**
 * An over-estimate of the nesting depth from the lexer's flat token stream (no recursion), stopping as soon as it
 * passes `limit`: flow brackets open a level each; in block context every indentation still open and every `-`, `?`,
 * `:` indicator on the current line counts one.
 */
export function estimateYamlDepthExceeds(source: string, limit: number = MAX_WORKFLOW_YAML_DEPTH): boolean {
  let flowDepth = 0;
  const indents: number[] = [];
  let lineIndent = 0;
  let lineIndicators = 0;
  let atLineStart = true;
  let lineHasContent = false;
  for (const token of new Lexer().lex(source)) {
    const type = CST.tokenType(token);
    if (type === 'flow-seq-start' || type === 'flow-map-start') flowDepth++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flowDepth = Math.max(0, flowDepth - 1);
    if (type === 'space' && atLineStart && !token.includes('\n')) lineIndent = token.length;
    if (!NON_CONTENT.has(type ?? '') && !lineHasContent) {
      lineHasContent = true;
      if (flowDepth === 0 || type === 'flow-seq-start' || type === 'flow-map-start') {
        while (indents.length > 0 && indents[indents.length - 1] >= lineIndent) indents.pop();
        indents.push(lineIndent);
      }
    }
    if (type && BLOCK_INDICATORS.has(type) && flowDepth === 0) lineIndicators++;
    if (type !== 'space' || !atLineStart) atLineStart = false;
    if (token.endsWith('\n')) {
      atLineStart = true;
      lineHasContent = false;
      lineIndent = 0;
      lineIndicators = 0;
    }
    if (flowDepth + indents.length + lineIndicators > limit) return true;
  }
  return false;
}

export type ExpandedLimitBreach = { kind: 'depth' | 'nodes' | 'chars'; limit: number };

/** Walks the parsed value iteratively (aliases count each time they are used) and stops at the first limit passed. */
export function checkExpandedValue(value: unknown): ExpandedLimitBreach | undefined {
  let nodes = 0;
  let chars = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (++nodes > MAX_WORKFLOW_EXPANDED_NODES) return { kind: 'nodes', limit: MAX_WORKFLOW_EXPANDED_NODES };
    if (typeof current === 'string') chars += current.length;
    else if (current !== null && typeof current === 'object') {
      if (depth > MAX_WORKFLOW_YAML_DEPTH) return { kind: 'depth', limit: MAX_WORKFLOW_YAML_DEPTH };
      if (Array.isArray(current)) {
        for (const element of current) stack.push([element, depth + 1]);
      } else {
        for (const [key, element] of Object.entries(current)) {
          chars += key.length;
          stack.push([element, depth + 1]);
        }
      }
    }
    if (chars > MAX_WORKFLOW_EXPANDED_CHARS) return { kind: 'chars', limit: MAX_WORKFLOW_EXPANDED_CHARS };
  }
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Steps of the raw tree (top-level `steps`, then each step's `steps`, `else` and `on-failure.fallback`). */
export function countRawSteps(raw: unknown): number {
  if (!isRecord(raw)) return 0;
  let count = 0;
  const lists: unknown[] = [raw.steps];
  while (lists.length > 0) {
    const list = lists.pop();
    if (!Array.isArray(list)) continue;
    for (const step of list) {
      count++;
      if (!isRecord(step)) continue;
      lists.push(step.steps, step.else);
      if (isRecord(step['on-failure'])) lists.push(step['on-failure'].fallback);
    }
  }
  return count;
}

export function describeExpandedBreach(breach: ExpandedLimitBreach): string {
  switch (breach.kind) {
    case 'depth':
      return `The workflow YAML nests deeper than ${breach.limit} levels.`;
    case 'nodes':
      return `The workflow YAML expands (through aliases) to more than ${breach.limit} values.`;
    case 'chars':
      return `The workflow YAML expands (through aliases) to more than ${breach.limit} characters of text.`;
  }
}
