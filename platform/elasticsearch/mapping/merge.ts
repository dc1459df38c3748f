import { DEFAULT_DATE_FORMAT } from '../dates';
import type { LeafFieldType } from '../search_view';
import { EsError } from '../errors';
import { mappingConflict, totalFieldsExceeded } from './errors';
import type { LeafMapper, Mapper, ObjectMapper, RootMapping } from './types';

/** Parameters whose value may change on an existing field (everything else must stay equal). */
const UPDATEABLE = new Set(['ignore_above', 'ignore_malformed', 'search_analyzer', 'search_quote_analyzer', 'meta', 'boost', 'eager_global_ordinals', 'fielddata', 'fielddata_frequency_filter', 'depth_limit', 'split_queries_on_whitespace', 'time_series_metric', 'on_script_error']);

function defaultOf(type: LeafFieldType, key: string): unknown {
  switch (key) {
    case 'index':
    case 'doc_values':
    case 'coerce':
      return true;
    case 'store':
    case 'ignore_malformed':
    case 'eager_global_ordinals':
    case 'fielddata':
    case 'index_phrases':
    case 'split_queries_on_whitespace':
    case 'time_series_dimension':
      return false;
    case 'norms':
      return type === 'text';
    case 'index_options':
      return type === 'text' ? 'positions' : 'docs';
    case 'position_increment_gap':
      return 100;
    case 'analyzer':
      return 'default';
    case 'format':
      return DEFAULT_DATE_FORMAT;
    case 'ignore_above':
      return 2147483647;
    default:
      return undefined;
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function mergeLeaf(existing: LeafMapper, incoming: LeafMapper, path: string): LeafMapper {
  if (existing.type !== incoming.type) throw mappingConflict(`mapper [${path}] cannot be changed from type [${existing.type}] to [${incoming.type}]`);
  const params: Record<string, unknown> = {};
  const conflicts: string[] = [];
  const keys = new Set([...Object.keys(existing.params), ...Object.keys(incoming.params)]);
  for (const key of keys) {
    const before = existing.params[key];
    const after = incoming.params[key];
    const beforeEff = before ?? defaultOf(existing.type, key);
    const afterEff = after ?? defaultOf(existing.type, key);
    if (key === 'value' && existing.type === 'constant_keyword') {
      if (before !== undefined && after !== undefined && before !== after) conflicts.push(`Cannot update parameter [value] from [${show(before)}] to [${show(after)}]`);
      const v = before ?? after;
      if (v !== undefined) params[key] = v;
      continue;
    }
    if (key === 'meta' && after === undefined) {
      params[key] = before;
      continue;
    }
    if (same(beforeEff, afterEff)) {
      const keep = before !== undefined ? before : after;
      if (keep !== undefined) params[key] = keep;
    } else if (UPDATEABLE.has(key)) {
      if (after !== undefined) params[key] = after;
    } else {
      conflicts.push(`Cannot update parameter [${key}] from [${show(beforeEff)}] to [${show(afterEff)}]`);
    }
  }
  if (conflicts.length > 0) throw mappingConflict(`Mapper for [${path}] conflicts with existing mapper:\n\t${conflicts.join('\n\t')}`);
  const fields = new Map(existing.fields);
  for (const [name, sub] of incoming.fields) {
    const prev = fields.get(name);
    fields.set(name, prev ? mergeLeaf(prev, sub, `${path}.${name}`) : sub);
  }
  return { kind: 'leaf', type: existing.type, params, fields };
}

function typeName(m: Mapper): string {
  if (m.kind === 'leaf') return m.type;
  if (m.kind === 'alias') return 'alias';
  return m.nested ? 'nested' : 'object';
}

export function mergeMapper(existing: Mapper, incoming: Mapper, path: string): Mapper {
  if (existing.kind === 'object') {
    if (incoming.kind !== 'object') throw mappingConflict(`can't merge a non object mapping [${path}] with an object mapping`);
    return mergeObject(existing, incoming, path);
  }
  if (incoming.kind !== existing.kind) throw mappingConflict(`mapper [${path}] cannot be changed from type [${typeName(existing)}] to [${typeName(incoming)}]`);
  if (existing.kind === 'alias' && incoming.kind === 'alias') return incoming;
  if (existing.kind === 'leaf' && incoming.kind === 'leaf') return mergeLeaf(existing, incoming, path);
  throw mappingConflict(`mapper [${path}] cannot be changed from type [${typeName(existing)}] to [${typeName(incoming)}]`);
}

export function mergeObject(existing: ObjectMapper, incoming: ObjectMapper, path: string): ObjectMapper {
  if (existing.nested !== incoming.nested) {
    throw mappingConflict(existing.nested ? `can't merge a non-nested mapping [${path}] with a nested mapping` : `can't merge a nested mapping [${path}] with a non-nested mapping`);
  }
  if (existing.enabled !== incoming.enabled) throw mappingConflict(`the [enabled] parameter can't be updated for the object mapping [${path}]`);
  let properties = existing.properties;
  if (incoming.properties.size > 0) {
    const merged = new Map(existing.properties);
    for (const [name, mapper] of incoming.properties) {
      const prev = merged.get(name);
      const childPath = path ? `${path}.${name}` : name;
      merged.set(name, prev ? mergeMapper(prev, mapper, childPath) : mapper);
    }
    properties = merged;
  }
  return {
    kind: 'object',
    nested: existing.nested,
    dynamic: incoming.dynamic ?? existing.dynamic,
    enabled: existing.enabled,
    extra: { ...existing.extra, ...incoming.extra },
    properties,
  };
}

/** Number of fields counted against `index.mapping.total_fields.limit` (leaves, multi-fields, aliases, objects). */
export function countFields(root: ObjectMapper): number {
  let n = 0;
  const visit = (o: ObjectMapper): void => {
    for (const m of o.properties.values()) {
      n += 1;
      if (m.kind === 'object') visit(m);
      else if (m.kind === 'leaf') n += m.fields.size;
    }
  };
  visit(root);
  return n;
}

export function checkTotalFields(before: RootMapping, after: RootMapping, limit: number): void {
  const n = countFields(after.root);
  if (n > limit) throw totalFieldsExceeded(limit, Math.max(1, n - countFields(before.root)));
}

/** Aliases must point at an existing leaf that is neither an alias nor inside a nested object. */
export function validateAliases(mapping: RootMapping): void {
  const resolve = (path: string): Mapper | undefined => {
    let obj: ObjectMapper = mapping.root;
    const parts = path.split('.');
    for (let i = 0; i < parts.length; i++) {
      const m = obj.properties.get(parts[i]);
      if (!m) {
        return undefined;
      }
      if (i === parts.length - 1) return m;
      if (m.kind === 'leaf' && i === parts.length - 2) return m.fields.get(parts[i + 1]);
      if (m.kind !== 'object') return undefined;
      obj = m;
    }
    return undefined;
  };
  const visit = (o: ObjectMapper, prefix: string): void => {
    for (const [name, m] of o.properties) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (m.kind === 'object') visit(m, path);
      else if (m.kind === 'alias') {
        const target = resolve(m.path);
        if (target === undefined || target.kind === 'object') {
          throw new EsError(400, 'mapper_parsing_exception', `Invalid [path] value [${m.path}] for field alias [${path}]: an alias must refer to an existing field in the mappings.`);
        }
        if (target.kind === 'alias') {
          throw new EsError(400, 'mapper_parsing_exception', `Invalid [path] value [${m.path}] for field alias [${path}]: an alias cannot refer to another alias.`);
        }
        if (m.path === path) throw new EsError(400, 'mapper_parsing_exception', `Invalid [path] value [${m.path}] for field alias [${path}]: an alias cannot refer to itself.`);
      }
    }
  };
  visit(mapping.root, '');
}

/** Merges an incoming (already parsed) mapping into the existing one; root options come from `incoming`. */
export function mergeRoot(existing: RootMapping, incoming: RootMapping): RootMapping {
  const root = mergeObject(existing.root, incoming.root, '');
  return { ...incoming, root };
}
