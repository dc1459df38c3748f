/** Reading alert `_source`s that mix dotted keys (`kibana.alert.rule.name`) and nested objects, as alerts do. */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Expands dotted keys into nested objects, recursively (arrays of objects too), merging with objects already there:
 * `{"kibana.alert.rule.name": "x", kibana: {alert: {uuid: "u"}}}` → `{kibana: {alert: {uuid: "u", rule: {name: "x"}}}}`.
 * When a dotted key and a nested path both hold a scalar at the same place, the one written later in the source wins.
 */
export function expandDottedKeys(source: Json): Json {
  const out: Json = {};
  for (const [key, raw] of Object.entries(source)) {
    const value = expandValue(raw);
    const parts = key.split('.').filter((p) => p !== '');
    if (parts.length === 0) continue;
    let target = out;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      if (!isObject(next)) target[part] = {};
      target = target[part] as Json;
    }
    const last = parts[parts.length - 1];
    const existing = target[last];
    target[last] = isObject(existing) && isObject(value) ? mergeDeep(existing, value) : value;
  }
  return out;
}

function expandValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expandValue);
  if (isObject(value)) return expandDottedKeys(value);
  return value;
}

function mergeDeep(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    out[key] = isObject(existing) && isObject(value) ? mergeDeep(existing, value) : value;
  }
  return out;
}

/** A field by its dotted path from a source in any mix of dotted and nested keys (`getField(src, 'host.name')`). */
export function getField(source: unknown, path: string): unknown {
  if (!isObject(source)) return undefined;
  if (path in source) return source[path];
  const parts = path.split('.');
  // Try every split point: `kibana.alert` + `rule.name`, `kibana` + `alert.rule.name`, …
  for (let i = parts.length - 1; i >= 1; i -= 1) {
    const head = parts.slice(0, i).join('.');
    if (head in source) {
      const found = getField(source[head], parts.slice(i).join('.'));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The first string of a field that may be a string or an array of strings. */
export function getString(source: unknown, path: string): string | undefined {
  const value = getField(source, path);
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first;
  if (typeof first === 'number' || typeof first === 'boolean') return String(first);
  return undefined;
}
