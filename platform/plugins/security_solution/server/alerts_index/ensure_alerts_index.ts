/** Creates the per-space alerts index behind its write alias, or brings an existing one's mapping up to date. */
import type { Client } from '@elastic/elasticsearch';
import { alertsAliasName, alertsIndexName } from '../../common/constants';
import { ALERTS_INDEX_SETTINGS, ALERTS_MAPPINGS } from './mapping';

export type EnsureIndexResult = 'created' | 'updated';

function errorType(error: unknown): string | undefined {
  const body = (error as { meta?: { body?: { error?: { type?: string } } } }).meta?.body;
  return body?.error?.type;
}

export async function ensureAlertsIndex(esClient: Client, spaceId: string): Promise<EnsureIndexResult> {
  const alias = alertsAliasName(spaceId);
  const index = alertsIndexName(spaceId);
  if (await esClient.indices.existsAlias({ name: alias, expand_wildcards: 'all' })) {
    await esClient.indices.putMapping({ index: alias, ...ALERTS_MAPPINGS });
    return 'updated';
  }
  try {
    await esClient.indices.create({
      index,
      settings: ALERTS_INDEX_SETTINGS,
      mappings: ALERTS_MAPPINGS,
      aliases: { [alias]: { is_write_index: true, is_hidden: true } },
    });
    return 'created';
  } catch (error) {
    // Two nodes (or two starts) racing: the other one created it, which is what we wanted.
    if (errorType(error) === 'resource_already_exists_exception') return 'updated';
    throw new Error(`Failed to create alerts index ${index} for space ${spaceId}: ${(error as Error).message}`, { cause: error });
  }
}

/** Number of alerts in a space (0 when the alias does not exist yet). */
export async function countAlerts(esClient: Client, spaceId: string): Promise<number> {
  const alias = alertsAliasName(spaceId);
  if (!(await esClient.indices.existsAlias({ name: alias, expand_wildcards: 'all' }))) return 0;
  const res = await esClient.count({ index: alias });
  return res.count;
}
