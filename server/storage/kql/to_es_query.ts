import type { KqlNode } from './ast';
import { KqlSyntaxError } from './ast';

export type EsQuery = Record<string, unknown>;

/** ES `wildcard` treats `?` and `\` specially too; KQL only `*`. */
const escapeWildcard = (value: string) => value.replace(/[?\\]/g, (c) => `\\${c}`);

export interface KqlTranslationOptions {
  /** Stored field names a filter may use; others are rejected so typos do not silently match nothing. */
  allowedFields?: readonly string[];
}

/** KQL AST → Elasticsearch query DSL (unquoted → `match`, quoted → `match_phrase`, `*` → `wildcard`/`exists`). */
export function kqlToEsQuery(node: KqlNode, options: KqlTranslationOptions = {}): EsQuery {
  const allowed = options.allowedFields ? new Set(options.allowedFields) : undefined;
  const checkField = (field: string) => {
    if (allowed && !allowed.has(field)) {
      throw new KqlSyntaxError(`Unknown field [${field}] in filter; use one of: ${[...allowed].sort().join(', ')}`, 0);
    }
  };
  const walk = (n: KqlNode): EsQuery => {
    switch (n.type) {
      case 'and':
        return { bool: { filter: n.nodes.map(walk) } };
      case 'or':
        return { bool: { should: n.nodes.map(walk), minimum_should_match: 1 } };
      case 'not':
        return { bool: { must_not: [walk(n.node)] } };
      case 'exists':
        checkField(n.field);
        return { exists: { field: n.field } };
      case 'range':
        checkField(n.field);
        return { range: { [n.field]: { [n.op]: n.value } } };
      case 'match':
        checkField(n.field);
        if (n.value.kind === 'phrase') return { match_phrase: { [n.field]: n.value.value } };
        if (n.value.wildcard) return { wildcard: { [n.field]: { value: escapeWildcard(n.value.value), case_insensitive: true } } };
        return { match: { [n.field]: n.value.value } };
    }
  };
  return walk(node);
}
