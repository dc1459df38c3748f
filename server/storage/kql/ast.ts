/** The KQL subset the `_find` filters accept (assistant.md §3.1): field comparisons, and/or/not, parentheses. */

export type KqlValue =
  /** Unquoted; `*` may appear as a wildcard. */
  | { kind: 'text'; value: string; wildcard: boolean }
  /** Quoted: an exact phrase, wildcards literal. */
  | { kind: 'phrase'; value: string };

export type KqlNode =
  | { type: 'and'; nodes: KqlNode[] }
  | { type: 'or'; nodes: KqlNode[] }
  | { type: 'not'; node: KqlNode }
  | { type: 'match'; field: string; value: KqlValue }
  /** `field:*` */
  | { type: 'exists'; field: string }
  | { type: 'range'; field: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: string };

export class KqlSyntaxError extends Error {
  override readonly name = 'KqlSyntaxError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}
