import type { estypes } from '@elastic/elasticsearch';
import {
  alertsAliasForSpace,
  readRaw,
  type BuildAlertEntityGraphOutput,
  type GraphStopReason,
} from '../../../../common/workflows';
import { AlertNotFoundError, TriageSearchError } from '../errors';
import type { TriageEsClient } from '../step_context';
import type { PreparedGraphConfig } from './config';
import { buildGraphOutput } from './output';
import {
  firstPageSize,
  nextPageSize,
  seedSearchBody,
  subSearchBody,
  type LinkScoreBound,
  type TermsClause,
} from './query_builder';
import { spanContains, timestampMs, type TimeSpan } from './time_window';
import { EntityGraphTraversal, type GraphHit, type RoundPlan, type SubSearchPlan } from './traversal';

export interface GraphBuildParams {
  readonly esClient: TriageEsClient;
  readonly spaceId: string;
  readonly alertId: string;
  readonly config: PreparedGraphConfig;
  readonly abortSignal?: AbortSignal;
}

type Hit = estypes.SearchHit<Record<string, unknown>>;

/** What a cursor searches: a sub-search of the round, or a time slice fetched ahead for the next round. */
interface CursorTarget {
  readonly kind: SubSearchPlan['kind'];
  readonly span: TimeSpan;
  readonly clauses: readonly TermsClause[];
  readonly bound?: LinkScoreBound;
}

/** Paging state of one sub-search within a round. */
interface SubSearchCursor<T extends CursorTarget = CursorTarget> {
  readonly plan: T;
  size: number;
  searchAfter?: estypes.SortResults;
  buffer?: Hit[];
  /** A short page ended it: there is nothing more to fetch. */
  done: boolean;
}

/** Hits of one fetched-ahead slice, complete (its only page was short), kept for the next round. */
interface PrefetchedSlice {
  readonly span: TimeSpan;
  readonly clausesKey: string;
  readonly hits: readonly Hit[];
}

const clausesKey = (clauses: readonly TermsClause[]): string => JSON.stringify(clauses);

const hitTimestamp = (hit: Hit): number | undefined => timestampMs(readRaw(hit._source, '@timestamp'));

/** The next round's widest L and R slices over the known values, fetched with this round's first pages. */
function lookaheadCursors(plan: RoundPlan, size: number): SubSearchCursor[] {
  const ahead = plan.lookahead;
  if (ahead === undefined) return [];
  return [
    { plan: { kind: 'L', span: ahead.left, clauses: ahead.clauses }, size, done: false },
    { plan: { kind: 'R', span: ahead.right, clauses: ahead.clauses }, size, done: false },
  ];
}

/**
 * Serves an L or R sub-search from the slice fetched ahead last round, when that slice covers its span with the same
 * clauses: the hits inside the span, in the order a search over exactly that span returns them. Alerts the prefetch
 * excluded were already in the graph then, so the traversal would skip them anyway.
 */
function serveFromPrefetch(prefetched: PrefetchedSlice | undefined, sub: SubSearchPlan): Hit[] | undefined {
  if (prefetched === undefined || !spanContains(prefetched.span, sub.span)) return undefined;
  if (prefetched.clausesKey !== clausesKey(sub.clauses)) return undefined;
  return prefetched.hits.filter((hit) => {
    const ts = hitTimestamp(hit);
    return ts !== undefined && ts >= sub.span.from && ts <= sub.span.to;
  });
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
          bound: cursor.plan.bound,
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

  // Time slices fetched ahead last round (L, R): a round that adds no new entity value searches only known values
  // over new slices, and those the previous round's request already carried, so it needs no round trip.
  let prefetched: { L?: PrefetchedSlice; R?: PrefetchedSlice } = {};
  for (let depth = 1; depth <= config.limits.maxDepth; depth++) {
    if (traversal.stop()) return finish('max_alerts');
    if (queries >= config.limits.maxQueries) return finish('max_queries');
    const plan = traversal.beginRound(depth);
    if ('end' in plan) return finish(plan.end);

    const remaining = config.limits.maxAlerts - traversal.seenCount;
    const size = firstPageSize(config.limits.pageSize, remaining);
    const cursors: Array<SubSearchCursor<SubSearchPlan>> = plan.subSearches.map((sub) => {
      const served = sub.kind === 'E' ? undefined : serveFromPrefetch(prefetched[sub.kind], sub);
      return served === undefined ? { plan: sub, size, done: false } : { plan: sub, size, done: true, buffer: served };
    });
    prefetched = {};
    const unserved = cursors.filter((cursor) => cursor.buffer === undefined);
    if (unserved.length > 0) {
      const ahead = lookaheadCursors(plan, size);
      await fetchPages([...unserved, ...ahead]);
      for (const cursor of ahead) {
        const kind = cursor.plan.kind === 'L' ? 'L' : 'R';
        if (cursor.done) prefetched[kind] = { span: cursor.plan.span, clausesKey: clausesKey(cursor.plan.clauses), hits: cursor.buffer ?? [] };
      }
    }

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
