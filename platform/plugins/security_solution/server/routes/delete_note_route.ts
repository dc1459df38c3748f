import type { IRouter } from '../../../../core/server';
import { deleteNoteRequestBody } from '../../common/api';
import { NOTE_URL, PRIVILEGE_ALL } from '../../common/constants';
import { clientsFor, errorResponse } from './route_context';

/** DELETE /api/note { noteId } | { noteIds } */
export function registerDeleteNoteRoute(router: IRouter): void {
  router.delete(
    {
      path: NOTE_URL,
      validate: { body: deleteNoteRequestBody },
      security: { authz: { requiredPrivileges: [PRIVILEGE_ALL] } },
      options: { access: 'public', summary: 'Delete notes' },
    },
    async (context, request, response) => {
      try {
        const { notes } = await clientsFor(context);
        const ids = request.body.noteIds ?? (request.body.noteId ? [request.body.noteId] : []);
        return response.ok({ body: await notes.delete(ids) });
      } catch (error) {
        return errorResponse(error, response);
      }
    },
  );
}
