/** The parsed form of a KQL query (Kibana's query language), as far as the alert picker needs it. */

/** A value as typed: quoted values are phrases and never wildcards; unquoted ones may hold unescaped `*`. */
export interface KqlValue {
  /** The value with escapes resolved (a wildcard `*` stays `*`). */
  text: string;
  quoted: boolean;
  /** Unquoted and containing at least one unescaped `*`. */
  wildcard: boolean;
  /** Elasticsearch `wildcard` pattern: unescaped `*` kept, literal `*`, `?` and `\` escaped. */
  pattern: string;
}

export type KqlValueExpression =
  | { kind: 'value'; value: KqlValue }
  | { kind: 'and' | 'or'; operands: KqlValueExpression[] }
  | { kind: 'not'; operand: KqlValueExpression };

export type KqlRangeOperator = 'gt' | 'gte' | 'lt' | 'lte';

export type KqlNode =
  | { kind: 'and' | 'or'; operands: KqlNode[] }
  | { kind: 'not'; operand: KqlNode }
  /** `field: value` or `field: (a or b)`; `field: *` has a wildcard value whose text is `*`. */
  | { kind: 'match'; field: string; value: KqlValueExpression }
  | { kind: 'range'; field: string; operator: KqlRangeOperator; value: KqlValue }
  /** A bare value without a field: searched in every field. */
  | { kind: 'freeText'; value: KqlValue }
  /** The empty query. */
  | { kind: 'all' };

export class KqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'KqlSyntaxError';
  }
}
