/**
 * The parsed, index-independent form of the query DSL. Parsing checks syntax (parsing_exception, §11);
 * field types are only known per index, so type errors surface when a node is executed against a view.
 */
export type TermValue = string | number | boolean;
export type Operator = 'or' | 'and';
export type ZeroTermsQuery = 'none' | 'all';
export type MinimumShouldMatch = string | number | undefined;

export interface MatchAllNode { kind: 'match_all'; boost: number }
export interface MatchNoneNode { kind: 'match_none'; boost: number }
export interface TermNode { kind: 'term'; field: string; value: TermValue; caseInsensitive: boolean; boost: number }
export interface TermsNode { kind: 'terms'; field: string; values: TermValue[]; boost: number }
export interface RangeNode {
  kind: 'range';
  field: string;
  gt?: TermValue;
  gte?: TermValue;
  lt?: TermValue;
  lte?: TermValue;
  format?: string;
  timeZone?: string;
  boost: number;
}
export interface ExistsNode { kind: 'exists'; field: string; boost: number }
export interface IdsNode { kind: 'ids'; values: string[]; boost: number }
export interface PrefixNode { kind: 'prefix'; field: string; value: string; caseInsensitive: boolean; boost: number }
export interface WildcardNode { kind: 'wildcard'; field: string; value: string; caseInsensitive: boolean; boost: number }
export interface ConstantScoreNode { kind: 'constant_score'; filter: QueryNode; boost: number }
export interface BoolNode {
  kind: 'bool';
  must: QueryNode[];
  filter: QueryNode[];
  mustNot: QueryNode[];
  should: QueryNode[];
  minimumShouldMatch: MinimumShouldMatch;
  boost: number;
}
export interface DisMaxNode { kind: 'dis_max'; queries: QueryNode[]; tieBreaker: number; boost: number }
export interface BoostingNode { kind: 'boosting'; positive: QueryNode; negative: QueryNode; negativeBoost: number; boost: number }

export interface MatchOptions {
  operator: Operator;
  minimumShouldMatch: MinimumShouldMatch;
  analyzer?: string;
  zeroTermsQuery: ZeroTermsQuery;
  lenient: boolean;
  /** `AUTO`, `AUTO:3,6`, `0`, `1`, `2`; undefined = exact terms. */
  fuzziness?: string;
  prefixLength: number;
  maxExpansions: number;
}
export interface MatchNode extends MatchOptions { kind: 'match'; field: string; query: TermValue; boost: number }
export interface MatchPhraseNode {
  kind: 'match_phrase';
  field: string;
  query: TermValue;
  slop: number;
  analyzer?: string;
  zeroTermsQuery: ZeroTermsQuery;
  boost: number;
}
export interface MultiMatchNode extends MatchOptions {
  kind: 'multi_match';
  query: TermValue;
  /** Raw `field^boost` patterns; undefined = `index.query.default_field`. */
  fields: string[] | undefined;
  type: 'best_fields' | 'most_fields' | 'phrase';
  tieBreaker: number;
  slop: number;
  boost: number;
}

/** Flags of the simple query string syntax (Lucene SimpleQueryParser). */
export const SQS_FLAGS = {
  AND: 1,
  NOT: 2,
  OR: 4,
  PREFIX: 8,
  PHRASE: 16,
  PRECEDENCE: 32,
  ESCAPE: 64,
  WHITESPACE: 128,
  FUZZY: 256,
  NEAR: 512,
  SLOP: 512,
} as const;
export const SQS_ALL_FLAGS = 0xffff;

export interface SimpleQueryStringNode {
  kind: 'simple_query_string';
  query: string;
  fields: string[] | undefined;
  defaultOperator: Operator;
  flags: number;
  minimumShouldMatch: MinimumShouldMatch;
  lenient: boolean | undefined;
  analyzer?: string;
  analyzeWildcard: boolean;
  quoteFieldSuffix?: string;
  fuzzyPrefixLength: number;
  fuzzyMaxExpansions: number;
  boost: number;
}

export type QueryNode =
  | MatchAllNode
  | MatchNoneNode
  | TermNode
  | TermsNode
  | RangeNode
  | ExistsNode
  | IdsNode
  | PrefixNode
  | WildcardNode
  | ConstantScoreNode
  | BoolNode
  | DisMaxNode
  | BoostingNode
  | MatchNode
  | MatchPhraseNode
  | MultiMatchNode
  | SimpleQueryStringNode;
