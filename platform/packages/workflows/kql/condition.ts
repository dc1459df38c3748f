import { KqlSyntaxError } from './ast';
import { evaluateKql } from './evaluator';
import { parseKql } from './parser';

/** A condition that cannot be evaluated (wrong type or KQL syntax); the engine fails the step with it. */
export class ConditionEvaluationError extends Error {
  readonly type = 'ConditionEvaluationError';

  constructor(message: string) {
    super(message);
    this.name = 'ConditionEvaluationError';
  }
}

/**
 * The `if` rules of workflow-engine §2.1 applied to an already rendered condition: a boolean is used as is;
 * `undefined`, `null` and `""` are false; any other string is KQL evaluated against `context`.
 */
export function evaluateCondition(rendered: unknown, stepName: string, context: unknown = {}): boolean {
  if (typeof rendered === 'boolean') return rendered;
  if (rendered === undefined || rendered === null || rendered === '') return false;
  if (typeof rendered !== 'string') {
    throw new ConditionEvaluationError(`Invalid condition type for step ${stepName}: expected boolean or string`);
  }
  let node;
  try {
    node = parseKql(rendered);
  } catch (error) {
    const detail = error instanceof KqlSyntaxError ? error.message : String(error);
    throw new ConditionEvaluationError(`Syntax error in condition "${rendered}" for step ${stepName}: ${detail}`);
  }
  return evaluateKql(node, context);
}
