import type { Client } from '@elastic/elasticsearch';
import { WORKFLOWS_INDEX } from '../../common/constants';

/**
 * Explicit mappings of `.workflows-workflows` (workflow-engine §5.8): the list filters and sorts on the indexed
 * fields; YAML, definition and diagnostics are only kept in `_source`. `dynamic: false` keeps stray keys unindexed.
 */
export const WORKFLOWS_INDEX_MAPPINGS = {
  dynamic: false,
  properties: {
    id: { type: 'keyword' },
    spaceId: { type: 'keyword' },
    name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } },
    description: { type: 'text' },
    enabled: { type: 'boolean' },
    valid: { type: 'boolean' },
    tags: { type: 'keyword' },
    triggerTypes: { type: 'keyword' },
    createdBy: { type: 'keyword' },
    lastUpdatedBy: { type: 'keyword' },
    createdAt: { type: 'date' },
    updatedAt: { type: 'date' },
    deletedAt: { type: 'date' },
    // A string: `enabled: false` applies to objects only, so the YAML is stored as an unindexed text field.
    yaml: { type: 'text', index: false },
    definition: { type: 'object', enabled: false },
    validationErrors: { type: 'object', enabled: false },
  },
} as const;

/** Creates the hidden index, or adds any mapping this version introduced to an existing one. */
export async function ensureWorkflowsIndex(esClient: Client, index: string = WORKFLOWS_INDEX): Promise<'created' | 'updated'> {
  const exists = await esClient.indices.exists({ index, expand_wildcards: 'all' });
  if (exists) {
    await esClient.indices.putMapping({ index, expand_wildcards: 'all', ...WORKFLOWS_INDEX_MAPPINGS });
    return 'updated';
  }
  try {
    await esClient.indices.create({
      index,
      settings: { 'index.hidden': true, number_of_shards: 1 },
      mappings: WORKFLOWS_INDEX_MAPPINGS,
    });
    return 'created';
  } catch (error) {
    // Another process created it between the check and the create.
    if (errorType(error) === 'resource_already_exists_exception') return 'updated';
    throw error;
  }
}

export function errorType(error: unknown): string | undefined {
  const meta = (error as { meta?: { body?: { error?: { type?: string } } } }).meta;
  return meta?.body?.error?.type;
}

export function errorStatus(error: unknown): number | undefined {
  return (error as { meta?: { statusCode?: number } }).meta?.statusCode;
}
