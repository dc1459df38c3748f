/** Query DSL: parse (index-independent, parse errors) then execute per SearchView (per-index errors). */
export type { QueryNode, TermValue } from './ast';
export { parseQuery, queryName } from './parse';
export { namedQueries } from './named_queries';
export { executeQuery, type ExecuteOptions } from './execute';
export type { Matches } from './matches';
export { scoreAt } from './matches';
export { fieldGroup, dateFormatOf, type FieldGroup } from './field_values';
export { isSimpleMatch, wildcardToRegExp } from './wildcard';
export { isPlainObject, tokenName } from './json_tokens';
export { queryShardException, shardMeta, JavaException } from './query_errors';
export { contains, intersectAll, unionAll, subtract } from './doc_set';
export { resolveMinimumShouldMatch } from './minimum_should_match';
export { parseSimpleQueryString } from './simple_query_string';
export { smallFloatRoundTrip } from './bm25';
