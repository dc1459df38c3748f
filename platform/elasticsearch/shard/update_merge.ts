import { LosslessNumber } from './lossless_json';

type Json = Record<string, unknown>;

function numeric(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof LosslessNumber) return v.value;
  return undefined;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof LosslessNumber);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof LosslessNumber || b instanceof LosslessNumber) {
    if (a instanceof LosslessNumber && b instanceof LosslessNumber) return a.text === b.text;
    const x = numeric(a);
    const y = numeric(b);
    return x !== undefined && y !== undefined && x === y;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/**
 * ES partial-document merge (XContentHelper.update): key by key, recursing only when both sides are
 * objects; dotted keys are literal keys. Returns the merged copy and whether anything changed.
 */
export function mergeDoc(source: Json, changes: Json): { merged: Json; changed: boolean } {
  const merged: Json = { ...source };
  let changed = false;
  for (const key of Object.keys(changes)) {
    const next = changes[key];
    const prev = merged[key];
    if (isObject(prev) && isObject(next)) {
      const inner = mergeDoc(prev, next);
      merged[key] = inner.merged;
      changed = changed || inner.changed;
    } else {
      if (!Object.prototype.hasOwnProperty.call(merged, key) || !deepEqual(prev, next)) changed = true;
      merged[key] = next;
    }
  }
  return { merged, changed };
}
