import type { estypes } from '@elastic/elasticsearch';
import { alertsAliasForSpace, type BuildAlertEntityGraphOutput, type GraphStopReason } from '../../../../common/workflows';
import { TriageSearchError } from '../errors';
import { fetchSeed, type GraphBuildParams } from './graph_builder';
import { buildGraphOutput } from './output';
import { subSearchBody } from './query_builder';
import { EntityGraphTraversal } from './traversal';

/**
 * The reference algorithm driven the straightforward way Kibana's implementation does it: every sub-search is its
 * own `search`, page after page of `page_size`, until an empty page, with no exclusion of alerts already found and no
 * round-trip budget. It exists to prove (tests) and measure (bench) that `buildEntityGraph` finds the same graph with
 * fewer round trips; it is not used by the step.
 */
export async function buildEntityGraphSequentially(params: GraphBuildParams): Promise<BuildAlertEntityGraphOutput> {
  const { config, spaceId } = params;
  const index = alertsAliasForSpace(spaceId);
  let queries = 1;
  const seedHit = await fetchSeed(params);
  const traversal = new EntityGraphTraversal(config, seedHit);
  const finish = (stopReason: GraphStopReason) =>
    buildGraphOutput(traversal.snapshot(), {
      includeSeed: config.includeSeed,
      stopReason,
      counters: { queries, searches: queries },
    });
  if (!traversal.seedHasEntities) return finish('no_entities');

  for (let depth = 1; depth <= config.limits.maxDepth; depth++) {
    if (traversal.stop()) return finish('max_alerts');
    const plan = traversal.beginRound(depth);
    if ('end' in plan) return finish(plan.end);
    let stopped = false;
    for (const sub of plan.subSearches) {
      let searchAfter: estypes.SortResults | undefined;
      while (!stopped) {
        queries += 1;
        let response: estypes.SearchResponse<Record<string, unknown>>;
        try {
          response = await params.esClient.search<Record<string, unknown>>(
            {
              index,
              ...subSearchBody({
                span: sub.span,
                clauses: sub.clauses,
                spaceId,
                excludeIds: [],
                size: config.limits.pageSize,
                searchAfter,
                sourceFields: config.sourceFields,
              }),
            },
            { signal: params.abortSignal },
          );
        } catch (error) {
          throw new TriageSearchError(`Reference related-alert search in ${index}`, error);
        }
        const hits = response.hits.hits;
        if (hits.length === 0) break;
        for (const hit of hits) {
          traversal.accept({ _id: hit._id, _index: hit._index, _source: hit._source }, sub);
          if (traversal.stop()) {
            stopped = true;
            break;
          }
        }
        searchAfter = hits[hits.length - 1].sort;
        if (searchAfter === undefined) break;
      }
      if (stopped) break;
    }
    const ended = traversal.endRound();
    if (ended !== undefined) return finish(ended);
  }
  return finish(traversal.stop() ? 'max_alerts' : 'max_depth');
}
