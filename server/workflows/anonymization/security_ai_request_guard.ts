import type { Client } from '@elastic/elasticsearch';
import type { FieldRule, TokenGenerator } from '../../../common/anonymization';
import { alertsAliasForSpace, belongsToSpace } from '../../../common/workflows/alerts_index';
import type { AiRequestGuardContext, AiRequestGuardFactory } from '../../../platform/plugins/workflows_execution_engine/server';
import { alertsFromAttachments, alertsFromEvent, candidateAlertIds, idsOf, MAX_ALERT_ID_LOOKUPS } from './alert_sources';
import { collectSensitiveValues, policyProtectsAnything } from './collect_values';
import { createRequestScrubber } from './request_scrubber';

// `transport` is part of the pick because the client's methods are typed against it (`this: That`).
export type AlertsSearchClient = Pick<Client, 'transport' | 'search'>;

export interface SecurityAiRequestGuardDeps {
  /** The space's anonymization rows (the assistant's data client seeds the defaults when none are stored). */
  getPolicy(spaceId: string): Promise<FieldRule[]>;
  /** Host-identity client: reads the space's alerts alias, never another space's. */
  getEsClient(): Promise<AlertsSearchClient>;
  maxIdLookups?: number;
  generateToken?: TokenGenerator;
  minFreeTextLength?: number;
}

const statusOf = (error: unknown): unknown => (error as { meta?: { statusCode?: unknown } } | undefined)?.meta?.statusCode;

/**
 * The space's alerts among `ids`, in one bounded `ids` search on the alias (`mget` cannot resolve an alias). A space
 * without an alerts index has none; any other failure propagates, so the step fails instead of sending unguarded.
 */
export async function lookupAlerts(esClient: AlertsSearchClient, spaceId: string, ids: readonly string[]): Promise<Array<Record<string, unknown>>> {
  if (ids.length === 0) return [];
  let response;
  try {
    response = await esClient.search<Record<string, unknown>>({
      index: alertsAliasForSpace(spaceId),
      size: ids.length,
      query: { ids: { values: [...ids] } },
    });
  } catch (error) {
    if (statusOf(error) === 404) return [];
    throw new Error(`Reading the alerts the request mentions failed in space ${spaceId}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return response.hits.hits
    .filter((hit) => belongsToSpace(hit._source?.['kibana.space_ids'] ?? (hit._source?.kibana as { space_ids?: unknown } | undefined)?.space_ids, spaceId))
    .map((hit) => ({ ...(hit._source ?? {}), _id: hit._id }));
}

/**
 * The security plugin's guard for workflow AI steps (issue 6/8): every value of an anonymized field of every alert
 * the request talks about (trigger event, `security.alert` attachments, alert ids in the text) becomes a token,
 * values of denied fields become [REDACTED]; the answer's tokens are mapped back.
 */
export function createSecurityAiRequestGuardFactory(deps: SecurityAiRequestGuardDeps): AiRequestGuardFactory {
  return async (context: AiRequestGuardContext) => {
    const rules = await deps.getPolicy(context.spaceId);
    if (!policyProtectsAnything(rules)) return undefined;
    const known = [...alertsFromEvent(context.event), ...alertsFromAttachments(context.attachments)];
    const texts = [...context.outgoingText, ...context.attachments.map((a) => (typeof a.data === 'string' ? a.data : JSON.stringify(a.data ?? null)))];
    const ids = candidateAlertIds(texts, idsOf(known), deps.maxIdLookups ?? MAX_ALERT_ID_LOOKUPS);
    const mentioned = ids.length > 0 ? await lookupAlerts(await deps.getEsClient(), context.spaceId, ids) : [];
    const values = collectSensitiveValues([...known, ...mentioned], rules);
    if (values.anonymized.length === 0 && values.denied.length === 0) return undefined;
    return createRequestScrubber(values, {
      ...(deps.generateToken ? { generateToken: deps.generateToken } : {}),
      ...(deps.minFreeTextLength === undefined ? {} : { minFreeTextLength: deps.minFreeTextLength }),
    });
  };
}
