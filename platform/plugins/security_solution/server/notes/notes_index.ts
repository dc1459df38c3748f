import type { Client } from '@elastic/elasticsearch';
import { NOTES_INDEX } from '../../common/constants';

export const NOTES_MAPPINGS = {
  dynamic: 'strict',
  properties: {
    noteId: { type: 'keyword' },
    space_id: { type: 'keyword' },
    eventId: { type: 'keyword' },
    timelineId: { type: 'keyword' },
    note: { type: 'text' },
    created: { type: 'date' },
    createdBy: { type: 'keyword' },
    updated: { type: 'date' },
    updatedBy: { type: 'keyword' },
  },
} as const;

export async function ensureNotesIndex(esClient: Client): Promise<void> {
  if (await esClient.indices.exists({ index: NOTES_INDEX, expand_wildcards: 'all' })) return;
  try {
    await esClient.indices.create({ index: NOTES_INDEX, settings: { 'index.hidden': true, 'index.number_of_shards': 1, 'index.number_of_replicas': 0 }, mappings: NOTES_MAPPINGS });
  } catch (error) {
    const type = (error as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;
    if (type !== 'resource_already_exists_exception') throw new Error(`Failed to create notes index ${NOTES_INDEX}: ${(error as Error).message}`, { cause: error });
  }
}
