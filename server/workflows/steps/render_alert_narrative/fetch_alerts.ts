import type { estypes } from '@elastic/elasticsearch';
import {
  alertsAliasForSpace,
  belongsToSpace,
  classifyAlertsIndex,
  outsideSpaceMessage,
  readRaw,
  type AlertReference,
} from '../../../../common/workflows';
import { describeError, TriageSearchError } from '../errors';
import type { TriageEsClient } from '../step_context';

/** Large rule and ancestry fields no narrative reads (triage-steps §3.1). */
export const NARRATIVE_SOURCE_EXCLUDES = [
  'kibana.alert.ancestors',
  'kibana.alert.rule.parameters',
  'kibana.alert.rule.threat',
  'kibana.alert.original_event',
  'signal',
];

export interface AlertRequest {
  readonly alertId: string;
  readonly alertIndex: string;
}

export type FetchedAlert =
  | { readonly found: true; readonly alertIndex: string; readonly source: Record<string, unknown> }
  | { readonly found: false; readonly error: string };

/** Entries with their index (`alertIndex`, else the space alias); duplicates dropped, the first kept. */
export function normalizeAlertRequests(
  entries: readonly AlertReference[],
  defaultIndex: string | undefined,
  spaceId: string,
): AlertRequest[] {
  const fallback = defaultIndex ?? alertsAliasForSpace(spaceId);
  const seen = new Set<string>();
  const requests: AlertRequest[] = [];
  for (const entry of entries) {
    const request =
      typeof entry === 'string'
        ? { alertId: entry, alertIndex: fallback }
        : { alertId: entry.alert_id, alertIndex: entry.alert_index ?? fallback };
    if (seen.has(request.alertId)) continue;
    seen.add(request.alertId);
    requests.push(request);
  }
  return requests;
}

const notFound = (request: AlertRequest): FetchedAlert => ({
  found: false,
  error: `Alert ${request.alertId} not found in ${request.alertIndex}`,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads alerts with at most two requests: one `mget` for concrete backing indices and one `search` (ids plus a
 * space filter) for the space alias, which `mget` cannot resolve. Indices outside the space are never read. Results
 * are in request order.
 */
export async function fetchAlerts(params: {
  esClient: TriageEsClient;
  spaceId: string;
  requests: readonly AlertRequest[];
  abortSignal?: AbortSignal;
}): Promise<FetchedAlert[]> {
  const { esClient, spaceId, requests, abortSignal } = params;
  const results: Array<FetchedAlert | undefined> = requests.map(() => undefined);
  const concrete: number[] = [];
  const viaAlias: number[] = [];
  requests.forEach((request, i) => {
    const kind = classifyAlertsIndex(request.alertIndex, spaceId);
    if (kind === 'concrete') concrete.push(i);
    else if (kind === 'alias') viaAlias.push(i);
    else results[i] = { found: false, error: outsideSpaceMessage(request.alertIndex, spaceId) };
  });

  const readConcrete = async () => {
    if (concrete.length === 0) return;
    let response: estypes.MgetResponse<Record<string, unknown>>;
    try {
      response = await esClient.mget<Record<string, unknown>>(
        {
          docs: concrete.map((i) => ({ _index: requests[i].alertIndex, _id: requests[i].alertId })),
          _source_excludes: NARRATIVE_SOURCE_EXCLUDES,
        },
        { signal: abortSignal },
      );
    } catch (error) {
      throw new TriageSearchError(`Reading ${concrete.length} alerts with mget`, error);
    }
    concrete.forEach((requestIndex, position) => {
      const request = requests[requestIndex];
      const doc = response.docs[position];
      if (doc === undefined) {
        results[requestIndex] = notFound(request);
      } else if ('error' in doc) {
        results[requestIndex] = { found: false, error: `Alert ${request.alertId}: ${describeError(doc)}` };
      } else if (!doc.found || !isRecord(doc._source) || !belongsToSpace(readRaw(doc._source, 'kibana.space_ids'), spaceId)) {
        results[requestIndex] = notFound(request);
      } else {
        results[requestIndex] = { found: true, alertIndex: doc._index, source: doc._source };
      }
    });
  };

  const readViaAlias = async () => {
    if (viaAlias.length === 0) return;
    const ids = [...new Set(viaAlias.map((i) => requests[i].alertId))];
    const index = alertsAliasForSpace(spaceId);
    let response: estypes.SearchResponse<Record<string, unknown>>;
    try {
      response = await esClient.search<Record<string, unknown>>(
        {
          index,
          size: ids.length,
          track_total_hits: false,
          _source: { excludes: NARRATIVE_SOURCE_EXCLUDES },
          query: { bool: { filter: [{ ids: { values: ids } }, { term: { 'kibana.space_ids': spaceId } }] } },
        },
        { signal: abortSignal },
      );
    } catch (error) {
      throw new TriageSearchError(`Reading ${ids.length} alerts from ${index}`, error);
    }
    const byId = new Map<string, { index: string; source: Record<string, unknown> }>();
    for (const hit of response.hits.hits) {
      if (typeof hit._id === 'string' && isRecord(hit._source) && !byId.has(hit._id)) {
        byId.set(hit._id, { index: hit._index, source: hit._source });
      }
    }
    for (const i of viaAlias) {
      const hit = byId.get(requests[i].alertId);
      results[i] = hit === undefined ? notFound(requests[i]) : { found: true, alertIndex: hit.index, source: hit.source };
    }
  };

  await Promise.all([readConcrete(), readViaAlias()]);
  return results.map((result, i) => result ?? notFound(requests[i]));
}
