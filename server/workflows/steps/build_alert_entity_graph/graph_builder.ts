import type { estypes } from '@elastic/elasticsearch';
import {
  alertsAliasForSpace,
  type BuildAlertEntityGraphOutput,
  type GraphStopReason,
} from '../../../../common/workflows';
import { AlertNotFoundError, TriageSearchError } from '../errors';
import type { TriageEsClient } from '../step_context';
import type { PreparedGraphConfig } from './config';
import { buildGraphOutput } from './output';
import { firstPageSize, nextPageSize, seedSearchBody, subSearchBody } from './query_builder';
import { EntityGraphTraversal, type GraphHit, type SubSearchPlan } from './traversal';

export interface GraphBuildParams {
  readonly esClient: TriageEsClient;
  readonly spaceId: string;
  readonly alertId: string;
  readonly config: PreparedGraphConfig;
  readonly abortSignal?: AbortSignal;
}

type Hit = estypes.SearchHit<Record<string, unknown>>;

/** Paging state of one sub-search within a round. */
interface SubSearchCursor {
  readonly plan: SubSearchPlan;
  size: number;
  searchAfter?: estypes.SortResults;
  buffer?: Hit[];
  /** A short page ended it: there is nothing more to fetch. */
  done: boolean;
}

const withId = (hit: Hit): hit is Hit & { _id: string } => typeof hit._id === 'string' && hit._id !== '';

const toGraphHit = (hit: Hit): GraphHit => ({ _id: hit._id, _index: hit._index, _source: hit._source });

/** Fetches the seed alert from the space's alias, with the space filter; throws when it is not there. */
export async function fetchSeed(params: GraphBuildParams): Promise<Hit & { _id: string }> {
  const index = alertsAliasForSpace(params.spaceId);
  let response: estypes.SearchResponse<Record<string, unknown>>;
  try {
    response = await params.esClient.search<Record<string, unknown>>(
      { index, ...seedSearchBody(params.alertId, params.spaceId, params.config.sourceFields) },
      { signal: params.abortSignal },
    );
  } catch (error) {
    throw new TriageSearchError(`Seed alert lookup in ${index}`, error);
  }
  const hit = response.hits.hits.find(withId);
  if (hit === undefined) throw new AlertNotFoundError(params.alertId, `space ${params.spaceId}`);
  return hit;
}

/**
 * Builds the entity graph of a seed alert with batched round trips (triage-steps §4.4): one `msearch` per round
 * carrying the first page of every sub-search, later pages only for sub-searches whose buffer ran out, growing page
 * sizes, no trailing empty page, already-found alerts excluded server-side, and a round-trip budget.
 */
export async function buildEntityGraph(params: GraphBuildParams): Promise<BuildAlertEntityGraphOutput> {
  const { config, spaceId } = params;
  const index = alertsAliasForSpace(spaceId);
  let queries = 0;
  let searches = 0;

  const seedHit = await fetchSeed(params);
  queries += 1;
  searches += 1;
  const traversal = new EntityGraphTraversal(config, seedHit);

  const finish = (stopReason: GraphStopReason): BuildAlertEntityGraphOutput =>
    buildGraphOutput(traversal.snapshot(), {
      includeSeed: config.includeSeed,
      stopReason,
      counters: { queries, searches },
    });

  if (!traversal.seedHasEntities) return finish('no_entities');

  const fetchPages = async (cursors: SubSearchCursor[]): Promise<void> => {
    const excludeIds = traversal.seenIds();
    const lines: estypes.MsearchRequestItem[] = [];
    for (const cursor of cursors) {
      lines.push(
        { index },
        subSearchBody({
          span: cursor.plan.span,
          clauses: cursor.plan.clauses,
          spaceId,
          excludeIds,
          size: cursor.size,
          searchAfter: cursor.searchAfter,
          sourceFields: config.sourceFields,
        }),
      );
    }
    queries += 1;
    searches += cursors.length;
    let response: estypes.MsearchResponse<Record<string, unknown>>;
    try {
      response = await params.esClient.msearch<Record<string, unknown>>(
        { searches: lines },
        { signal: params.abortSignal },
      );
    } catch (error) {
      throw new TriageSearchError(`Related-alert search in ${index}`, error);
    }
    cursors.forEach((cursor, i) => {
      const item = response.responses[i];
      if (item === undefined || 'error' in item) {
        throw new TriageSearchError(`Related-alert search (${cursor.plan.kind}) in ${index}`, item ?? 'no response');
      }
      const hits = item.hits.hits;
      cursor.buffer = hits;
      cursor.done = hits.length < cursor.size;
      const last = hits[hits.length - 1];
      cursor.searchAfter = last?.sort;
      if (last !== undefined && last.sort === undefined) cursor.done = true;
      cursor.size = nextPageSize(cursor.size, config.limits.pageSize);
    });
  };

  for (let depth = 1; depth <= config.limits.maxDepth; depth++) {
    if (traversal.stop()) return finish('max_alerts');
    if (queries >= config.limits.maxQueries) return finish('max_queries');
    const plan = traversal.beginRound(depth);
    if ('end' in plan) return finish(plan.end);

    const remaining = config.limits.maxAlerts - traversal.seenCount;
    const size = firstPageSize(config.limits.pageSize, remaining);
    const cursors: SubSearchCursor[] = plan.subSearches.map((sub) => ({ plan: sub, size, done: false }));
    await fetchPages(cursors);

    let budgetSpent = false;
    let stopped = false;
    for (let i = 0; i < cursors.length && !stopped; i++) {
      const cursor = cursors[i];
      for (;;) {
        if (cursor.buffer === undefined) {
          if (cursor.done) break;
          if (queries >= config.limits.maxQueries) {
            budgetSpent = true;
            break;
          }
          // Every unfinished sub-search with nothing buffered gets its next page in the same round trip.
          await fetchPages(cursors.slice(i).filter((c) => !c.done && c.buffer === undefined));
        }
        const hits = cursor.buffer ?? [];
        cursor.buffer = undefined;
        for (const hit of hits) {
          traversal.accept(toGraphHit(hit), cursor.plan);
          if (traversal.stop()) {
            stopped = true;
            break;
          }
        }
        if (stopped) break;
      }
    }

    const ended = traversal.endRound();
    if (ended !== undefined) return finish(ended);
    if (budgetSpent) return finish('max_queries');
  }
  return finish(traversal.stop() ? 'max_alerts' : 'max_depth');
}
