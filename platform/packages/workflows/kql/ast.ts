/** KQL syntax tree of the in-memory condition language (workflow-engine §4). */

/** `*` inside an unquoted value; a string part is literal text. */
export const WILDCARD = Symbol('wildcard');
export type ValuePart = string | typeof WILDCARD;

export type KqlValue =
  | { kind: 'literal'; text: string; quoted: boolean }
  /** Unquoted value with at least one unescaped `*`; `parts` alternate literal text and wildcards. */
  | { kind: 'wildcard'; parts: ValuePart[]; text: string };

export type FieldSegment = string | number;

export type RangeOperator = '>=' | '<=' | '>' | '<';

export type KqlNode =
  | { type: 'or'; children: KqlNode[] }
  | { type: 'and'; children: KqlNode[] }
  | { type: 'not'; child: KqlNode }
  | { type: 'match'; field: FieldSegment[]; fieldText: string; value: KqlValue }
  | { type: 'range'; field: FieldSegment[]; fieldText: string; operator: RangeOperator; value: KqlValue }
  /** A bare term: always false, as in Kibana. */
  | { type: 'freeText'; value: KqlValue };

export class KqlSyntaxError extends Error {
  readonly type = 'KqlSyntaxError';
  /** 0-based offset in the query where parsing failed. */
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = 'KqlSyntaxError';
    this.position = position;
  }
}
