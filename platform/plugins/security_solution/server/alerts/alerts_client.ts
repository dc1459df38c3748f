/**
 * Alerts data client for one space and user: search, status and tags. Identity is passed in by the route;
 * the client never reads the request.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import type { BulkUpdateSummary, SearchAlertsRequestBody, SearchAlertsResponse } from '../../common/api';
import { alertsAliasName } from '../../common/constants';
import { applyStatusChange, applyTagsChange, type StatusChange } from './alert_updates';
import { emptySummary, fetchTargets, updateBatch, type AlertSource, type AlertTarget, type AlertTransform } from './bulk_update';

export interface AlertsClient {
  readonly index: string;
  search(body: SearchAlertsRequestBody): Promise<SearchAlertsResponse>;
  setStatus(target: AlertSelection, change: Omit<StatusChange, 'username' | 'now'>): Promise<BulkUpdateSummary>;
  setTags(ids: string[], tags: { add: string[]; remove: string[] }): Promise<BulkUpdateSummary>;
}

export type AlertSelection = { ids: string[] } | { query: Record<string, unknown> };

const PAGE_SIZE = 1000;
const UUID_FIELD = 'kibana.alert.uuid';

export function createAlertsClient(deps: { esClient: Client; spaceId: string; username: string; now?: () => Date }): AlertsClient {
  const { esClient } = deps;
  const index = alertsAliasName(deps.spaceId);
  const now = deps.now ?? (() => new Date());

  const toTargets = (hits: Array<estypes.SearchHit<AlertSource>>): AlertTarget[] =>
    hits.flatMap((h) =>
      h._id && h._source && h._seq_no !== undefined && h._seq_no !== null && h._primary_term !== undefined && h._primary_term !== null
        ? [{ _id: h._id, _index: h._index, _seq_no: h._seq_no, _primary_term: h._primary_term, _source: h._source }]
        : [],
    );

  async function forEachQueryPage(query: Record<string, unknown>, fn: (targets: AlertTarget[]) => Promise<void>): Promise<void> {
    // Pages by kibana.alert.uuid (unique per alert); alerts missing it sort last with a null key and are left to the pass below.
    let searchAfter: Array<string | number | boolean | null> | undefined;
    for (;;) {
      const res = await esClient.search<AlertSource>({
        index,
        query,
        size: PAGE_SIZE,
        sort: [{ [UUID_FIELD]: { order: 'asc', unmapped_type: 'keyword', missing: '_last' } }],
        seq_no_primary_term: true,
        track_total_hits: false,
        ...(searchAfter ? { search_after: searchAfter } : {}),
      });
      const hits = res.hits.hits;
      const keyed = hits.filter((h) => h.sort?.[0] !== null && h.sort?.[0] !== undefined);
      const targets = toTargets(keyed);
      if (targets.length > 0) await fn(targets);
      if (hits.length < PAGE_SIZE || keyed.length < hits.length) break;
      searchAfter = keyed[keyed.length - 1]?.sort as Array<string | number | boolean | null> | undefined;
      if (!searchAfter) break;
    }
    // Without a sort key, search_after cannot page (every key is null): exclude the alerts already handled instead.
    const seen: string[] = [];
    for (;;) {
      // The previous round's writes must be visible, or their stale copies come back as new hits.
      if (seen.length > 0) await esClient.indices.refresh({ index });
      const mustNot: Array<Record<string, unknown>> = [{ exists: { field: UUID_FIELD } }];
      if (seen.length > 0) mustNot.push({ ids: { values: seen } });
      const res = await esClient.search<AlertSource>({
        index,
        query: { bool: { filter: [query], must_not: mustNot } },
        size: PAGE_SIZE,
        seq_no_primary_term: true,
        track_total_hits: false,
      });
      const hits = res.hits.hits;
      const targets = toTargets(hits);
      for (const h of hits) if (h._id) seen.push(h._id);
      if (targets.length > 0) await fn(targets);
      if (hits.length < PAGE_SIZE) return;
    }
  }

  async function update(selection: AlertSelection, transform: AlertTransform): Promise<BulkUpdateSummary> {
    const started = Date.now();
    const summary = emptySummary();
    const run = (targets: AlertTarget[]) => updateBatch({ esClient, readIndex: index, targets, transform, summary });
    if ('ids' in selection) {
      const ids = [...new Set(selection.ids)];
      for (let i = 0; i < ids.length; i += PAGE_SIZE) await run(await fetchTargets(esClient, index, ids.slice(i, i + PAGE_SIZE)));
    } else {
      await forEachQueryPage(selection.query, run);
    }
    // Readers (the Alerts page, the triage workflow) must see the change right away.
    if (summary.updated > 0) await esClient.indices.refresh({ index });
    summary.took = Date.now() - started;
    return summary;
  }

  return {
    index,
    async search(body) {
      const res = await esClient.search({ index, ignore_unavailable: true, ...body } as Parameters<Client['search']>[0]);
      return res as unknown as SearchAlertsResponse;
    },
    setStatus: (selection, change) =>
      update(selection, (source) => applyStatusChange(source, { ...change, username: deps.username, now: now().toISOString() })),
    setTags: (ids, tags) => update({ ids }, (source) => applyTagsChange(source, tags)),
  };
}
