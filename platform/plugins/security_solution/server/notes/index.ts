export { createNotesClient, NoteConflictError, NoteNotFoundError } from './notes_client';
export type { NotesClient } from './notes_client';
export { ensureNotesIndex, NOTES_MAPPINGS } from './notes_index';
export { decodeNoteVersion, encodeNoteVersion } from './note_version';
