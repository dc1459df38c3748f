import {
  DEFAULT_ENTITY_FIELDS,
  GRAPH_DEFAULTS,
  type BuildAlertEntityGraphInput,
  type EntityFieldInput,
} from '../../../../common/workflows';
import { parseTimeWindow } from './time_window';

export interface AliasTarget {
  readonly field: string;
  /** The alias's own score, when configured and finite. */
  readonly score?: number;
}

export interface GraphLimits {
  readonly maxDepth: number;
  readonly maxAlerts: number;
  readonly pageSize: number;
  readonly maxTermsPerQuery: number;
  readonly maxEntitiesPerField: number;
  readonly minEntityScore: number;
  readonly maxQueries: number;
}

/** Everything the traversal needs, derived once from the step input (triage-steps §4.2 "Preparation"). */
export interface PreparedGraphConfig {
  /** Configured fields then alias fields, without duplicates: every one is extracted and indexed. */
  readonly entityFields: readonly string[];
  readonly fieldScore: ReadonlyMap<string, number>;
  /** Symmetric: `f → g` implies `g → f`. */
  readonly aliases: ReadonlyMap<string, readonly AliasTarget[]>;
  readonly ignore: ReadonlyMap<string, ReadonlySet<string>>;
  readonly limits: GraphLimits;
  readonly includeSeed: boolean;
  readonly seedWindowMs: number;
  readonly expandWindowMs: number;
  /** `_source` of every graph search. */
  readonly sourceFields: readonly string[];
  readonly warnings: readonly string[];
}

type GraphConfigInput = Pick<
  BuildAlertEntityGraphInput,
  | 'entity_fields'
  | 'ignore_entities'
  | 'seed_window'
  | 'expand_window'
  | 'max_depth'
  | 'max_alerts'
  | 'page_size'
  | 'max_terms_per_query'
  | 'max_entities_per_field'
  | 'min_entity_score'
  | 'include_seed'
  | 'max_queries'
>;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Defensive clamp for callers that bypass the schema: a non-finite or too small limit takes its default. */
const limit = (value: number | undefined, fallback: number, min = 1): number =>
  isFiniteNumber(value) && value >= min ? Math.floor(value) : fallback;

export const META_SOURCE_FIELDS = ['@timestamp', 'kibana.alert.rule.name', 'kibana.alert.severity', 'kibana.alert.uuid'];

export function prepareGraphConfig(input: GraphConfigInput): PreparedGraphConfig {
  const requested: readonly EntityFieldInput[] =
    input.entity_fields.length > 0 ? input.entity_fields : DEFAULT_ENTITY_FIELDS;
  const configured = requested
    .map((entry) => ({ ...entry, field: entry.field.trim() }))
    .filter((entry) => entry.field !== '');

  const fieldScore = new Map<string, number>();
  const aliases = new Map<string, AliasTarget[]>();
  const entityFields: string[] = [];
  const addField = (field: string) => {
    if (!entityFields.includes(field)) entityFields.push(field);
  };
  const addAlias = (from: string, target: AliasTarget) => {
    const list = aliases.get(from) ?? [];
    if (!list.some((existing) => existing.field === target.field)) list.push(target);
    aliases.set(from, list);
  };

  for (const entry of configured) {
    addField(entry.field);
    if (isFiniteNumber(entry.score)) {
      fieldScore.set(entry.field, Math.max(fieldScore.get(entry.field) ?? Number.NEGATIVE_INFINITY, entry.score));
    }
  }
  for (const entry of configured) {
    for (const alias of entry.aliases ?? []) {
      const field = alias.field.trim();
      if (field === '' || field === entry.field) continue;
      addAlias(entry.field, isFiniteNumber(alias.score) ? { field, score: alias.score } : { field });
    }
  }
  // Symmetrise: a link from source.ip to destination.ip is also one from destination.ip to source.ip.
  for (const [from, targets] of [...aliases.entries()].map(([k, v]) => [k, [...v]] as const)) {
    for (const target of targets) {
      const back = aliases.get(target.field) ?? [];
      if (!back.some((existing) => existing.field === from)) {
        addAlias(target.field, target.score === undefined ? { field: from } : { field: from, score: target.score });
      }
    }
  }
  for (const targets of aliases.values()) for (const target of targets) addField(target.field);
  for (const field of entityFields) if (!fieldScore.has(field)) fieldScore.set(field, 1);

  const ignore = new Map<string, Set<string>>();
  for (const entry of input.ignore_entities) {
    const field = entry.field.trim();
    const set = ignore.get(field) ?? new Set<string>();
    for (const value of entry.values) set.add(value);
    ignore.set(field, set);
  }

  const seed = parseTimeWindow(input.seed_window, 'seed_window');
  const expand = parseTimeWindow(input.expand_window, 'expand_window');
  const warnings = [seed.warning, expand.warning].filter((w): w is string => w !== undefined);

  const minEntityScore =
    isFiniteNumber(input.min_entity_score) && input.min_entity_score > 0
      ? input.min_entity_score
      : GRAPH_DEFAULTS.min_entity_score;

  return {
    entityFields,
    fieldScore,
    aliases,
    ignore,
    limits: {
      maxDepth: limit(input.max_depth, GRAPH_DEFAULTS.max_depth, 0),
      maxAlerts: limit(input.max_alerts, GRAPH_DEFAULTS.max_alerts),
      pageSize: limit(input.page_size, GRAPH_DEFAULTS.page_size),
      maxTermsPerQuery: limit(input.max_terms_per_query, GRAPH_DEFAULTS.max_terms_per_query),
      maxEntitiesPerField: limit(input.max_entities_per_field, GRAPH_DEFAULTS.max_entities_per_field),
      minEntityScore,
      maxQueries: limit(input.max_queries, GRAPH_DEFAULTS.max_queries),
    },
    includeSeed: input.include_seed,
    seedWindowMs: seed.ms,
    expandWindowMs: expand.ms,
    sourceFields: [...new Set([...META_SOURCE_FIELDS, ...entityFields])],
    warnings,
  };
}

/** `label(field)`: the first dot segment, so `host.id` and `host.name` share the label `host`. */
export const labelOf = (field: string): string => {
  const dot = field.indexOf('.');
  return dot === -1 ? field : field.slice(0, dot);
};
