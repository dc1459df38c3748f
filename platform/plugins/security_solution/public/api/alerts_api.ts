/** Typed browser client of the securitySolution HTTP API (schemas and types from common/api). */
import type { HttpSetup } from '../../../../core/public';
import type {
  BulkUpdateSummary,
  GetNotesResponse,
  PersistNoteResponse,
  SearchAlertsRequestBody,
  SearchAlertsResponse,
  SetAlertStatusRequestInput,
} from '../../common/api';
import { DETECTION_ENGINE_SIGNALS_SEARCH_URL, DETECTION_ENGINE_SIGNALS_STATUS_URL, DETECTION_ENGINE_SIGNALS_TAGS_URL, NOTE_URL } from '../../common/constants';

export interface AlertsApi {
  searchAlerts(body: SearchAlertsRequestBody, signal?: AbortSignal): Promise<SearchAlertsResponse>;
  setStatus(body: SetAlertStatusRequestInput): Promise<BulkUpdateSummary>;
  setTags(ids: string[], tags: { tags_to_add: string[]; tags_to_remove: string[] }): Promise<BulkUpdateSummary>;
  getNotes(documentIds: string[]): Promise<GetNotesResponse>;
  persistNote(input: { noteId?: string; version?: string; eventId: string; note: string }): Promise<PersistNoteResponse>;
  deleteNote(noteId: string): Promise<void>;
}

export function createAlertsApi(http: HttpSetup): AlertsApi {
  return {
    searchAlerts: (body, signal) => http.post<SearchAlertsResponse>(DETECTION_ENGINE_SIGNALS_SEARCH_URL, { body, signal }),
    setStatus: (body) => http.post<BulkUpdateSummary>(DETECTION_ENGINE_SIGNALS_STATUS_URL, { body }),
    setTags: (ids, tags) => http.post<BulkUpdateSummary>(DETECTION_ENGINE_SIGNALS_TAGS_URL, { body: { ids, tags } }),
    getNotes: (documentIds) => http.get<GetNotesResponse>(NOTE_URL, { query: { documentIds } }),
    persistNote: ({ noteId, version, eventId, note }) =>
      http.patch<PersistNoteResponse>(NOTE_URL, { body: { ...(noteId ? { noteId } : {}), ...(version ? { version } : {}), note: { eventId, timelineId: '', note } } }),
    deleteNote: async (noteId) => {
      await http.delete(NOTE_URL, { body: { noteId } });
    },
  };
}
