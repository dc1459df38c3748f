export { KqlSyntaxError, WILDCARD, type FieldSegment, type KqlNode, type KqlValue, type RangeOperator } from './ast';
export { parseKql } from './parser';
export { evaluateKql, hasFreeText, resolveKqlField } from './evaluator';
export { ConditionEvaluationError, evaluateCondition } from './condition';
