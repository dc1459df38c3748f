import type { KqlNode, KqlValue, KqlValueExpression } from './kql_ast';
import { parseKql } from './kql_parser';

/** An Elasticsearch query DSL clause. */
export type EsQuery = Record<string, unknown>;

/**
 * Translates KQL into query DSL the way Kibana does, with the clauses the embedded engine serves (no
 * `query_string`): unquoted values → `match`, quoted → `match_phrase`, wildcards → `wildcard`, `f:*` → `exists`,
 * bare values → `multi_match` (lenient) over every field, and `simple_query_string` for bare wildcards.
 */
export function kqlToEs(kql: string): EsQuery {
  return nodeToEs(parseKql(kql));
}

export function nodeToEs(node: KqlNode): EsQuery {
  switch (node.kind) {
    case 'all':
      return { match_all: {} };
    case 'and':
      return { bool: { filter: node.operands.map(nodeToEs) } };
    case 'or':
      return { bool: { should: node.operands.map(nodeToEs), minimum_should_match: 1 } };
    case 'not':
      return { bool: { must_not: [nodeToEs(node.operand)] } };
    case 'range':
      return { range: { [node.field]: { [node.operator]: node.value.text } } };
    case 'freeText':
      return freeText(node.value);
    case 'match':
      return valueExpressionToEs(node.field, node.value);
  }
}

function valueExpressionToEs(field: string, expression: KqlValueExpression): EsQuery {
  switch (expression.kind) {
    case 'value':
      return fieldValue(field, expression.value);
    case 'and':
      return { bool: { filter: expression.operands.map((e) => valueExpressionToEs(field, e)) } };
    case 'or':
      return { bool: { should: expression.operands.map((e) => valueExpressionToEs(field, e)), minimum_should_match: 1 } };
    case 'not':
      return { bool: { must_not: [valueExpressionToEs(field, expression.operand)] } };
  }
}

function fieldValue(field: string, value: KqlValue): EsQuery {
  if (!value.quoted && value.text === '*') return { exists: { field } };
  if (field.includes('*')) {
    // A field pattern (`host.*: x`) searches every matching field.
    return { multi_match: { query: value.text, fields: [field], lenient: true, ...(value.quoted ? { type: 'phrase' } : {}) } };
  }
  if (value.wildcard) return { wildcard: { [field]: { value: value.pattern } } };
  if (value.quoted) return { match_phrase: { [field]: value.text } };
  return { match: { [field]: value.text } };
}

function freeText(value: KqlValue): EsQuery {
  if (value.wildcard) {
    return { simple_query_string: { query: value.text, fields: ['*'], lenient: true, default_operator: 'and' } };
  }
  return { multi_match: { query: value.text, lenient: true, type: value.quoted ? 'phrase' : 'best_fields' } };
}
