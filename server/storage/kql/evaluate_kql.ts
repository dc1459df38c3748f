import type { KqlNode } from './ast';

/** Values of a dotted path in a plain object (arrays flattened), as strings. */
function valuesAt(doc: Record<string, unknown>, path: string): string[] {
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    current = current.flatMap((v) => {
      if (v === null || typeof v !== 'object') return [];
      const next = (v as Record<string, unknown>)[part];
      return Array.isArray(next) ? next : next === undefined ? [] : [next];
    });
  }
  return current.filter((v) => v !== null && typeof v !== 'object').map(String);
}

const wildcardRegex = (pattern: string) =>
  new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');

/**
 * Evaluates a KQL AST against an in-memory document the way the ES translation behaves on keyword fields
 * (used for built-in prompts, which live in code, so one filter applies to stored and built-in prompts alike).
 * Text values compare case-insensitively; a phrase matches whole values or words within them.
 */
export function matchesKql(node: KqlNode, doc: Record<string, unknown>): boolean {
  switch (node.type) {
    case 'and':
      return node.nodes.every((n) => matchesKql(n, doc));
    case 'or':
      return node.nodes.some((n) => matchesKql(n, doc));
    case 'not':
      return !matchesKql(node.node, doc);
    case 'exists':
      return valuesAt(doc, node.field).length > 0;
    case 'range':
      return valuesAt(doc, node.field).some((v) => {
        const [a, b] = [Number(v), Number(node.value)];
        const cmp = Number.isFinite(a) && Number.isFinite(b) ? a - b : v.localeCompare(node.value);
        return node.op === 'gt' ? cmp > 0 : node.op === 'gte' ? cmp >= 0 : node.op === 'lt' ? cmp < 0 : cmp <= 0;
      });
    case 'match': {
      const values = valuesAt(doc, node.field).map((v) => v.toLowerCase());
      const wanted = node.value.value.toLowerCase();
      if (node.value.kind === 'phrase') return values.some((v) => v === wanted || v.includes(wanted));
      if (node.value.wildcard) {
        const re = wildcardRegex(node.value.value);
        return values.some((v) => re.test(v));
      }
      return values.some((v) => v === wanted || v.split(/\W+/).includes(wanted));
    }
  }
}
