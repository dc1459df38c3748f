import { WILDCARD, type FieldSegment, type KqlNode, type KqlValue, type RangeOperator } from './ast';
import { parseKql } from './parser';

/*
 * In-memory KQL evaluation over a plain JSON context (workflow-engine §4 truth table). Only own properties are read,
 * so prototype members (`constructor`, `__proto__`) never resolve.
 */

const MISSING = Symbol('missing');
type Resolved = unknown | typeof MISSING;

const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/**
 * Resolves a field path. Crossing an array with a name segment collects the value from every element (flattened one
 * level); a numeric segment on an array indexes it.
 */
export function resolveKqlField(context: unknown, segments: FieldSegment[]): unknown {
  const result = resolve(context, segments, 0);
  return result === MISSING ? undefined : result;
}

function resolve(current: unknown, segments: FieldSegment[], index: number): Resolved {
  if (index === segments.length) return current;
  if (current === null || typeof current !== 'object') return MISSING;
  const segment = segments[index];
  if (Array.isArray(current)) {
    if (typeof segment === 'number') return segment < current.length ? resolve(current[segment], segments, index + 1) : MISSING;
    const collected: unknown[] = [];
    for (const element of current) {
      const value = resolve(element, segments, index);
      if (value === MISSING) continue;
      if (Array.isArray(value)) collected.push(...value);
      else collected.push(value);
    }
    return collected.length > 0 ? collected : MISSING;
  }
  const key = String(segment);
  if (!hasOwn(current, key)) return MISSING;
  return resolve((current as Record<string, unknown>)[key], segments, index + 1);
}

const isBareWildcard = (value: KqlValue): boolean => value.kind === 'wildcard' && value.parts.length === 1 && value.parts[0] === WILDCARD;

const globCache = new Map<string, RegExp>();
function globRegExp(value: Extract<KqlValue, { kind: 'wildcard' }>): RegExp {
  let regex = globCache.get(value.text);
  if (!regex) {
    const body = value.parts.map((part) => (part === WILDCARD ? '[\\s\\S]*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    regex = new RegExp(`^${body}$`);
    if (globCache.size > 500) globCache.clear();
    globCache.set(value.text, regex);
  }
  return regex;
}

/** `f:*`: not missing, not null, not an empty array (`""` exists). */
function exists(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

function matchScalar(actual: unknown, value: KqlValue): boolean {
  if (Array.isArray(actual)) return actual.some((element) => matchScalar(element, value));
  if (actual === undefined || actual === null) return false;
  if (value.kind === 'wildcard') {
    if (typeof actual === 'object') return isBareWildcard(value);
    return globRegExp(value).test(String(actual));
  }
  if (typeof actual === 'string') return actual === value.text;
  if (typeof actual === 'number') return actual === parseFloat(value.text);
  if (typeof actual === 'boolean') return actual === (value.text === 'true');
  return false;
}

function compare(left: number | string, operator: RangeOperator, right: number | string): boolean {
  switch (operator) {
    case '>=':
      return left >= right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '<':
      return left < right;
  }
}

function matchRange(actual: unknown, operator: RangeOperator, value: KqlValue): boolean {
  if (Array.isArray(actual)) return actual.some((element) => matchRange(element, operator, value));
  const text = value.text;
  if (typeof actual === 'string') return compare(actual, operator, text);
  if (typeof actual === 'number') {
    const bound = parseFloat(text);
    return !Number.isNaN(bound) && compare(actual, operator, bound);
  }
  if (typeof actual === 'boolean') return compare(Number(actual), operator, Number(text === 'true'));
  return false;
}

function evaluateNode(node: KqlNode, context: unknown): boolean {
  switch (node.type) {
    case 'or':
      return node.children.some((child) => evaluateNode(child, context));
    case 'and':
      return node.children.every((child) => evaluateNode(child, context));
    case 'not':
      return !evaluateNode(node.child, context);
    case 'freeText':
      return false;
    case 'match': {
      const actual = resolveKqlField(context, node.field);
      if (isBareWildcard(node.value)) return exists(actual);
      return matchScalar(actual, node.value);
    }
    case 'range':
      return matchRange(resolveKqlField(context, node.field), node.operator, node.value);
  }
}

/** Evaluates a parsed node or a KQL text (parse errors throw `KqlSyntaxError`) against a plain context object. */
export function evaluateKql(nodeOrText: KqlNode | string, context: unknown): boolean {
  const node = typeof nodeOrText === 'string' ? parseKql(nodeOrText) : nodeOrText;
  return evaluateNode(node, context);
}

/** True when the tree holds a bare (field-less) term, which always evaluates to false (validator warning). */
export function hasFreeText(node: KqlNode): boolean {
  switch (node.type) {
    case 'or':
    case 'and':
      return node.children.some(hasFreeText);
    case 'not':
      return hasFreeText(node.child);
    case 'freeText':
      return true;
    default:
      return false;
  }
}
