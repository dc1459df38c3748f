import { EsError, illegalArgument } from '../errors';
import { dynamicMapper } from './dynamic';
import { documentParsing, strictDynamic } from './errors';
import { isNumericType } from './field_types';
import { locate, type JsonPathElement } from './locate';
import { countFields } from './merge';
import { isPlainObject } from './parse_mapping';
import type { DynamicSetting, LeafMapper, Mapper, ObjectMapper, RootMapping } from './types';
import { ValueError, keywordText, normalizedKeyword, parseBooleanValue, parseDateValue, parseIpValue, parseNumeric } from './values';

/** One indexed value: keyword/boolean/ip → term string, numbers/dates → number, text → the raw string. */
export type IndexedValue = string | number;

export interface ParsedDocument {
  /** Leaf path per value, in document order (multi-fields included; nested and disabled objects excluded). */
  readonly paths: string[];
  readonly mappers: LeafMapper[];
  readonly values: IndexedValue[];
  /** Paths of values dropped by `ignore_malformed` / `ignore_above` (the `_ignored` metadata field). */
  readonly ignored: string[];
  /** The mapping after dynamic updates (the same object when nothing changed). */
  readonly mapping: RootMapping;
  readonly mappingChanged: boolean;
}

export interface ParseOptions {
  readonly ignoreMalformed: boolean;
  readonly totalFieldsLimit: number;
}

/** Root-level keys that are metadata fields in ES and may not appear inside a document. */
export const METADATA_FIELDS = new Set([
  '_id', '_index', '_source', '_routing', '_seq_no', '_primary_term', '_version', '_ignored', '_ignored_source',
  '_field_names', '_tier', '_data_stream_timestamp', '_nested_path', '_feature', '_tsid', '_ts_routing_hash', '_doc_count',
]);

interface ObjectContext {
  readonly mapper: ObjectMapper;
  readonly path: string;
  readonly dynamic: DynamicSetting;
  readonly nested: boolean;
}

const IGNORE_MALFORMED_TYPES = new Set(['long', 'integer', 'short', 'byte', 'double', 'float', 'half_float', 'scaled_float', 'date', 'ip', 'boolean']);

function preview(value: unknown): string {
  if (isPlainObject(value)) return `{${Object.entries(value).map(([k, v]) => `${k}=${preview(v)}`).join(', ')}}`;
  if (Array.isArray(value)) return `[${value.map(preview).join(', ')}]`;
  return String(value);
}

const FIELD_COUNTS = new WeakMap<RootMapping, number>();

/** Fields of a mapping counted against the limit, cached per (immutable) mapping. */
function fieldCount(mapping: RootMapping): number {
  let n = FIELD_COUNTS.get(mapping);
  if (n === undefined) {
    n = countFields(mapping.root);
    FIELD_COUNTS.set(mapping, n);
  }
  return n;
}

function addMapper(obj: ObjectMapper, parts: readonly string[], index: number, mapper: Mapper): ObjectMapper {
  const name = parts[index];
  const props = new Map(obj.properties);
  if (index === parts.length - 1) {
    props.set(name, mapper);
  } else {
    const child = props.get(name);
    if (child === undefined || child.kind !== 'object') throw illegalArgument(`cannot add [${parts.join('.')}]: [${name}] is not an object`);
    props.set(name, addMapper(child, parts, index + 1, mapper));
  }
  return { ...obj, properties: props };
}

/** A dotted key whose intermediate parts all name existing, enabled object mappers (immutable, so cacheable). */
interface DottedRoute {
  readonly basePath: string;
  readonly objects: readonly ObjectMapper[];
  readonly path: string;
  readonly last: string;
  /** `path.last`, built once instead of per document. */
  readonly leafPath: string;
  /** The object context the route ends in, for the parent's dynamic/nested flags it was derived from. */
  context: { from: DynamicSetting; fromNested: boolean; ctx: ObjectContext } | undefined;
}

/** Resolved dotted keys per parent object mapper; mappers never change, so entries never go stale. */
const DOTTED_ROUTES = new WeakMap<ObjectMapper, Map<string, DottedRoute>>();
const MAX_ROUTES_PER_OBJECT = 4096;

class DocumentWalker {
  readonly paths: string[] = [];
  readonly mappers: LeafMapper[] = [];
  readonly values: IndexedValue[] = [];
  readonly ignored: string[] = [];
  /** Mappers added by this document (allocated on the first dynamic addition). */
  private overlay: Map<string, Mapper> | undefined;
  private readonly additions: { path: string; mapper: Mapper }[] = [];
  private readonly keyPath: JsonPathElement[] = [];
  private newFields = 0;

  constructor(
    private readonly mapping: RootMapping,
    private readonly raw: string,
    private readonly id: string,
    private readonly options: ParseOptions,
  ) {}

  location(atKey = false): string {
    return locate(this.raw, this.keyPath, atKey);
  }

  walkRoot(source: Record<string, unknown>): void {
    const ctx: ObjectContext = { mapper: this.mapping.root, path: '', dynamic: this.mapping.root.dynamic ?? 'true', nested: false };
    for (const key in source) {
      if (key.charCodeAt(0) === 95 && METADATA_FIELDS.has(key)) {
        this.keyPath.push(key);
        throw documentParsing(this.location(true), `Field [${key}] is a metadata field and cannot be added inside a document. Use the index API request parameters.`);
      }
      this.keyPath.push(key);
      this.field(ctx, key, source[key]);
      this.keyPath.pop();
    }
  }

  private walkObject(ctx: ObjectContext, obj: Record<string, unknown>): void {
    for (const key in obj) {
      this.keyPath.push(key);
      this.field(ctx, key, obj[key]);
      this.keyPath.pop();
    }
  }

  private lookup(ctx: ObjectContext, name: string, path: string): Mapper | undefined {
    if (this.overlay !== undefined) {
      const added = this.overlay.get(path);
      if (added !== undefined) return added;
    }
    return ctx.mapper.properties.get(name);
  }

  private add(path: string, mapper: Mapper): void {
    if (this.overlay === undefined) this.overlay = new Map();
    const replacing = this.overlay.has(path) || (mapper.kind === 'leaf' && mapper.type === 'constant_keyword' && mapper.params.value !== undefined);
    if (!replacing) {
      // ES checks the limit as each dynamic field is added and reports the new fields so far
      this.newFields += mapper.kind === 'leaf' ? 1 + mapper.fields.size : 1;
      const limit = this.options.totalFieldsLimit;
      if (fieldCount(this.mapping) + this.newFields > limit) {
        throw documentParsing(this.location(), `failed to parse: Limit of total fields [${limit}] has been exceeded while adding new fields [${this.newFields}]`);
      }
    }
    this.overlay.set(path, mapper);
    this.additions.push({ path, mapper });
  }

  /** A key of an object: dotted keys descend through (possibly new) objects first. */
  private field(ctx: ObjectContext, key: string, value: unknown): void {
    let dot = key.indexOf('.');
    if (dot < 0) {
      if (key.length === 0 || (key.charCodeAt(0) <= 32 && key.trim() === '')) {
        throw documentParsing(this.location(true), `field name cannot contain only whitespace: ['${key}']`);
      }
      this.value(ctx, key, value);
      return;
    }
    let routes = DOTTED_ROUTES.get(ctx.mapper);
    const route = routes?.get(key);
    if (route !== undefined && route.basePath === ctx.path) {
      let cached = route.context;
      if (cached === undefined || cached.from !== ctx.dynamic || cached.fromNested !== ctx.nested) {
        let dynamic = ctx.dynamic;
        let nested = ctx.nested;
        for (const m of route.objects) {
          dynamic = m.dynamic ?? dynamic;
          nested = nested || m.nested;
        }
        cached = { from: ctx.dynamic, fromNested: ctx.nested, ctx: { mapper: route.objects[route.objects.length - 1], path: route.path, dynamic, nested } };
        route.context = cached;
      }
      this.value(cached.ctx, route.last, value, route.leafPath);
      return;
    }
    let current = ctx;
    let start = 0;
    let cacheable = true;
    const objects: ObjectMapper[] = [];
    while (dot >= 0) {
      const part = key.slice(start, dot);
      if (part.trim() === '') throw documentParsing(this.location(true), `field name cannot contain only whitespace: ['${key}']`);
      const existing = current.mapper.properties.get(part);
      const next = this.objectFor(current, part, key);
      if (next === undefined) return;
      // Only routes through mappers that were already in the mapping (not added by this document).
      if (existing === undefined || existing !== next.mapper) cacheable = false;
      objects.push(next.mapper);
      current = next;
      start = dot + 1;
      dot = key.indexOf('.', start);
    }
    const last = key.slice(start);
    if (last.trim() === '') throw documentParsing(this.location(true), `field name cannot contain only whitespace: ['${key}']`);
    if (cacheable) {
      if (routes === undefined) {
        routes = new Map();
        DOTTED_ROUTES.set(ctx.mapper, routes);
      }
      if (routes.size < MAX_ROUTES_PER_OBJECT) {
        routes.set(key, { basePath: ctx.path, objects, path: current.path, last, leafPath: current.path ? `${current.path}.${last}` : last, context: undefined });
      }
    }
    this.value(current, last, value);
  }

  /** The object context for an intermediate part of a dotted key, created dynamically if needed. */
  private objectFor(ctx: ObjectContext, name: string, key: string): ObjectContext | undefined {
    const path = ctx.path ? `${ctx.path}.${name}` : name;
    let mapper = this.lookup(ctx, name, path);
    if (mapper === undefined) {
      if (ctx.dynamic === 'strict') throw strictDynamic(this.location(), name, ctx.path || '_doc');
      if (ctx.dynamic === 'false') return undefined;
      mapper = { kind: 'object', nested: false, dynamic: undefined, enabled: true, extra: {}, properties: new Map() };
      this.add(path, mapper);
    }
    if (mapper.kind !== 'object') {
      const type = mapper.kind === 'leaf' ? mapper.type : 'alias';
      const full = ctx.path ? `${ctx.path}.${key}` : key;
      throw documentParsing(this.location(), `Could not dynamically add mapping for field [${full}]. Existing mapping for [${path}] must be of type object but found [${type}].`);
    }
    if (!mapper.enabled) return undefined;
    return { mapper, path, dynamic: mapper.dynamic ?? ctx.dynamic, nested: ctx.nested || mapper.nested };
  }

  /** `knownPath` is `ctx.path + '.' + name` when the caller already has it. */
  private value(ctx: ObjectContext, name: string, value: unknown, knownPath?: string): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        this.keyPath.push(i);
        this.value(ctx, name, value[i], knownPath);
        this.keyPath.pop();
      }
      return;
    }
    const path = knownPath ?? (ctx.path ? `${ctx.path}.${name}` : name);
    let mapper = this.lookup(ctx, name, path);
    if (value === null) {
      if (mapper !== undefined && mapper.kind === 'leaf' && mapper.params.null_value !== undefined && mapper.params.null_value !== null) {
        this.leaf(mapper, path, mapper.params.null_value, ctx.nested);
      }
      return;
    }
    if (mapper === undefined) {
      if (ctx.dynamic === 'strict') throw strictDynamic(this.location(), name, ctx.path || '_doc');
      if (ctx.dynamic === 'false') return;
      mapper = dynamicMapper(this.mapping, name, path, value);
      this.add(path, mapper);
    }
    if (mapper.kind === 'object') {
      if (!isPlainObject(value)) {
        throw documentParsing(this.location(), `object mapping for [${path}] tried to parse field [${name}] as object, but found a concrete value`);
      }
      if (!mapper.enabled) return;
      this.walkObject({ mapper, path, dynamic: mapper.dynamic ?? ctx.dynamic, nested: ctx.nested || mapper.nested }, value);
      return;
    }
    if (mapper.kind === 'alias') {
      throw documentParsing(this.location(), `Cannot write to a field alias [${path}].`);
    }
    this.leaf(mapper, path, value, ctx.nested);
  }

  private malformed(mapper: LeafMapper): boolean {
    if (!IGNORE_MALFORMED_TYPES.has(mapper.type)) return false;
    const own = mapper.params.ignore_malformed;
    return typeof own === 'boolean' ? own : this.options.ignoreMalformed;
  }

  private fail(mapper: LeafMapper, path: string, value: unknown, cause: ValueError): EsError {
    const inner = new EsError(400, cause.errorType, cause.message);
    return documentParsing(
      this.location(),
      `failed to parse field [${path}] of type [${mapper.type}] in document with id '${this.id}'. Preview of field's value: '${preview(value)}'`,
      inner,
    );
  }

  private leaf(mapper: LeafMapper, path: string, value: unknown, nested: boolean): void {
    if (mapper.type === 'flattened') {
      this.flattened(mapper, path, value, nested);
      return;
    }
    let converted: IndexedValue | undefined;
    try {
      if (isPlainObject(value)) throw new ValueError('illegal_argument_exception', `Cannot parse an object as a [${mapper.type}] value`);
      converted = this.convert(mapper, path, value);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      if (this.malformed(mapper)) {
        this.ignored.push(path);
        return;
      }
      throw this.fail(mapper, path, value, e);
    }
    if (converted !== undefined && !nested) {
      this.paths.push(path);
      this.mappers.push(mapper);
      this.values.push(converted);
    }
    if (mapper.fields.size > 0) {
      for (const [sub, subMapper] of mapper.fields) this.leaf(subMapper, `${path}.${sub}`, value, nested);
    }
  }

  private convert(mapper: LeafMapper, path: string, value: unknown): IndexedValue | undefined {
    const params = mapper.params;
    switch (mapper.type) {
      case 'keyword':
      case 'wildcard': {
        const text = keywordText(value);
        const limit = params.ignore_above;
        if (typeof limit === 'number' && text.length > limit) {
          this.ignored.push(path);
          return undefined;
        }
        return mapper.type === 'keyword' ? normalizedKeyword(text, params) : text;
      }
      case 'constant_keyword': {
        const text = keywordText(value);
        if (params.value === undefined) {
          this.add(path, { ...mapper, params: { ...params, value: text } });
        } else if (params.value !== text) {
          throw new ValueError(
            'illegal_argument_exception',
            `[constant_keyword] field [${path}] only accepts values that are equal to the value defined in the mappings [${String(params.value)}], but got [${text}]`,
          );
        }
        return undefined;
      }
      case 'text':
      case 'match_only_text':
        return keywordText(value);
      case 'boolean':
        return parseBooleanValue(value);
      case 'date':
        return parseDateValue(value, params);
      case 'ip':
        return parseIpValue(value);
      default:
        if (isNumericType(mapper.type)) return parseNumeric(mapper.type, value, params);
        throw new ValueError('illegal_argument_exception', `unsupported field type [${mapper.type}]`);
    }
  }

  /** flattened: every leaf value is a keyword of the root field and of `root.<dotted key>`. */
  private flattened(mapper: LeafMapper, path: string, value: unknown, nested: boolean): void {
    const limit = typeof mapper.params.ignore_above === 'number' ? mapper.params.ignore_above : Infinity;
    const emit = (key: string | undefined, v: unknown): void => {
      if (v === null) {
        if (mapper.params.null_value === undefined) return;
        v = mapper.params.null_value;
      }
      if (Array.isArray(v)) {
        for (const x of v) emit(key, x);
        return;
      }
      if (isPlainObject(v)) {
        for (const k in v) emit(key === undefined ? k : `${key}.${k}`, v[k]);
        return;
      }
      const text = keywordText(v);
      if (text.length > limit) {
        this.ignored.push(path);
        return;
      }
      if (nested) return;
      this.paths.push(path);
      this.mappers.push(mapper);
      this.values.push(text);
      if (key !== undefined) {
        this.paths.push(`${path}.${key}`);
        this.mappers.push(mapper);
        this.values.push(text);
      }
    };
    emit(undefined, value);
  }

  result(): ParsedDocument {
    let mapping = this.mapping;
    if (this.additions.length > 0) {
      let root = mapping.root;
      for (const { path, mapper } of this.additions) root = addMapper(root, path.split('.'), 0, mapper);
      mapping = { ...mapping, root };
    }
    return {
      paths: this.paths,
      mappers: this.mappers,
      values: this.values,
      ignored: this.ignored,
      mapping,
      mappingChanged: mapping !== this.mapping,
    };
  }
}

/**
 * Parses one document against the mapping: per-leaf values, dynamic mapping additions, `_ignored`.
 * Pure: the caller commits the result (or nothing, when this throws).
 */
export function parseDocument(source: unknown, raw: string, id: string, mapping: RootMapping, options: ParseOptions): ParsedDocument {
  if (!isPlainObject(source)) {
    throw new EsError(400, 'document_parsing_exception', '[1:1] failed to parse: The document must be a JSON object', {}, undefined);
  }
  const walker = new DocumentWalker(mapping, raw, id, options);
  walker.walkRoot(source);
  return walker.result();
}
