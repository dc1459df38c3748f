import { WorkflowStepError } from '../errors';
import type { WorkflowTemplating } from './templating';

/**
 * `if` conditions (§2.1): rendered first (a typed `${{ }}` keeps its type), then a boolean is used as is, undefined,
 * null and "" are false, other strings are KQL over the context; anything else is an error.
 */
export async function evaluateCondition(
  templating: WorkflowTemplating,
  condition: unknown,
  context: Record<string, unknown>,
  stepName: string,
): Promise<{ rendered: unknown; result: boolean }> {
  const rendered = typeof condition === 'string' ? await templating.render(condition, context) : condition;
  return { rendered, result: templating.evaluateCondition(rendered, stepName, context) };
}

/** A dotted/bracketed path such as `steps.x.output.hits.hits` (legacy foreach form, rule 3). */
const BARE_PATH = /^[A-Za-z_$][\w$-]*(\.[\w$-]+|\[\d+\])*$/;

function resolvePath(context: Record<string, unknown>, path: string): unknown {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let current: unknown = context;
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The five resolution rules of a `foreach` expression (§2.1). */
export async function resolveForeachItems(templating: WorkflowTemplating, expression: unknown, context: Record<string, unknown>): Promise<unknown[]> {
  let value: unknown;
  if (Array.isArray(expression)) {
    value = expression;
  } else if (typeof expression === 'string') {
    const trimmed = expression.trim();
    if (trimmed.startsWith('{{') && trimmed.endsWith('}}')) {
      value = await templating.evaluateExpression(trimmed, context);
    } else if (!trimmed.includes('{{') && BARE_PATH.test(trimmed) && resolvePath(context, trimmed) !== undefined) {
      value = resolvePath(context, trimmed);
    } else {
      value = await templating.render(expression, context);
    }
  } else {
    value = expression;
  }
  if (typeof value === 'string') {
    const text = value;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      throw new WorkflowStepError('ForeachParseError', `Unable to parse rendered value: ${text.slice(0, 200)}`);
    }
  }
  if (!Array.isArray(value)) {
    throw new WorkflowStepError(
      'ForeachTypeError',
      `Foreach expression must evaluate to an array. Expression "${typeof expression === 'string' ? expression : JSON.stringify(expression)}" resolved to ${describeType(value)}.`,
    );
  }
  return value;
}
