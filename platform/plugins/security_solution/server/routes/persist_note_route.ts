import type { IRouter } from '../../../../core/server';
import { persistNoteRequestBody } from '../../common/api';
import { NOTE_URL, PRIVILEGE_ALL } from '../../common/constants';
import { clientsFor, errorResponse } from './route_context';

/** PATCH /api/note { noteId?, version?, note: { eventId, timelineId, note } } → { note } */
export function registerPersistNoteRoute(router: IRouter): void {
  router.patch(
    {
      path: NOTE_URL,
      validate: { body: persistNoteRequestBody },
      security: { authz: { requiredPrivileges: [PRIVILEGE_ALL] } },
      options: { access: 'public', summary: 'Create or update a note' },
    },
    async (context, request, response) => {
      try {
        const { notes } = await clientsFor(context);
        const note = await notes.persist({ noteId: request.body.noteId, version: request.body.version, note: request.body.note });
        return response.ok({ body: { note } });
      } catch (error) {
        return errorResponse(error, response);
      }
    },
  );
}
