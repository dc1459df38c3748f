/**
 * `_source` filtering as Elasticsearch's XContentMapValues.filter: a path (keys joined by `.`, whether
 * the source nests objects or uses dotted keys) is included when it matches an include pattern `p` or
 * `p.*`; excludes win; an included object keeps its subtree; objects emptied by includes disappear.
 */
import { parsingException } from '../errors';
import { isPlainObject } from '../query';
import { isSimpleMatch } from '../query';

export interface SourceFilter {
  includes: string[];
  excludes: string[];
}

/** Parses `_source` request forms; returns false when the source is disabled, undefined for "whole source". */
export function parseSourceFilter(spec: unknown): SourceFilter | false | undefined {
  if (spec === undefined || spec === null || spec === true) return undefined;
  if (spec === false) return false;
  if (typeof spec === 'string') {
    if (spec === 'true') return undefined;
    if (spec === 'false') return false;
    return { includes: spec.split(',').map((s) => s.trim()).filter((s) => s !== ''), excludes: [] };
  }
  if (Array.isArray(spec)) return { includes: spec.map(String), excludes: [] };
  if (isPlainObject(spec)) {
    const list = (v: unknown, key: string): string[] => {
      if (v === undefined || v === null) return [];
      if (typeof v === 'string') return [v];
      if (Array.isArray(v)) return v.map(String);
      throw parsingException(`Unknown key for a ${typeof v} in [${key}].`);
    };
    for (const k of Object.keys(spec)) {
      if (!['includes', 'include', 'excludes', 'exclude'].includes(k)) {
        throw parsingException(`Unknown key for a START_ARRAY in [${k}].`);
      }
    }
    const filter = {
      includes: [...list(spec.includes, 'includes'), ...list(spec.include, 'include')],
      excludes: [...list(spec.excludes, 'excludes'), ...list(spec.exclude, 'exclude')],
    };
    return filter.includes.length + filter.excludes.length === 0 ? undefined : filter;
  }
  throw parsingException(`[_source] unknown value [${String(spec)}]`);
}

function matchesAny(patterns: readonly string[], path: string): boolean {
  for (const p of patterns) {
    if (isSimpleMatch(p, path)) return true;
    if (path.length > p.length && isSimpleMatch(`${p}.*`, path)) return true;
  }
  return false;
}

/** The filtered source; `undefined` when `_source` is disabled by the filter (`false`). */
export function filterSource(source: Record<string, unknown>, filter: unknown): Record<string, unknown> | undefined {
  const parsed = parseSourceFilter(filter);
  if (parsed === false) return undefined;
  if (parsed === undefined) return source;
  return applySourceFilter(source, parsed);
}

export function applySourceFilter(source: Record<string, unknown>, filter: SourceFilter): Record<string, unknown> {
  return filterMap(source, '', filter, filter.includes.length === 0);
}

function filterMap(map: Record<string, unknown>, prefix: string, f: SourceFilter, inheritedInclude: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(map)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (matchesAny(f.excludes, path)) continue;
    const included = inheritedInclude || matchesAny(f.includes, path);
    if (isPlainObject(value)) {
      const sub = filterMap(value, path, f, included);
      if (included || Object.keys(sub).length > 0) out[key] = sub;
    } else if (Array.isArray(value)) {
      const sub = filterArray(value, path, f, included);
      if (included || sub.length > 0) out[key] = sub;
    } else if (included) {
      out[key] = value;
    }
  }
  return out;
}

function filterArray(values: readonly unknown[], path: string, f: SourceFilter, included: boolean): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (isPlainObject(v)) {
      const sub = filterMap(v, path, f, included);
      if (Object.keys(sub).length > 0) out.push(sub);
    } else if (Array.isArray(v)) {
      const sub = filterArray(v, path, f, included);
      if (sub.length > 0) out.push(sub);
    } else if (included) {
      out.push(v);
    }
  }
  return out;
}
