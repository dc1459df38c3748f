/**
 * One reader for alert sources in every form Elastic Security writes them: `kibana.*` as flat dotted keys,
 * ECS fields as nested objects, and any mix of the two (triage-steps §2 "Field access").
 */

export type AlertSource = Readonly<Record<string, unknown>>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** Whether an object has any dotted own key; nested ECS objects usually have none, which skips the prefix search. */
const dottedKeysCache = new WeakMap<object, boolean>();
function hasDottedKeys(obj: Record<string, unknown>): boolean {
  let cached = dottedKeysCache.get(obj);
  if (cached === undefined) {
    cached = Object.keys(obj).some((key) => key.includes('.'));
    dottedKeysCache.set(obj, cached);
  }
  return cached;
}

function readSegments(node: unknown, segments: readonly string[], start: number): unknown {
  if (start >= segments.length) return node;
  if (Array.isArray(node)) {
    // An array met before the path ends: read the rest from every element and flatten.
    const out: unknown[] = [];
    for (const element of node) {
      const value = readSegments(element, segments, start);
      if (value === undefined) continue;
      if (Array.isArray(value)) out.push(...value);
      else out.push(value);
    }
    return out.length > 0 ? out : undefined;
  }
  if (!isPlainObject(node)) return undefined;
  if (!hasDottedKeys(node)) {
    const key = segments[start];
    return hasOwn(node, key) ? readSegments(node[key], segments, start + 1) : undefined;
  }
  // Longest own-key prefix first, so `{"kibana.alert.rule.name": …}` wins over a nested `kibana` object's miss.
  for (let end = segments.length; end > start; end--) {
    const key = end - start === 1 ? segments[start] : segments.slice(start, end).join('.');
    if (hasOwn(node, key)) {
      const value = readSegments(node[key], segments, end);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

const segmentCache = new Map<string, readonly string[]>();
const MAX_CACHED_PATHS = 10_000;
function segmentsOf(path: string): readonly string[] {
  let segments = segmentCache.get(path);
  if (segments === undefined) {
    segments = path.split('.');
    // Paths come from code and step input, a small set; the bound only guards against unbounded callers.
    if (segmentCache.size < MAX_CACHED_PATHS) segmentCache.set(path, segments);
  }
  return segments;
}

/** The raw value at a dotted path (flat, nested or mixed); arrays crossed on the way are mapped and flattened. */
export function readRaw(src: unknown, path: string): unknown {
  if (path === '') return undefined;
  return readSegments(src, segmentsOf(path), 0);
}

/** Every scalar leaf of a raw value, arrays flattened (nested arrays too), in order. */
export function leaves(raw: unknown): unknown[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return [raw];
  const out: unknown[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else out.push(value);
  };
  walk(raw);
  return out;
}

/** Cut to `maxLen` UTF-16 units plus `…`, never splitting a surrogate pair. */
export function truncateValue(value: string, maxLen: number): string {
  if (value.length <= maxLen) return value;
  let end = Math.max(0, maxLen);
  const code = value.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

/** Displayable values: objects and nulls dropped, numbers/booleans stringified, trimmed, empties dropped, truncated. */
export function values(src: unknown, path: string, maxLen: number): string[] | undefined {
  const out: string[] = [];
  for (const leaf of leaves(readRaw(src, path))) {
    let str: string;
    if (typeof leaf === 'string') str = leaf;
    else if (typeof leaf === 'number' || typeof leaf === 'boolean' || typeof leaf === 'bigint') str = String(leaf);
    else continue;
    str = str.trim();
    if (str === '') continue;
    out.push(truncateValue(str, maxLen));
  }
  return out.length > 0 ? out : undefined;
}

/** All values joined with `, ` (not just the first), or undefined. */
export function text(src: unknown, path: string, maxLen: number): string | undefined {
  return values(src, path, maxLen)?.join(', ');
}

/** `Number(first leaf)`; null, empty, boolean, object or non-finite gives undefined. */
export function num(src: unknown, path: string): number | undefined {
  const first = leaves(readRaw(src, path)).find((leaf) => leaf !== null && leaf !== undefined);
  if (typeof first === 'number') return Number.isFinite(first) ? first : undefined;
  if (typeof first === 'string') {
    if (first.trim() === '') return undefined;
    const n = Number(first);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** The trimmed, non-empty string leaves only, never truncated (entity extraction, §4.2). */
export function stringLeaves(src: unknown, path: string): string[] {
  const out: string[] = [];
  for (const leaf of leaves(readRaw(src, path))) {
    if (typeof leaf !== 'string') continue;
    const trimmed = leaf.trim();
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}

function lowercasedIncludes(src: unknown, path: string, expected: string): boolean {
  const wanted = expected.toLowerCase();
  return (values(src, path, Number.MAX_SAFE_INTEGER) ?? []).some((value) => value.toLowerCase() === wanted);
}

export const categoryIs = (src: unknown, category: string): boolean =>
  lowercasedIncludes(src, 'event.category', category);
export const datasetIs = (src: unknown, dataset: string): boolean => lowercasedIncludes(src, 'event.dataset', dataset);
export const ruleTypeIs = (src: unknown, ruleType: string): boolean =>
  lowercasedIncludes(src, 'kibana.alert.rule.type', ruleType);

/** A source bound to a value-length limit, so renderers read fields without repeating the limit. */
export interface AlertFieldReader {
  readonly source: AlertSource;
  readonly maxValueLength: number;
  raw(path: string): unknown;
  values(path: string): string[] | undefined;
  text(path: string): string | undefined;
  /** The first of `paths` that has a value, rendered with `text`. */
  firstText(...paths: string[]): string | undefined;
  num(path: string): number | undefined;
  has(path: string): boolean;
  categoryIs(category: string): boolean;
  datasetIs(dataset: string): boolean;
  ruleTypeIs(ruleType: string): boolean;
}

export function createAlertFieldReader(source: AlertSource, maxValueLength: number): AlertFieldReader {
  const cache = new Map<string, string[] | undefined>();
  const lowered = new Map<string, Set<string>>();
  const loweredValues = (path: string): Set<string> => {
    let set = lowered.get(path);
    if (set === undefined) {
      set = new Set((values(source, path, Number.MAX_SAFE_INTEGER) ?? []).map((value) => value.toLowerCase()));
      lowered.set(path, set);
    }
    return set;
  };
  const cachedValues = (path: string): string[] | undefined => {
    if (!cache.has(path)) cache.set(path, values(source, path, maxValueLength));
    return cache.get(path);
  };
  const reader: AlertFieldReader = {
    source,
    maxValueLength,
    raw: (path) => readRaw(source, path),
    values: cachedValues,
    text: (path) => cachedValues(path)?.join(', '),
    firstText: (...paths) => {
      for (const path of paths) {
        const value = reader.text(path);
        if (value !== undefined) return value;
      }
      return undefined;
    },
    num: (path) => num(source, path),
    has: (path) => cachedValues(path) !== undefined,
    categoryIs: (category) => loweredValues('event.category').has(category.toLowerCase()),
    datasetIs: (dataset) => loweredValues('event.dataset').has(dataset.toLowerCase()),
    ruleTypeIs: (ruleType) => loweredValues('kibana.alert.rule.type').has(ruleType.toLowerCase()),
  };
  return reader;
}
