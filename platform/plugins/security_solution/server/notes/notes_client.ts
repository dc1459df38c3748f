/**
 * Notes on alerts (Elastic Security's `/api/note`), one hidden index for all spaces with a `space_id`
 * field. Updates are compare-and-set: with a client `version` a stale write is a 409; without one the
 * write is re-applied on the latest version, so concurrent writers never lose a note.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { Note } from '../../common/api';
import { NOTES_INDEX } from '../../common/constants';
import { decodeNoteVersion, encodeNoteVersion } from './note_version';

interface StoredNote {
  noteId: string;
  space_id: string;
  eventId: string;
  timelineId: string;
  note: string;
  created: number;
  createdBy: string;
  updated: number;
  updatedBy: string;
}

export class NoteNotFoundError extends Error {
  override readonly name = 'NoteNotFoundError';
}
export class NoteConflictError extends Error {
  override readonly name = 'NoteConflictError';
}

export interface NotesClient {
  persist(input: { noteId?: string | null; version?: string | null; note: { eventId: string; timelineId?: string | null; note: string } }): Promise<Note>;
  find(query: { documentIds: string[]; noteIds: string[]; page: number; perPage: number }): Promise<{ notes: Note[]; totalCount: number }>;
  delete(noteIds: string[]): Promise<{ deleted: number }>;
}

function isConflict(error: unknown): boolean {
  return (error as { meta?: { statusCode?: number } }).meta?.statusCode === 409;
}

function toNote(stored: StoredNote, seqNo: number, primaryTerm: number): Note {
  const { space_id: _space, ...rest } = stored;
  return { ...rest, version: encodeNoteVersion(seqNo, primaryTerm) };
}

const MAX_RETRIES = 10;

export function createNotesClient(deps: { esClient: Client; spaceId: string; username: string; now?: () => number }): NotesClient {
  const { esClient, spaceId, username } = deps;
  const now = deps.now ?? Date.now;

  async function getStored(noteId: string): Promise<{ source: StoredNote; seqNo: number; primaryTerm: number } | undefined> {
    try {
      const res = await esClient.get<StoredNote>({ index: NOTES_INDEX, id: noteId });
      if (!res.found || !res._source || res._source.space_id !== spaceId || res._seq_no === undefined || res._primary_term === undefined) return undefined;
      return { source: res._source, seqNo: res._seq_no, primaryTerm: res._primary_term };
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 404) return undefined;
      throw error;
    }
  }

  return {
    async persist(input) {
      const text = input.note.note;
      if (!input.noteId) {
        const noteId = randomUUID();
        const ts = now();
        const stored: StoredNote = { noteId, space_id: spaceId, eventId: input.note.eventId, timelineId: input.note.timelineId ?? '', note: text, created: ts, createdBy: username, updated: ts, updatedBy: username };
        const res = await esClient.index({ index: NOTES_INDEX, id: noteId, document: stored, op_type: 'create', refresh: true });
        return toNote(stored, res._seq_no ?? 0, res._primary_term ?? 1);
      }
      const expected = input.version ? decodeNoteVersion(input.version) : undefined;
      if (input.version && !expected) throw new NoteConflictError(`Invalid version "${input.version}" for note ${input.noteId}`);
      for (let attempt = 0; ; attempt++) {
        const current = await getStored(input.noteId);
        if (!current) throw new NoteNotFoundError(`Note ${input.noteId} not found in space ${spaceId}`);
        if (expected && (expected.seqNo !== current.seqNo || expected.primaryTerm !== current.primaryTerm)) {
          throw new NoteConflictError(`Note ${input.noteId} was changed by someone else (version ${input.version} is stale); reload it and retry`);
        }
        const stored: StoredNote = { ...current.source, note: text, eventId: input.note.eventId, timelineId: input.note.timelineId ?? current.source.timelineId, updated: now(), updatedBy: username };
        try {
          const res = await esClient.index({ index: NOTES_INDEX, id: input.noteId, document: stored, if_seq_no: current.seqNo, if_primary_term: current.primaryTerm, refresh: true });
          return toNote(stored, res._seq_no ?? 0, res._primary_term ?? 1);
        } catch (error) {
          if (!isConflict(error)) throw error;
          if (expected) throw new NoteConflictError(`Note ${input.noteId} was changed by someone else; reload it and retry`);
          if (attempt >= MAX_RETRIES) throw new NoteConflictError(`Note ${input.noteId} kept changing; gave up after ${MAX_RETRIES} retries`);
        }
      }
    },

    async find(query) {
      const should: Array<{ terms: Record<string, string[]> }> = [];
      if (query.documentIds.length > 0) should.push({ terms: { eventId: query.documentIds } });
      if (query.noteIds.length > 0) should.push({ terms: { noteId: query.noteIds } });
      const res = await esClient.search<StoredNote>({
        index: NOTES_INDEX,
        query: { bool: { filter: [{ term: { space_id: spaceId } }], should, minimum_should_match: 1 } },
        sort: [{ created: 'asc' }, { noteId: 'asc' }],
        from: (query.page - 1) * query.perPage,
        size: query.perPage,
        seq_no_primary_term: true,
        track_total_hits: true,
        ignore_unavailable: true,
      });
      const total = res.hits.total;
      return {
        totalCount: typeof total === 'number' ? total : (total?.value ?? 0),
        notes: res.hits.hits.flatMap((h) => (h._source ? [toNote(h._source, h._seq_no ?? 0, h._primary_term ?? 1)] : [])),
      };
    },

    async delete(noteIds) {
      // Every id is checked before anything is deleted, so a bad id in the list leaves all notes in place.
      const ids = [...new Set(noteIds)];
      for (const id of ids) {
        if (!(await getStored(id))) throw new NoteNotFoundError(`Note ${id} not found in space ${spaceId}`);
      }
      let deleted = 0;
      for (const id of ids) {
        await esClient.delete({ index: NOTES_INDEX, id, refresh: true });
        deleted++;
      }
      return { deleted };
    },
  };
}
