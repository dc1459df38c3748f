import type { LeafFieldType } from '../search_view';

/** `dynamic` of an object mapping; `undefined` means "inherit from the parent" (root default: true). */
export type DynamicSetting = 'true' | 'false' | 'strict';

/** A leaf (value-carrying) field: keyword, text, numbers, date, boolean, ip, ... */
export interface LeafMapper {
  readonly kind: 'leaf';
  readonly type: LeafFieldType;
  /** Parameters as validated and normalised (everything except `type` and `fields`). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Multi-fields by simple name. */
  readonly fields: ReadonlyMap<string, LeafMapper>;
}

/** `alias` fields: `path` is the full path of the target leaf. */
export interface AliasMapper {
  readonly kind: 'alias';
  readonly path: string;
}

/** `object` and `nested`. Nested fields are parsed but never indexed (invisible to queries, spec §3). */
export interface ObjectMapper {
  readonly kind: 'object';
  readonly nested: boolean;
  readonly dynamic: DynamicSetting | undefined;
  readonly enabled: boolean;
  /** Other nested params (include_in_parent, include_in_root) kept to echo them back. */
  readonly extra: Readonly<Record<string, unknown>>;
  readonly properties: ReadonlyMap<string, Mapper>;
}

export type Mapper = LeafMapper | AliasMapper | ObjectMapper;

export type MatchMappingType = 'string' | 'long' | 'double' | 'boolean' | 'date' | 'object' | 'binary' | '*';

export interface DynamicTemplate {
  readonly name: string;
  readonly match?: readonly string[];
  readonly unmatch?: readonly string[];
  readonly pathMatch?: readonly string[];
  readonly pathUnmatch?: readonly string[];
  readonly matchMappingType?: readonly MatchMappingType[];
  readonly unmatchMappingType?: readonly MatchMappingType[];
  readonly matchPattern: 'simple' | 'regex';
  /** The `mapping` object, with `{name}` / `{dynamic_type}` placeholders left in. */
  readonly mapping: Readonly<Record<string, unknown>>;
  /** The template as written, echoed by GET _mapping. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** The root mapping of one index. Immutable: updates produce a new `RootMapping`. */
export interface RootMapping {
  readonly root: ObjectMapper;
  readonly dynamicTemplates: readonly DynamicTemplate[];
  readonly dateDetection: boolean;
  readonly numericDetection: boolean;
  readonly dynamicDateFormats: readonly string[] | undefined;
  /** Root-level extras echoed back as written: `_meta`, `_source`, `_routing`. */
  readonly meta: Readonly<Record<string, unknown>>;
}
