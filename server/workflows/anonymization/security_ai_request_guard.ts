import type { Client } from '@elastic/elasticsearch';
import type { FieldRule, TokenGenerator } from '../../../common/anonymization';
import { alertsAliasForSpace, belongsToSpace } from '../../../common/workflows/alerts_index';
import type { AiRequestGuardContext, AiRequestGuardFactory } from '../../../platform/plugins/workflows_execution_engine/server';
import { alertsFromAttachments, alertsFromEvent, candidateAlertIds, idsOf, MAX_ALERT_ID_LOOKUPS } from './alert_sources';
import { collectSensitiveValues, policyProtectsAnything } from './collect_values';
import { createRequestScrubber } from './request_scrubber';
import { buildValueLookup, candidateWords, mappingTypeOf, toLookupType, valuesFromLookup, type LookupFieldType } from './value_lookup';

// `transport` is part of the pick because the client's methods are typed against it (`this: That`).
export type AlertsSearchClient = Pick<Client, 'transport' | 'search' | 'indices'>;

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
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The lookup types of the protected fields in the space's alerts mapping (fields it does not map are skipped). */
async function lookupFieldTypes(esClient: AlertsSearchClient, spaceId: string, fields: readonly string[]): Promise<Map<string, LookupFieldType>> {
  let mappings: Record<string, { mappings?: { properties?: Record<string, unknown> } }>;
  try {
    mappings = await esClient.indices.getMapping({ index: alertsAliasForSpace(spaceId) });
  } catch (error) {
    if (statusOf(error) === 404) return new Map();
    throw new Error(`Reading the alerts mapping of space ${spaceId} failed: ${messageOf(error)}`, { cause: error });
  }
  const types = new Map<string, LookupFieldType>();
  for (const field of fields) {
    for (const index of Object.values(mappings)) {
      const type = toLookupType(mappingTypeOf(index.mappings?.properties, field));
      if (type) {
        types.set(field, type);
        break;
      }
    }
  }
  return types;
}

/**
 * Values of protected fields, anywhere in the space's alerts, that the texts contain word for word: one size-0
 * search with an exact terms aggregation per field. Catches values of alerts the request never names (the triage
 * prompt's "top sources"); over-matching only hides more.
 */
export async function lookupProtectedValues(
  esClient: AlertsSearchClient,
  spaceId: string,
  fields: readonly string[],
  texts: readonly string[],
): Promise<Array<Record<string, string>>> {
  const candidates = candidateWords(texts);
  if (candidates.length === 0 || fields.length === 0) return [];
  const types = await lookupFieldTypes(esClient, spaceId, fields);
  const request = buildValueLookup(types, candidates);
  if (!request) return [];
  let response;
  try {
    response = await esClient.search({ index: alertsAliasForSpace(spaceId), ...request });
  } catch (error) {
    if (statusOf(error) === 404) return [];
    throw new Error(`Looking up protected values in the alerts of space ${spaceId} failed: ${messageOf(error)}`, { cause: error });
  }
  return valuesFromLookup(types, response.aggregations as Record<string, unknown> | undefined);
}

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
    throw new Error(`Reading the alerts the request mentions failed in space ${spaceId}: ${messageOf(error)}`, { cause: error });
  }
  return response.hits.hits
    .filter((hit) => belongsToSpace(hit._source?.['kibana.space_ids'] ?? (hit._source?.kibana as { space_ids?: unknown } | undefined)?.space_ids, spaceId))
    .map((hit) => ({ ...(hit._source ?? {}), _id: hit._id }));
}

/**
 * The security plugin's guard for workflow AI steps (issue 6/8): every value of an anonymized field of every alert
 * the request talks about (trigger event, `security.alert` attachments, alert ids in the text), and every protected
 * value of the space's alerts the text contains word for word, becomes a token; values of denied fields become
 * [REDACTED]; the answer's tokens are mapped back.
 */
export function createSecurityAiRequestGuardFactory(deps: SecurityAiRequestGuardDeps): AiRequestGuardFactory {
  return async (context: AiRequestGuardContext) => {
    const rules = await deps.getPolicy(context.spaceId);
    if (!policyProtectsAnything(rules)) return undefined;
    const known = [...alertsFromEvent(context.event), ...alertsFromAttachments(context.attachments)];
    const texts = [...context.outgoingText, ...context.attachments.map((a) => (typeof a.data === 'string' ? a.data : JSON.stringify(a.data ?? null)))];
    const ids = candidateAlertIds(texts, idsOf(known), deps.maxIdLookups ?? MAX_ALERT_ID_LOOKUPS);
    const protectedFields = rules.filter((rule) => !rule.allowed || rule.anonymized).map((rule) => rule.field);
    const esClient = await deps.getEsClient();
    const [mentioned, loose] = await Promise.all([
      ids.length > 0 ? lookupAlerts(esClient, context.spaceId, ids) : [],
      lookupProtectedValues(esClient, context.spaceId, protectedFields, texts),
    ]);
    const values = collectSensitiveValues([...known, ...mentioned, ...loose], rules);
    if (values.anonymized.length === 0 && values.denied.length === 0) return undefined;
    return createRequestScrubber(values, {
      ...(deps.generateToken ? { generateToken: deps.generateToken } : {}),
      ...(deps.minFreeTextLength === undefined ? {} : { minFreeTextLength: deps.minFreeTextLength }),
    });
  };
}
