/**
 * An aggregation tree: one Aggregator per named aggregation, collecting from every searched view, then
 * rendering `{name: {meta?, ...}}` (or `type#name` under typed_keys).
 */
import { EsError, parsingException, unsupported } from '../errors';
import { isPlainObject } from '../query';
import type { SearchView } from '../search_view';
import type { AggContext, AggDefinition, AggSpec, Aggregator, DocBatch } from './types';

const registry = new Map<string, AggDefinition>();

export function registerAggregation(type: string, def: AggDefinition): void {
  registry.set(type, def);
}

/** Elasticsearch aggregations outside the subset → §11 feature id. */
const UNSUPPORTED_AGGS: Record<string, string> = {
  bucket_script: 'script',
  bucket_selector: 'script',
  scripted_metric: 'script',
  nested: 'nested',
  reverse_nested: 'nested',
  children: 'join',
  parent: 'join',
};
const OTHER_AGGS = [
  'histogram', 'range', 'date_range', 'ip_range', 'percentiles', 'percentile_ranks', 'extended_stats', 'composite',
  'significant_terms', 'significant_text', 'rare_terms', 'multi_terms', 'sampler', 'diversified_sampler', 'random_sampler',
  'global', 'missing', 'adjacency_matrix', 'auto_date_histogram', 'variable_width_histogram', 'geo_bounds', 'geo_centroid',
  'geohash_grid', 'geotile_grid', 'geohex_grid', 'geo_distance', 'geo_line', 'weighted_avg', 'median_absolute_deviation',
  'boxplot', 't_test', 'string_stats', 'matrix_stats', 'top_metrics', 'rate', 'avg_bucket', 'max_bucket', 'min_bucket',
  'sum_bucket', 'stats_bucket', 'extended_stats_bucket', 'percentiles_bucket', 'cumulative_sum', 'derivative', 'moving_fn',
  'moving_percentiles', 'serial_diff', 'bucket_sort', 'bucket_count_ks_test', 'bucket_correlation', 'normalize',
  'cumulative_cardinality', 'inference', 'categorize_text', 'frequent_item_sets', 'time_series', 'ip_prefix',
];
for (const t of OTHER_AGGS) UNSUPPORTED_AGGS[t] = 'other';

const NAME_RE = /[[\]>]/;

export function parseAggregations(json: unknown): AggSpec[] {
  if (!isPlainObject(json)) throw parsingException('Aggregation definition must be an object');
  const specs: AggSpec[] = [];
  for (const [name, body] of Object.entries(json)) {
    if (NAME_RE.test(name)) {
      throw parsingException(`Invalid aggregation name [${name}]. Aggregation names can contain any character except '[', ']', and '>'`);
    }
    if (!isPlainObject(body)) throw parsingException(`Aggregation definition for [${name} starts with a [${typeof body}], expected a [START_OBJECT].`);
    let type: string | undefined;
    let params: unknown;
    let meta: unknown;
    let sub: unknown;
    for (const [key, value] of Object.entries(body)) {
      if (key === 'meta') {
        if (!isPlainObject(value)) throw parsingException(`Expected [START_OBJECT] under [meta], but got a [${typeof value}] in [${name}]`);
        meta = value;
      } else if (key === 'aggs' || key === 'aggregations') {
        if (sub !== undefined) throw parsingException(`Found two sub aggregation definitions under [${name}]`);
        sub = value;
      } else {
        if (type !== undefined) {
          throw parsingException(`Found two aggregation type definitions in [${name}]: [${type}] and [${key}]`);
        }
        type = key;
        params = value;
      }
    }
    if (type === undefined) throw parsingException(`Missing definition for aggregation [${name}]`);
    const feature = UNSUPPORTED_AGGS[type];
    if (feature !== undefined) throw unsupported(feature, `the [${type}] aggregation`);
    const def = registry.get(type);
    if (!def) throw parsingException(`Unknown aggregation type [${type}]`);
    const subAggs = sub === undefined ? [] : parseAggregations(sub);
    if (!def.acceptsSubAggs && subAggs.length > 0) {
      throw new EsError(400, 'aggregation_initialization_exception', `Aggregator [${name}] of type [${type}] cannot accept sub-aggregations`);
    }
    const parsed = def.parse(name, params, { parseSubAggs: parseAggregations });
    specs.push({ name, type, params: parsed, meta, subAggs });
  }
  return specs;
}

/** Per-index validation of a whole tree (field types); throws the per-index error. */
export function checkAggregations(specs: readonly AggSpec[], view: SearchView): void {
  for (const spec of specs) {
    definition(spec.type).check(spec, view);
    checkAggregations(spec.subAggs, view);
  }
}

function definition(type: string): AggDefinition {
  const def = registry.get(type);
  if (!def) throw parsingException(`Unknown aggregation type [${type}]`);
  return def;
}

export class AggTree {
  private readonly aggs: { spec: AggSpec; agg: Aggregator }[];

  constructor(specs: readonly AggSpec[], ctx: AggContext) {
    this.aggs = specs.map((spec) => ({ spec, agg: definition(spec.type).create(spec, ctx) }));
  }

  get empty(): boolean {
    return this.aggs.length === 0;
  }

  collect(view: SearchView, batch: DocBatch): void {
    for (const { agg } of this.aggs) agg.collect(view, batch);
  }

  build(typedKeys: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const { spec, agg } of this.aggs) {
      const key = typedKeys ? `${agg.typedKey()}#${spec.name}` : spec.name;
      const body = agg.build(typedKeys);
      out[key] = spec.meta === undefined ? body : { meta: spec.meta, ...body };
    }
    return out;
  }

  /** A named sub-aggregation's rendered result (for ordering buckets by a metric). */
  resultOf(name: string): Record<string, unknown> | undefined {
    const entry = this.aggs.find((a) => a.spec.name === name);
    return entry ? entry.agg.build(false) : undefined;
  }
}
