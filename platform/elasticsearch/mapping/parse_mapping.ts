import { unsupported } from '../errors';
import { getAnalyzer } from '../analysis';
import type { LeafFieldType } from '../search_view';
import { mapperParsing, mapperParsingCausedBy } from './errors';
import { LEAF_PARAMS, UNSUPPORTED_TYPES, isLeafType, isNumericType } from './field_types';
import type { AliasMapper, DynamicSetting, DynamicTemplate, LeafMapper, MatchMappingType, Mapper, ObjectMapper, RootMapping } from './types';
import { ValueError, parseBooleanValue, parseDateValue, parseIpValue, parseNumeric, normalizedKeyword } from './values';

type Json = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const EMPTY_ROOT: RootMapping = {
  root: { kind: 'object', nested: false, dynamic: undefined, enabled: true, extra: {}, properties: new Map() },
  dynamicTemplates: [],
  dateDetection: true,
  numericDetection: false,
  dynamicDateFormats: undefined,
  meta: {},
};

function describe(v: unknown): string {
  if (isPlainObject(v)) return `{${Object.entries(v).map(([k, x]) => `${k}=${describe(x)}`).join(', ')}}`;
  if (Array.isArray(v)) return `[${v.map(describe).join(', ')}]`;
  return String(v);
}

function unsupportedParams(where: string, params: Json): never {
  const list = Object.entries(params).map(([k, v]) => `[${k} : ${describe(v)}]`).join(' ');
  throw mapperParsing(`${where} has unsupported parameters:  ${list}`);
}

export function parseBool(value: unknown, param: string, field: string): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw mapperParsing(`Failed to parse value [${String(value)}] as only [true] or [false] are allowed. for parameter [${param}] on field [${field}]`);
}

export function parseDynamic(value: unknown, field: string): DynamicSetting {
  if (value === true || value === 'true') return 'true';
  if (value === false || value === 'false') return 'false';
  if (value === 'strict') return 'strict';
  if (value === 'runtime') throw unsupported('runtime_mappings', 'dynamic [runtime]');
  throw mapperParsing(`Could not convert [${field}.dynamic] to boolean`);
}

/**
 * Parses the `mappings` object of a create-index / put-mapping request (a single `_doc` wrapper is
 * accepted, as ES 8+ does). Throws mapper_parsing_exception or §11 errors.
 */
export function parseRootMapping(input: unknown, base: RootMapping = EMPTY_ROOT): RootMapping {
  if (input === undefined || input === null) return base;
  if (!isPlainObject(input)) throw mapperParsing('Root mapping definition must be an object');
  let body = input;
  const keys = Object.keys(body);
  if (keys.length === 1 && keys[0] === '_doc' && isPlainObject(body._doc)) body = body._doc;
  const rest: Json = {};
  let dynamic = base.root.dynamic;
  let dynamicTemplates = base.dynamicTemplates;
  let dateDetection = base.dateDetection;
  let numericDetection = base.numericDetection;
  let dynamicDateFormats = base.dynamicDateFormats;
  const meta: Json = { ...base.meta };
  let properties: Map<string, Mapper> = new Map();
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case 'properties':
        properties = parseProperties(value, '');
        break;
      case 'dynamic':
        dynamic = parseDynamic(value, '_doc');
        break;
      case 'dynamic_templates':
        dynamicTemplates = mergeDynamicTemplates(base.dynamicTemplates, parseDynamicTemplates(value));
        break;
      case 'date_detection':
        dateDetection = parseBool(value, key, '_doc');
        break;
      case 'numeric_detection':
        numericDetection = parseBool(value, key, '_doc');
        break;
      case 'dynamic_date_formats':
        if (!Array.isArray(value) || !value.every((f) => typeof f === 'string')) throw mapperParsing('[dynamic_date_formats] must be an array of date formats');
        dynamicDateFormats = value as string[];
        break;
      case 'runtime':
        throw unsupported('runtime_mappings', 'runtime fields');
      case 'subobjects':
        if (value === false || value === 'false') throw unsupported('subobjects', 'subobjects [false]');
        break;
      case '_meta':
        if (!isPlainObject(value)) throw mapperParsing('[_meta] must be an object');
        meta._meta = value;
        break;
      case '_source':
      case '_routing':
        if (!isPlainObject(value)) throw mapperParsing(`[${key}] must be an object`);
        if (key === '_source' && (value.enabled === false || value.enabled === 'false' || value.mode === 'synthetic')) {
          throw unsupported('source_disabled', '_source [enabled:false] or synthetic _source');
        }
        meta[key] = value;
        break;
      case '_field_names':
      case '_data_stream_timestamp':
        meta[key] = value;
        break;
      default:
        rest[key] = value;
    }
  }
  if (Object.keys(rest).length > 0) unsupportedParams('Root mapping definition', rest);
  const root: ObjectMapper = { kind: 'object', nested: false, dynamic, enabled: true, extra: {}, properties };
  return { root, dynamicTemplates, dateDetection, numericDetection, dynamicDateFormats, meta };
}

/** `properties` of an object; dotted names expand into object chains (`"a.b": {...}` ≡ `a: {properties: {b}}`). */
export function parseProperties(value: unknown, parentPath: string): Map<string, Mapper> {
  if (!isPlainObject(value)) throw mapperParsing(`Expected map for property [properties] on field [${parentPath || '_doc'}] but got a class java.lang.${typeof value === 'string' ? 'String' : 'Object'}`);
  const out = new Map<string, Mapper>();
  for (const [name, def] of Object.entries(value)) {
    if (name.trim() === '') throw mapperParsingCausedBy('illegal_argument_exception', name === '' ? 'field name cannot be an empty string' : `field name cannot contain only whitespace: ['${name}']`);
    const parts = name.split('.');
    if (parts.some((p) => p === '')) throw mapperParsing(`field name cannot contain only whitespace: ['${name}']`);
    const first = parts[0];
    const firstPath = parentPath ? `${parentPath}.${first}` : first;
    if (parts.length === 1) {
      if (!isPlainObject(def)) throw mapperParsing(`Expected map for property [fields] on field [${name}] but got a class java.lang.String`);
      const parsed = parseField(first, firstPath, def);
      const existing = out.get(first);
      out.set(first, existing ? combineSameRequest(existing, parsed, firstPath) : parsed);
    } else {
      const nestedDef = { properties: { [parts.slice(1).join('.')]: def } };
      const parsed = parseField(first, firstPath, nestedDef);
      const existing = out.get(first);
      out.set(first, existing ? combineSameRequest(existing, parsed, firstPath) : parsed);
    }
  }
  return out;
}

/** Two definitions of one object in one request (`a` and `a.b`): their properties are unioned. */
function combineSameRequest(a: Mapper, b: Mapper, path: string): Mapper {
  if (a.kind === 'object' && b.kind === 'object') {
    const props = new Map(a.properties);
    for (const [k, v] of b.properties) {
      const prev = props.get(k);
      props.set(k, prev ? combineSameRequest(prev, v, `${path}.${k}`) : v);
    }
    return { ...a, properties: props };
  }
  throw mapperParsing(`Field [${path}] is defined more than once`);
}

export function parseField(name: string, path: string, def: Json): Mapper {
  const type = def.type;
  if (type === undefined || type === 'object' || type === 'nested') {
    return parseObject(path, def, type === 'nested');
  }
  if (typeof type !== 'string') throw mapperParsing(`No type specified for field [${name}]`);
  if (type === 'alias') return parseAlias(path, def);
  if (type === 'runtime') throw unsupported('runtime_mappings', 'runtime fields');
  const unsupportedFeature = UNSUPPORTED_TYPES[type];
  if (unsupportedFeature !== undefined) throw unsupported(unsupportedFeature, `field type [${type}]`);
  if (!isLeafType(type)) throw mapperParsing(`No handler for type [${type}] declared on field [${name}]`);
  return parseLeaf(name, path, type, def, false);
}

function parseAlias(path: string, def: Json): AliasMapper {
  for (const key of Object.keys(def)) {
    if (key !== 'type' && key !== 'path') throw mapperParsing(`unknown parameter [${key}] on mapper [${path}] of type [alias]`);
  }
  if (typeof def.path !== 'string' || def.path === '') throw mapperParsing(`The [path] property must be specified for field [${path}].`);
  return { kind: 'alias', path: def.path };
}

function parseObject(path: string, def: Json, nested: boolean): ObjectMapper {
  let dynamic: DynamicSetting | undefined;
  let enabled = true;
  let properties = new Map<string, Mapper>();
  const extra: Json = {};
  const rest: Json = {};
  for (const [key, value] of Object.entries(def)) {
    switch (key) {
      case 'type':
        break;
      case 'properties':
        properties = parseProperties(value, path);
        break;
      case 'dynamic':
        dynamic = parseDynamic(value, path);
        break;
      case 'enabled':
        enabled = parseBool(value, key, path);
        break;
      case 'subobjects':
        if (value === false || value === 'false') throw unsupported('subobjects', 'subobjects [false]');
        break;
      case 'include_in_parent':
      case 'include_in_root':
        if (!nested) rest[key] = value;
        else extra[key] = parseBool(value, key, path);
        break;
      case 'copy_to':
        throw unsupported('copy_to', 'copy_to');
      default:
        rest[key] = value;
    }
  }
  if (Object.keys(rest).length > 0) unsupportedParams(`Mapping definition for [${path}]`, rest);
  return { kind: 'object', nested, dynamic, enabled, extra, properties };
}

const TEXT_INDEX_OPTIONS = ['docs', 'freqs', 'positions', 'offsets'];

function parseLeaf(name: string, path: string, type: LeafFieldType, def: Json, multiField: boolean): LeafMapper {
  const allowed = LEAF_PARAMS[type];
  const params: Json = {};
  let fields = new Map<string, LeafMapper>();
  for (const [key, value] of Object.entries(def)) {
    if (key === 'type') continue;
    if (key === 'fields') {
      if (multiField) throw mapperParsing(`Field [${name}] cannot be a multi-field of a multi-field`);
      if (!isPlainObject(value)) throw mapperParsing(`Expected map for property [fields] on field [${name}] but got a class java.lang.String`);
      fields = parseMultiFields(path, value);
      continue;
    }
    if (key === 'copy_to') throw unsupported('copy_to', 'copy_to');
    if (key === 'script') throw unsupported('script', 'script fields in mappings');
    if (!allowed.includes(key)) throw mapperParsing(`unknown parameter [${key}] on mapper [${name}] of type [${type}]`);
    params[key] = normalizeParam(type, key, value, name);
  }
  if (type === 'scaled_float' && params.scaling_factor === undefined) throw mapperParsing(`Field [scaling_factor] is required`);
  if (type === 'text' && params.search_analyzer !== undefined && params.analyzer === undefined) {
    throw mapperParsing(`analyzer on field [${name}] must be set when search_analyzer is set`);
  }
  if (params.null_value !== undefined && params.null_value !== null) validateNullValue(type, params, name);
  return { kind: 'leaf', type, params, fields };
}

function parseMultiFields(path: string, value: Json): Map<string, LeafMapper> {
  const out = new Map<string, LeafMapper>();
  for (const [sub, def] of Object.entries(value)) {
    if (!isPlainObject(def)) throw mapperParsing(`Expected map for property [fields] on field [${sub}] but got a class java.lang.String`);
    if (sub.includes('.')) throw mapperParsing(`Field name [${sub}] which is a multi field of [${path}] cannot contain '.'`);
    const type = def.type ?? 'object';
    if (typeof type !== 'string') throw mapperParsing(`No type specified for field [${sub}]`);
    const feature = UNSUPPORTED_TYPES[type];
    if (feature !== undefined) throw unsupported(feature, `field type [${type}]`);
    if (type === 'object' || type === 'nested' || type === 'alias') throw mapperParsing(`Type [${type}] cannot be used in multi field`);
    if (!isLeafType(type)) throw mapperParsing(`No handler for type [${type}] declared on field [${sub}]`);
    out.set(sub, parseLeaf(sub, `${path}.${sub}`, type, def, true));
  }
  return out;
}

function normalizeParam(type: LeafFieldType, key: string, value: unknown, field: string): unknown {
  switch (key) {
    case 'index':
    case 'doc_values':
    case 'store':
    case 'norms':
    case 'coerce':
    case 'ignore_malformed':
    case 'eager_global_ordinals':
    case 'fielddata':
    case 'index_phrases':
    case 'split_queries_on_whitespace':
    case 'time_series_dimension':
      return parseBool(value, key, field);
    case 'ignore_above':
    case 'position_increment_gap':
    case 'depth_limit': {
      const n = typeof value === 'string' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw mapperParsing(`Failed to parse mapping: [${key}] on field [${field}] must be an integer`);
      if (n < 0) throw mapperParsing(`[${key}] must be positive, got [${n}]`);
      return n;
    }
    case 'scaling_factor': {
      const n = typeof value === 'string' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) throw mapperParsing(`[scaling_factor] must be a positive number, got [${String(value)}]`);
      return n;
    }
    case 'analyzer':
    case 'search_analyzer':
    case 'search_quote_analyzer':
      if (typeof value !== 'string') throw mapperParsing(`[${key}] on field [${field}] must be a string`);
      getAnalyzer(value);
      return value;
    case 'normalizer':
      if (typeof value !== 'string') throw mapperParsing(`[normalizer] on field [${field}] must be a string`);
      normalizedKeyword('', { normalizer: value });
      return value;
    case 'index_options': {
      const allowedOptions = type === 'text' ? TEXT_INDEX_OPTIONS : ['docs', 'freqs'];
      if (typeof value !== 'string' || !allowedOptions.includes(value)) {
        throw mapperParsing(`Unknown value [${String(value)}] for field [index_options] - accepted values are [${allowedOptions.join(', ')}]`);
      }
      return value;
    }
    case 'similarity':
      if (value !== 'BM25' && value !== 'boolean') throw unsupported('custom_similarity', `similarity [${String(value)}]`);
      return value;
    case 'format':
      if (typeof value !== 'string' || value === '') throw mapperParsing(`Invalid format: [${String(value)}]`);
      return value;
    case 'meta':
      if (!isPlainObject(value)) throw mapperParsing(`[meta] must be an object, got ${typeof value}[${String(value)}] for field [${field}]`);
      return value;
    case 'value':
      if (value === null || isPlainObject(value) || Array.isArray(value)) throw mapperParsing(`Property [value] on field [${field}] must be a string`);
      return String(value);
    default:
      return value;
  }
}

function validateNullValue(type: LeafFieldType, params: Json, field: string): void {
  const value = params.null_value;
  try {
    if (isNumericType(type)) parseNumeric(type, value, params);
    else if (type === 'date') parseDateValue(value, params);
    else if (type === 'boolean') parseBooleanValue(value);
    else if (type === 'ip') parseIpValue(value);
    else if (type === 'keyword' || type === 'wildcard' || type === 'flattened') normalizedKeyword(value, {});
  } catch (e) {
    if (e instanceof ValueError) throw mapperParsing(`Error parsing [null_value] on field [${field}]: ${e.message}`);
    throw e;
  }
}

const MAPPING_TYPES: readonly MatchMappingType[] = ['string', 'long', 'double', 'boolean', 'date', 'object', 'binary', '*'];

function stringList(v: unknown, what: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw mapperParsing(`${what} must be a string or a list of strings`);
}

export function parseDynamicTemplates(value: unknown): DynamicTemplate[] {
  if (!Array.isArray(value)) throw mapperParsing('Dynamic template syntax error. An array of named objects is expected.');
  return value.map((entry) => {
    if (!isPlainObject(entry) || Object.keys(entry).length !== 1) throw mapperParsing('Dynamic template syntax error. An array of named objects is expected.');
    const [name, body] = Object.entries(entry)[0];
    if (!isPlainObject(body)) throw mapperParsing(`Dynamic template [${name}] must be an object`);
    const types = (key: string): MatchMappingType[] | undefined => {
      const list = stringList(body[key], `[${key}] of dynamic template [${name}]`);
      if (list === undefined) return undefined;
      for (const t of list) if (!MAPPING_TYPES.includes(t as MatchMappingType)) throw mapperParsing(`No field type matched on [${t}], possible values are [object, string, long, double, boolean, date, binary]`);
      return list as MatchMappingType[];
    };
    if (body.runtime !== undefined) throw unsupported('runtime_mappings', 'runtime dynamic templates');
    const mapping = body.mapping;
    if (!isPlainObject(mapping)) throw mapperParsing(`template [${name}] must have either mapping or runtime set`);
    const matchPattern = body.match_pattern === 'regex' ? 'regex' : 'simple';
    for (const key of Object.keys(body)) {
      if (!['match', 'unmatch', 'path_match', 'path_unmatch', 'match_mapping_type', 'unmatch_mapping_type', 'match_pattern', 'mapping'].includes(key)) {
        throw mapperParsing(`Illegal dynamic template parameter: [${key}]`);
      }
    }
    return {
      name,
      match: stringList(body.match, 'match'),
      unmatch: stringList(body.unmatch, 'unmatch'),
      pathMatch: stringList(body.path_match, 'path_match'),
      pathUnmatch: stringList(body.path_unmatch, 'path_unmatch'),
      matchMappingType: types('match_mapping_type'),
      unmatchMappingType: types('unmatch_mapping_type'),
      matchPattern,
      mapping,
      raw: body,
    };
  });
}

/** Templates merge by name: a same-named template is replaced in place, new ones are appended (ES 7.9+). */
function mergeDynamicTemplates(existing: readonly DynamicTemplate[], incoming: DynamicTemplate[]): DynamicTemplate[] {
  const out = [...existing];
  for (const t of incoming) {
    const i = out.findIndex((e) => e.name === t.name);
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}
