import { isRecord } from './object_path';

/** Assertion outcome: undefined when it holds, else a message for the report. */
export type AssertionFailure = string | undefined;

/** Java's Pattern.COMMENTS: unescaped whitespace and `#...` comments outside classes are ignored. */
export function stripRegexComments(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}

/** Java regex syntax that JS lacks: `\A`, `\Z`/`\z` anchors. `comments` applies Pattern.COMMENTS. */
export function toJsRegex(javaPattern: string, comments = true): RegExp {
  const source = (comments ? stripRegexComments(javaPattern) : javaPattern)
    .replace(/\\A/g, '^')
    .replace(/\\[Zz]/g, '$');
  return new RegExp(source);
}

/** Java's `find()`: `$` also matches before a final line terminator. */
export function regexFinds(javaPattern: string, text: string, comments = true): boolean {
  const regex = toJsRegex(javaPattern, comments);
  return regex.test(text) || (text.endsWith('\n') && regex.test(text.slice(0, -1)));
}

/** `"/.../"` expected values are regular expressions (after trimming). */
export function asRegexLiteral(expected: unknown): string | undefined {
  if (typeof expected !== 'string') return undefined;
  const trimmed = expected.trim();
  return trimmed.length > 2 && trimmed.startsWith('/') && trimmed.endsWith('/') ? trimmed.slice(1, -1) : undefined;
}

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** Deep equality by value: numbers compare numerically (151 == 151.0), maps ignore key order. */
export function valuesEqual(actual: unknown, expected: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (typeof expected === 'number' && typeof actual === 'number') return actual === expected;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => valuesEqual(actual[i], e));
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return false;
    const expectedKeys = Object.keys(expected);
    if (expectedKeys.length !== Object.keys(actual).length) return false;
    return expectedKeys.every((k) => k in actual && valuesEqual(actual[k], expected[k]));
  }
  return actual === expected;
}

/** A short description of where two values first differ. */
export function firstDifference(actual: unknown, expected: unknown, path = ''): string {
  if (isRecord(expected) && isRecord(actual)) {
    for (const key of Object.keys(expected)) {
      if (!(key in actual)) return `${path}${key}: missing (expected ${describe(expected[key])})`;
      if (!valuesEqual(actual[key], expected[key])) return firstDifference(actual[key], expected[key], `${path}${key}.`);
    }
    for (const key of Object.keys(actual)) {
      if (!(key in expected)) return `${path}${key}: unexpected ${describe(actual[key])}`;
    }
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${path || '$'}: expected ${expected.length} elements, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      if (!valuesEqual(actual[i], expected[i])) return firstDifference(actual[i], expected[i], `${path}${i}.`);
    }
  }
  return `${path.replace(/\.$/, '') || '$'}: expected ${describe(expected)}, got ${describe(actual)}`;
}

export function assertMatch(field: string, actual: unknown, expected: unknown): AssertionFailure {
  const regex = asRegexLiteral(expected);
  if (regex !== undefined) {
    if (typeof actual !== 'string') return `field [${field}] was expected to be a string matching /${regex}/ but was ${describe(actual)}`;
    return regexFinds(regex, actual) ? undefined : `field [${field}] ${describe(actual)} does not match /${regex}/`;
  }
  if (expected === null) return actual === null || actual === undefined ? undefined : `field [${field}] should be null but was ${describe(actual)}`;
  if (actual === undefined || actual === null) return `field [${field}] is null (expected ${describe(expected)})`;
  if (valuesEqual(actual, expected)) return undefined;
  return `field [${field}] didn't match: ${firstDifference(actual, expected)}`;
}

/** Java's toString of a parsed JSON value, as IsTrue/IsFalse assertions inspect it. */
function javaString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isFalsy(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  const text = javaString(value);
  return text === '' || text.toLowerCase() === 'false' || text === '0';
}

export function assertIsTrue(field: string, actual: unknown): AssertionFailure {
  return isFalsy(actual) ? `field [${field}] was expected to be true-ish but was ${describe(actual)}` : undefined;
}

export function assertIsFalse(field: string, actual: unknown): AssertionFailure {
  return isFalsy(actual) ? undefined : `field [${field}] was expected to be false-ish but was ${describe(actual)}`;
}

export function assertLength(field: string, actual: unknown, expected: unknown): AssertionFailure {
  let length: number;
  if (Array.isArray(actual) || typeof actual === 'string') length = actual.length;
  else if (isRecord(actual)) length = Object.keys(actual).length;
  else return `field [${field}] has no length (value ${describe(actual)})`;
  return length === Number(expected) ? undefined : `field [${field}] length ${length}, expected ${describe(expected)}`;
}

export type Comparison = 'gt' | 'gte' | 'lt' | 'lte';

export function assertCompare(op: Comparison, field: string, actual: unknown, expected: unknown): AssertionFailure {
  if (actual === undefined || actual === null) return `field [${field}] is null`;
  const a = typeof actual === 'string' && typeof expected === 'string' ? actual : Number(actual);
  const e = typeof actual === 'string' && typeof expected === 'string' ? expected : Number(expected);
  if (typeof a === 'number' && Number.isNaN(a)) return `field [${field}] is not comparable: ${describe(actual)}`;
  const holds = op === 'gt' ? a > e : op === 'gte' ? a >= e : op === 'lt' ? a < e : a <= e;
  return holds ? undefined : `field [${field}] ${describe(actual)} is not ${op} ${describe(expected)}`;
}

/** `contains`: a list holds an element equal to (or, for maps, a superset of) the expected value. */
export function assertContains(field: string, actual: unknown, expected: unknown): AssertionFailure {
  if (typeof actual === 'string' && typeof expected === 'string') {
    return actual.includes(expected) ? undefined : `field [${field}] ${describe(actual)} does not contain ${describe(expected)}`;
  }
  if (!Array.isArray(actual)) return `field [${field}] is not a list: ${describe(actual)}`;
  const found = actual.some((element) => {
    if (isRecord(expected) && isRecord(element)) {
      return Object.entries(expected).every(([k, v]) => k in element && valuesEqual(element[k], v));
    }
    return valuesEqual(element, expected);
  });
  return found ? undefined : `field [${field}] ${describe(actual)} does not contain ${describe(expected)}`;
}

export function assertCloseTo(field: string, actual: unknown, expected: unknown): AssertionFailure {
  if (!isRecord(expected) || typeof expected.value !== 'number' || typeof expected.error !== 'number') {
    return `close_to for [${field}] needs {value, error}`;
  }
  if (typeof actual !== 'number') return `field [${field}] is not a number: ${describe(actual)}`;
  return Math.abs(actual - expected.value) <= expected.error
    ? undefined
    : `field [${field}] ${actual} is not within ${expected.error} of ${expected.value}`;
}

/** Java's Map/List toString of a parsed JSON value (`{type=x, reason=y}`), which `catch: /regex/` matches against. */
export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(javaToString).join(', ')}]`;
  if (isRecord(value)) return `{${Object.entries(value).map(([k, v]) => `${k}=${javaToString(v)}`).join(', ')}}`;
  return String(value);
}
