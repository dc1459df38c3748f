/**
 * Index settings: parsing of the nested/flat request forms into the flat `index.*` string map ES stores,
 * validation of every key (honoured, inert, unsupported §11, unknown), and the typed view the shard uses.
 */
import { EsError, illegalArgument, unsupported } from '../errors';
import type { IndexSettings } from '../shard';

export type RawSettings = Record<string, string>;

interface SettingDef {
  dynamic: boolean;
  /** Returns the canonical stored string, or throws an illegal_argument_exception. */
  parse(key: string, value: string): string;
}

function parseIntSetting(min: number) {
  return (key: string, value: string): string => {
    if (!/^-?\d+$/.test(value.trim())) throw illegalArgument(`Failed to parse value [${value}] for setting [${key}]`);
    const n = Number(value);
    if (n < min) throw illegalArgument(`Failed to parse value [${value}] for setting [${key}] must be >= ${min}`);
    return String(n);
  };
}

export function parseBooleanValue(value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw illegalArgument(`Failed to parse value [${value}] as only [true] or [false] are allowed.`);
}

const boolSetting = (_key: string, value: string): string => String(parseBooleanValue(value));

const TIME_UNITS: Record<string, number> = { nanos: 1e-6, micros: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses an ES time value ("1s", "500ms", "-1") into milliseconds. */
export function parseTimeValue(key: string, value: string): number {
  const v = value.trim();
  if (v === '-1') return -1;
  if (v === '0') return 0;
  const m = /^(\d+(?:\.\d+)?)\s*(nanos|micros|ms|s|m|h|d)$/.exec(v.toLowerCase());
  if (!m) {
    throw illegalArgument(`failed to parse setting [${key}] with value [${value}] as a time value: unit is missing or unrecognized`);
  }
  return Number(m[1]) * TIME_UNITS[m[2]];
}

const timeSetting = (key: string, value: string): string => {
  parseTimeValue(key, value);
  return value;
};

function enumSetting(allowed: string[]) {
  return (key: string, value: string): string => {
    if (!allowed.includes(value)) throw illegalArgument(`unknown value for [${key}] must be one of [${allowed.join(', ')}] but was: ${value}`);
    return value;
  };
}

const autoExpand = (key: string, value: string): string => {
  if (value === 'false' || /^\d+-(\d+|all)$/.test(value)) return value;
  throw illegalArgument(`failed to parse [${key}] from value: [${value}] at index -1`);
};

const anyString = (_key: string, value: string): string => value;

const HONOURED: Record<string, SettingDef> = {
  'index.number_of_shards': { dynamic: false, parse: parseIntSetting(1) },
  'index.number_of_replicas': { dynamic: true, parse: parseIntSetting(0) },
  'index.hidden': { dynamic: true, parse: boolSetting },
  'index.refresh_interval': { dynamic: true, parse: timeSetting },
  'index.auto_expand_replicas': { dynamic: true, parse: autoExpand },
  'index.max_result_window': { dynamic: true, parse: parseIntSetting(1) },
  'index.max_inner_result_window': { dynamic: true, parse: parseIntSetting(1) },
  'index.max_terms_count': { dynamic: true, parse: parseIntSetting(1) },
  'index.mapping.total_fields.limit': { dynamic: true, parse: parseIntSetting(0) },
  'index.mapping.ignore_malformed': { dynamic: true, parse: boolSetting },
  'index.query.default_field': { dynamic: true, parse: anyString },
  'index.translog.durability': { dynamic: true, parse: enumSetting(['request', 'async']) },
  'index.gc_deletes': { dynamic: true, parse: timeSetting },
};

/** Accepted and stored, without effect on a one-node in-process store. */
const INERT_EXACT = new Set([
  'index.codec',
  'index.priority',
  'index.format',
  'index.number_of_routing_shards',
  'index.max_docvalue_fields_search',
  'index.max_script_fields',
  'index.max_ngram_diff',
  'index.max_shingle_diff',
  'index.max_rescore_window',
  'index.max_regex_length',
  'index.mapping.depth.limit',
  'index.mapping.nested_fields.limit',
  'index.mapping.nested_objects.limit',
  'index.mapping.field_name_length.limit',
  'index.mapping.coerce',
  'index.translog.sync_interval',
  'index.unassigned.node_left.delayed_timeout',
  'index.highlight.max_analyzed_offset',
]);
const INERT_PREFIXES = ['index.lifecycle.', 'index.routing.', 'index.blocks.', 'index.search.slowlog.', 'index.indexing.slowlog.', 'index.merge.', 'index.store.'];

/** Set by the node at creation; visible in GET, not settable. */
export const PRIVATE_SETTINGS = new Set(['index.uuid', 'index.creation_date', 'index.provided_name', 'index.version.created']);

const UNSUPPORTED_PREFIXES: Array<[string, string, string]> = [
  ['index.analysis.', 'custom_analysis', 'custom analysis settings [index.analysis]'],
  ['index.similarity.', 'other', 'custom similarity settings [index.similarity]'],
  ['index.sort.', 'other', 'index sorting [index.sort]'],
  ['index.mode', 'other', 'index modes [index.mode]'],
];

function settingDef(key: string): SettingDef | 'inert' | undefined {
  const honoured = HONOURED[key];
  if (honoured) return honoured;
  if (INERT_EXACT.has(key) || INERT_PREFIXES.some((p) => key.startsWith(p))) return 'inert';
  return undefined;
}

function scalarToString(key: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => scalarToString(key, v)).join(',');
  throw illegalArgument(`Failed to parse value [${JSON.stringify(value)}] for setting [${key}]`);
}

/**
 * Flattens `{index:{number_of_shards:1}}`, `{number_of_shards:1}` and `{"index.number_of_shards":"1"}`
 * into `index.*` keys. A `null` value (reset on update) is kept as null.
 */
export function flattenSettings(input: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const walk = (value: unknown, prefix: string): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, prefix ? `${prefix}.${k}` : k);
      return;
    }
    const key = prefix.startsWith('index.') ? prefix : `index.${prefix}`;
    out[key] = scalarToString(key, value);
  };
  if (input === undefined || input === null) return out;
  if (typeof input !== 'object' || Array.isArray(input)) throw illegalArgument('settings must be an object');
  walk(input, '');
  return out;
}

function unknownSetting(key: string): EsError {
  return illegalArgument(
    `unknown setting [${key}] please check that any required plugins are installed, or check the breaking changes documentation for removed settings`,
  );
}

/** Validates user-provided settings (create or template); returns canonical strings. */
export function validateSettings(flat: Record<string, string | null>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(flat)) {
    for (const [prefix, feature, what] of UNSUPPORTED_PREFIXES) {
      if (key.startsWith(prefix)) throw unsupported(feature, what);
    }
    if (PRIVATE_SETTINGS.has(key)) {
      throw illegalArgument(`private index setting [${key}] can not be set explicitly`);
    }
    const def = settingDef(key);
    if (def === undefined) throw unknownSetting(key);
    if (value === null) {
      out[key] = null;
      continue;
    }
    out[key] = def === 'inert' ? value : def.parse(key, value);
  }
  return out;
}

/** Keys that cannot change on an existing index. */
export function nonDynamicKeys(flat: Record<string, string | null>): string[] {
  return Object.keys(flat).filter((k) => {
    const def = settingDef(k);
    return def !== undefined && def !== 'inert' && !def.dynamic;
  });
}

/** Replicas after `auto_expand_replicas` on this one-node cluster. */
export function effectiveReplicas(raw: RawSettings): number {
  const auto = raw['index.auto_expand_replicas'];
  const configured = Number(raw['index.number_of_replicas'] ?? '1');
  if (!auto || auto === 'false') return configured;
  const [minText, maxText] = auto.split('-');
  const min = Number(minText);
  const max = maxText === 'all' ? Number.POSITIVE_INFINITY : Number(maxText);
  // One node: at most 0 replicas can be allocated, clamped into [min, max].
  return Math.min(Math.max(0, min), max);
}

/** The typed view consumed by the shard and search. */
export function toIndexSettings(raw: RawSettings): IndexSettings {
  const num = (key: string, fallback: number): number => (raw[key] !== undefined ? Number(raw[key]) : fallback);
  const refresh = raw['index.refresh_interval'];
  const defaultField = raw['index.query.default_field'];
  return {
    numberOfShards: num('index.number_of_shards', 1),
    numberOfReplicas: effectiveReplicas(raw),
    hidden: raw['index.hidden'] === 'true',
    refreshInterval: refresh === undefined ? 1000 : parseTimeValue('index.refresh_interval', refresh),
    maxResultWindow: num('index.max_result_window', 10000),
    maxInnerResultWindow: num('index.max_inner_result_window', 100),
    maxTermsCount: num('index.max_terms_count', 65536),
    totalFieldsLimit: num('index.mapping.total_fields.limit', 1000),
    ignoreMalformed: raw['index.mapping.ignore_malformed'] === 'true',
    defaultFields: defaultField === undefined ? ['*'] : defaultField.split(',').map((s) => s.trim()).filter(Boolean),
    raw: { ...raw },
  };
}

const LIST_SETTINGS = new Set(['index.query.default_field']);

/** `{"index.a.b":"1"}` → `{index:{a:{b:"1"}}}` as GET _settings shows it (or flat with flat_settings). */
export function nestSettings(raw: RawSettings, flat = false): Record<string, unknown> {
  const keys = Object.keys(raw).sort();
  if (flat) {
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = LIST_SETTINGS.has(k) ? raw[k].split(',') : raw[k];
    return out;
  }
  const root: Record<string, unknown> = {};
  for (const key of keys) {
    const parts = key.split('.');
    let node = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const existing = node[parts[i]];
      if (existing === undefined || typeof existing !== 'object' || existing === null) node[parts[i]] = {};
      node = node[parts[i]] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = LIST_SETTINGS.has(key) ? raw[key].split(',') : raw[key];
  }
  return root;
}

/** Defaults shown by `include_defaults` and applied at creation when missing. */
export const CREATION_DEFAULTS: RawSettings = {
  'index.number_of_shards': '1',
  'index.number_of_replicas': '1',
};

export const SETTING_DEFAULTS: RawSettings = {
  'index.refresh_interval': '1s',
  'index.hidden': 'false',
  'index.auto_expand_replicas': 'false',
  'index.max_result_window': '10000',
  'index.max_inner_result_window': '100',
  'index.max_terms_count': '65536',
  'index.mapping.total_fields.limit': '1000',
  'index.mapping.ignore_malformed': 'false',
  'index.query.default_field': '*',
  'index.translog.durability': 'request',
  'index.gc_deletes': '60s',
};
