import type { Liquid } from 'liquidjs';
import { TemplateRenderError, UNSUPPORTED_TAGS_MESSAGE, UNSUPPORTED_TAG_PATTERN } from './errors';

/*
 * Rendering of `with`, config keys and other templated values (workflow-engine §3.2, §3.3).
 */

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `${{ … }}` with nothing around it: evaluated to a typed value. Block scalars ending in a newline do not qualify. */
export const isTypedExpression = (value: string): boolean => value.startsWith('${{') && value.endsWith('}}');

/** Has Liquid markup at all (plain strings render to themselves, so they skip the engine). */
export const hasTemplateMarkup = (value: string): boolean => value.includes('{{') || value.includes('{%');

/** Renders one template to a string; parse and render errors become `TemplateRenderError`. */
export async function renderTemplateString(template: string, context: object, liquid: Liquid): Promise<string> {
  if (UNSUPPORTED_TAG_PATTERN.test(template)) throw new TemplateRenderError(UNSUPPORTED_TAGS_MESSAGE);
  try {
    const rendered: unknown = await liquid.parseAndRender(template, context);
    return typeof rendered === 'string' ? rendered : String(rendered);
  } catch (error) {
    throw new TemplateRenderError(errorMessage(error));
  }
}

/**
 * Evaluates the expression between the first `{{` and the last `}}` (path or literal, operators, filters) and keeps
 * its type. A missing variable gives `undefined`.
 */
export async function evaluateTypedExpression(template: string, context: object, liquid: Liquid): Promise<unknown> {
  const invalid = () => new TemplateRenderError(`The provided expression is invalid. Got: ${template}.`);
  const open = template.indexOf('{{');
  const close = template.lastIndexOf('}}');
  if (open === -1 || close === -1 || close < open + 2) throw invalid();
  const expression = template.slice(open + 2, close).trim();
  if (expression === '') throw invalid();
  try {
    return await liquid.evalValue(expression, context);
  } catch {
    throw invalid();
  }
}

/**
 * Renders a value recursively: `null`, numbers and booleans unchanged; arrays per element; object values (never keys),
 * dropping keys whose value renders to `undefined`; typed `${{ }}` strings keep their type; other strings go through
 * Liquid and stay strings.
 */
export async function renderWorkflowValue(value: unknown, context: object, liquid: Liquid): Promise<unknown> {
  if (typeof value === 'string') {
    if (isTypedExpression(value)) return evaluateTypedExpression(value, context, liquid);
    if (!hasTemplateMarkup(value)) return value;
    return renderTemplateString(value, context, liquid);
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const element of value) out.push(await renderWorkflowValue(element, context, liquid));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, element] of Object.entries(value)) {
      const rendered = await renderWorkflowValue(element, context, liquid);
      // defineProperty: an own `__proto__` key (JSON.parse, YAML) stays data instead of becoming the object's prototype.
      if (rendered !== undefined) Object.defineProperty(out, key, { value: rendered, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/**
 * Parse-only check used by the validator: returns an error message (without LiquidJS's position suffix) or undefined.
 */
export function checkTemplateSyntax(template: string, liquid: Liquid): string | undefined {
  if (UNSUPPORTED_TAG_PATTERN.test(template)) return UNSUPPORTED_TAGS_MESSAGE;
  try {
    if (isTypedExpression(template)) {
      const open = template.indexOf('{{');
      const expression = template.slice(open + 2, template.lastIndexOf('}}')).trim();
      if (expression === '') return `The provided expression is invalid. Got: ${template}.`;
      liquid.parse(`{{ ${expression} }}`);
    } else {
      liquid.parse(template);
    }
    return undefined;
  } catch (error) {
    return new TemplateRenderError(errorMessage(error)).message;
  }
}
