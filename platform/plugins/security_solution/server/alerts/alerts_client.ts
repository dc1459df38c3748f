/**
 * Alerts data client for one space and user: search, status and tags. Identity is passed in by the route;
 * the client never reads the request.
 */
import type { Client } from '@elastic/elasticsearch';
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

export function createAlertsClient(deps: { esClient: Client; spaceId: string; username: string; now?: () => Date }): AlertsClient {
  const { esClient } = deps;
  const index = alertsAliasName(deps.spaceId);
  const now = deps.now ?? (() => new Date());

  async function forEachQueryPage(query: Record<string, unknown>, summary: BulkUpdateSummary, fn: (targets: AlertTarget[]) => Promise<void>): Promise<void> {
    let searchAfter: Array<string | number | boolean | null> | undefined;
    for (;;) {
      const res = await esClient.search<AlertSource>({
        index,
        query,
        size: PAGE_SIZE,
        sort: [{ 'kibana.alert.uuid': { order: 'asc', unmapped_type: 'keyword' } }],
        seq_no_primary_term: true,
        track_total_hits: false,
        ...(searchAfter ? { search_after: searchAfter } : {}),
      });
      const hits = res.hits.hits;
      const targets: AlertTarget[] = [];
      for (const h of hits) {
        if (h._id && h._source && h._seq_no !== undefined && h._primary_term !== undefined) {
          targets.push({ _id: h._id, _index: h._index, _seq_no: h._seq_no, _primary_term: h._primary_term, _source: h._source });
        }
      }
      if (targets.length > 0) await fn(targets);
      if (hits.length < PAGE_SIZE) return;
      searchAfter = hits[hits.length - 1]?.sort as Array<string | number | boolean | null> | undefined;
      if (!searchAfter) return;
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
      await forEachQueryPage(selection.query, summary, run);
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
