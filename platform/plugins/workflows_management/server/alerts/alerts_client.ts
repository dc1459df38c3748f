import type { Client } from '@elastic/elasticsearch';
import type { Logger } from '../../../../core/server';
import type { SearchAlertsBody, SearchAlertsResponse } from '../../common/api';
import { WorkflowsManagementError } from '../errors';
import { kqlToEs, KqlSyntaxError } from '../kql';
import { errorStatus } from '../storage/workflows_index';
import { expandDottedKeys } from './alert_source';
import { buildAlertRunEvent, type AlertRunEvent, type FetchedAlert } from './alert_event';
import { toAlertSummary } from './alert_summary';

/** The security alerts alias of a space (owned by securitySolution; read here as the user). */
export const alertsAlias = (spaceId: string) => `.alerts-security.alerts-${spaceId}`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alerts alias (`.alerts-<type>-<space>`) or backing index (`.internal.alerts-<type>-<space>-000001`) of the space. */
export function isAlertsIndexOfSpace(index: string, spaceId: string): boolean {
  const space = escapeRegExp(spaceId);
  return new RegExp(`^\\.alerts-.+-${space}$`).test(index) || new RegExp(`^\\.internal\\.alerts-.+-${space}-\\d{6}$`).test(index);
}

export interface WorkflowAlertsClient {
  /** §6.2: `mget` as the user; any alert missing or outside the space → 400. */
  buildAlertEvent(alertIds: ReadonlyArray<{ _id: string; _index: string }>): Promise<AlertRunEvent>;
  search(body: SearchAlertsBody): Promise<SearchAlertsResponse>;
}

/** `esClient` must be scoped to the requesting user, so alert reads honour their access. */
export function createWorkflowAlertsClient({ esClient, spaceId, logger }: { esClient: Client; spaceId: string; logger: Logger }): WorkflowAlertsClient {
  return {
    async buildAlertEvent(alertIds) {
      const foreign = alertIds.filter((a) => !isAlertsIndexOfSpace(a._index, spaceId));
      if (foreign.length > 0) {
        throw new WorkflowsManagementError(400, `Alerts must come from the alerts index of space [${spaceId}]; not: ${foreign.map((a) => `${a._id} (${a._index})`).join(', ')}`);
      }
      const res = await esClient.mget<Record<string, unknown>>({ docs: alertIds.map((a) => ({ _index: a._index, _id: a._id })) });
      const fetched: FetchedAlert[] = [];
      const missing: string[] = [];
      res.docs.forEach((doc, i) => {
        const requested = alertIds[i];
        if ('found' in doc && doc.found && doc._source) {
          fetched.push({ _id: doc._id, _index: doc._index, source: expandDottedKeys(doc._source) });
        } else if (requested) {
          missing.push(`${requested._id} (${requested._index})`);
        }
      });
      if (missing.length > 0) throw new WorkflowsManagementError(400, `Alerts not found in space [${spaceId}]: ${missing.join(', ')}`);
      const { event, ruleIds } = buildAlertRunEvent(fetched, spaceId);
      if (ruleIds.length > 1) {
        logger.warn('Alerts of an alert run come from several rules; event.rule describes the first alert\'s rule', { spaceId, ruleIds });
      }
      return event;
    },

    async search(body) {
      let kql: Record<string, unknown>;
      try {
        kql = kqlToEs(body.query ?? '');
      } catch (error) {
        if (error instanceof KqlSyntaxError) throw new WorkflowsManagementError(400, `Invalid KQL query: ${error.message}`);
        throw error;
      }
      try {
        const res = await esClient.search({
          index: alertsAlias(spaceId),
          ignore_unavailable: true,
          size: body.size,
          track_total_hits: true,
          query: { bool: { filter: [kql, { range: { '@timestamp': { gte: body.from, lte: body.to } } }] } },
          sort: [{ '@timestamp': { order: 'desc', unmapped_type: 'date' } }],
        });
        const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
        return { alerts: res.hits.hits.map(toAlertSummary), total };
      } catch (error) {
        const status = errorStatus(error);
        if (status !== undefined && status >= 400 && status < 500) {
          const reason = (error as { meta?: { body?: { error?: { reason?: string } } } }).meta?.body?.error?.reason ?? (error as Error).message;
          throw new WorkflowsManagementError(400, `Alert search failed: ${reason}`);
        }
        throw error;
      }
    },
  };
}
