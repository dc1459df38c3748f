import { z } from 'zod/v4';

/** PATCH /api/note: create (no noteId) or update (noteId, optionally the `version` last read). */
export const persistNoteRequestBody = z
  .object({
    noteId: z.string().min(1).nullish(),
    version: z.string().min(1).nullish(),
    note: z
      .object({
        eventId: z.string().min(1),
        timelineId: z.string().nullish(),
        note: z.string().min(1).max(100_000),
      })
      .passthrough(),
  })
  .passthrough();
export type PersistNoteRequestBody = z.infer<typeof persistNoteRequestBody>;

export const noteSchema = z.object({
  noteId: z.string(),
  version: z.string(),
  eventId: z.string(),
  timelineId: z.string(),
  note: z.string(),
  created: z.number(),
  createdBy: z.string(),
  updated: z.number(),
  updatedBy: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

export interface PersistNoteResponse {
  note: Note;
}

export const MAX_NOTES_WINDOW = 10_000;

const stringOrArray = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const getNotesRequestQuery = z
  .object({
    documentIds: stringOrArray.optional(),
    noteIds: stringOrArray.optional(),
    page: z.coerce.number().int().min(1).default(1),
    perPage: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => q.documentIds !== undefined || q.noteIds !== undefined, { message: 'documentIds or noteIds is required', path: ['documentIds'] })
  // Elasticsearch's default result window: deeper pages would fail there with an opaque "all shards failed".
  .refine((q) => q.page * q.perPage <= MAX_NOTES_WINDOW, { message: `page * perPage must not exceed ${MAX_NOTES_WINDOW}`, path: ['page'] });
export type GetNotesRequestQuery = z.infer<typeof getNotesRequestQuery>;

export interface GetNotesResponse {
  notes: Note[];
  totalCount: number;
}

export const deleteNoteRequestBody = z
  .object({ noteId: z.string().min(1).optional(), noteIds: z.array(z.string().min(1)).min(1).optional() })
  .strict()
  .refine((b) => (b.noteId === undefined) !== (b.noteIds === undefined), { message: 'Exactly one of noteId or noteIds is required', path: ['noteId'] });
export type DeleteNoteRequestBody = z.infer<typeof deleteNoteRequestBody>;

/** Splits `a,b` and repeated query params into one list. */
export function toIdList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
