export { parseKql } from './kql_parser';
export { kqlToEs, nodeToEs, type EsQuery } from './kql_to_es';
export { KqlSyntaxError, type KqlNode, type KqlValue, type KqlValueExpression, type KqlRangeOperator } from './kql_ast';
