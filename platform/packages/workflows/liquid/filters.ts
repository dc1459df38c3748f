/** The custom filters of workflow-engine §3.1 (pure functions, registered by the factory). */

const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Parses a JSON string; non-strings and unparsable strings pass through unchanged. */
export function jsonParseFilter(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** `{a: 1}` → `[{key: 'a', value: 1}]`; anything else passes through. */
export function entriesFilter(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  return Object.keys(value).map((key) => ({ key, value: value[key] }));
}

/** Keeps only the given dotted paths (`pick: "a.b", "c"`), rebuilding the nesting; non-objects pass through. */
export function pickFilter(value: unknown, ...paths: unknown[]): unknown {
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const path of paths) {
    if (typeof path !== 'string' || path === '') continue;
    const keys = path.split('.');
    let source: unknown = value;
    let found = true;
    for (const key of keys) {
      if (isPlainObject(source) && hasOwn(source, key)) source = source[key];
      else {
        found = false;
        break;
      }
    }
    if (!found) continue;
    let target = result;
    keys.slice(0, -1).forEach((key) => {
      if (!isPlainObject(target[key])) target[key] = {};
      target = target[key] as Record<string, unknown>;
    });
    target[keys[keys.length - 1]] = source;
  }
  return result;
}
