import type { estypes } from '@elastic/elasticsearch';
import { labelOf, type AliasTarget, type PreparedGraphConfig } from './config';
import type { EntityMap } from './entities';
import { toIso, type TimeSpan } from './time_window';

/** Alerts of a space carry its id here; every graph search filters on it, even on the space's own alias. */
export const SPACE_IDS_FIELD = 'kibana.space_ids';

/** Sort of every graph search: time, then a unique keyword tiebreaker (never `_id`, which has no fielddata). */
export const GRAPH_SORT: estypes.Sort = [{ '@timestamp': 'asc' }, { 'kibana.alert.uuid': 'asc' }];

/** The smallest first page, so small graphs do not need a second round trip. */
export const MIN_FIRST_PAGE = 50;

export type TermsClause = { terms: Record<string, string[]> };

/** Copies each field's values onto its alias fields, so `source.ip` values are also looked up in `destination.ip`. */
export function aliasExpand(entities: EntityMap, aliases: ReadonlyMap<string, readonly AliasTarget[]>): EntityMap {
  const expanded: EntityMap = new Map();
  const add = (field: string, values: readonly string[]) => {
    const list = expanded.get(field) ?? [];
    for (const value of values) if (!list.includes(value)) list.push(value);
    expanded.set(field, list);
  };
  for (const [field, values] of entities) {
    add(field, values);
    for (const alias of aliases.get(field) ?? []) add(alias.field, values);
  }
  return expanded;
}

/** One `terms` clause per chunk of at most `maxTerms` values per field. */
export function termsClauses(entities: EntityMap, maxTerms: number): TermsClause[] {
  const clauses: TermsClause[] = [];
  for (const [field, values] of entities) {
    for (let i = 0; i < values.length; i += maxTerms) {
      clauses.push({ terms: { [field]: values.slice(i, i + maxTerms) } });
    }
  }
  return clauses;
}

/**
 * A server-side upper bound of a hit's link score against a fixed set of candidate parents: per label, the highest
 * score of any of the hit's fields (or aliases) whose value some candidate carries; the labels summed. With
 * `min_score`, the engine drops hits that cannot reach `min_entity_score` against any candidate, so they cost no page
 * slots (the traversal would ignore them anyway). Known limit: the engine matches stored keywords exactly while
 * extraction trims values, so a hit whose entity value carries surrounding whitespace scores lower here than in the
 * traversal; Elastic Security alerts do not store padded ids, and the sample data has none.
 */
export interface LinkScoreBound {
  readonly should: estypes.QueryDslQueryContainer[];
  readonly minScore: number;
}

type BoundConfig = Pick<PreparedGraphConfig, 'entityFields' | 'fieldScore' | 'aliases' | 'limits'>;

export function linkScoreBound(candidateValues: EntityMap, config: BoundConfig): LinkScoreBound | undefined {
  const byLabel = new Map<string, estypes.QueryDslQueryContainer[]>();
  for (const field of config.entityFields) {
    const matchFields = [
      { field, score: config.fieldScore.get(field) ?? 1 },
      ...(config.aliases.get(field) ?? []).map((alias) => ({
        field: alias.field,
        score: alias.score ?? config.fieldScore.get(alias.field) ?? 1,
      })),
    ];
    for (const match of matchFields) {
      const values = candidateValues.get(match.field);
      if (values === undefined || values.length === 0) continue;
      const queries = byLabel.get(labelOf(field)) ?? [];
      for (const clause of termsClauses(new Map([[field, values]]), config.limits.maxTermsPerQuery)) {
        queries.push({ constant_score: { filter: clause, boost: match.score } });
      }
      byLabel.set(labelOf(field), queries);
    }
  }
  if (byLabel.size === 0) return undefined;
  const min = config.limits.minEntityScore;
  return {
    should: [...byLabel.values()].map((queries) => ({ dis_max: { queries, tie_breaker: 0 } })),
    // Engine scores are float32 sums: a hair below the threshold keeps every hit that reaches it.
    minScore: min - 1e-6 * Math.max(1, Math.abs(min)),
  };
}

export interface SubSearchBodyParams {
  readonly span: TimeSpan;
  readonly clauses: readonly TermsClause[];
  readonly spaceId: string;
  /** Alerts already in the graph: excluded server-side since they would be skipped anyway. */
  readonly excludeIds: readonly string[];
  readonly size: number;
  readonly searchAfter?: estypes.SortResults;
  readonly sourceFields: readonly string[];
  readonly bound?: LinkScoreBound;
}

export function subSearchBody(params: SubSearchBodyParams): estypes.SearchSearchRequestBody {
  const bool: estypes.QueryDslBoolQuery = {
    filter: [
      { range: { '@timestamp': { gte: toIso(params.span.from), lte: toIso(params.span.to) } } },
      { term: { [SPACE_IDS_FIELD]: params.spaceId } },
      { bool: { should: [...params.clauses], minimum_should_match: 1 } },
    ],
  };
  if (params.excludeIds.length > 0) bool.must_not = [{ ids: { values: [...params.excludeIds] } }];
  // Filter clauses score 0, so the score is the bound's sum alone.
  if (params.bound !== undefined) bool.should = [...params.bound.should];
  return {
    ...(params.bound === undefined ? {} : { min_score: params.bound.minScore }),
    size: params.size,
    _source: [...params.sourceFields],
    track_total_hits: false,
    sort: GRAPH_SORT,
    query: { bool },
    ...(params.searchAfter === undefined ? {} : { search_after: params.searchAfter }),
  };
}

/** The seed lookup: the id inside the space, never a caller-supplied index. */
export function seedSearchBody(alertId: string, spaceId: string, sourceFields: readonly string[]): estypes.SearchSearchRequestBody {
  return {
    size: 1,
    _source: [...sourceFields],
    track_total_hits: false,
    query: { bool: { filter: [{ ids: { values: [alertId] } }, { term: { [SPACE_IDS_FIELD]: spaceId } }] } },
  };
}

/** First page: `min(page_size, max(remaining, 50))`; small graphs fit in one page, large ones start moderately. */
export const firstPageSize = (pageSize: number, remaining: number): number =>
  Math.min(pageSize, Math.max(remaining, MIN_FIRST_PAGE));

/** Later pages double, up to `page_size`. */
export const nextPageSize = (previous: number, pageSize: number): number => Math.min(pageSize, previous * 2);
