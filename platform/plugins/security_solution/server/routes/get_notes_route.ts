import type { IRouter } from '../../../../core/server';
import { getNotesRequestQuery, toIdList } from '../../common/api';
import { NOTE_URL, PRIVILEGE_READ } from '../../common/constants';
import { clientsFor, errorResponse } from './route_context';

/** GET /api/note?documentIds=a&documentIds=b (or noteIds) → { notes, totalCount } */
export function registerGetNotesRoute(router: IRouter): void {
  router.get(
    {
      path: NOTE_URL,
      validate: { query: getNotesRequestQuery },
      security: { authz: { requiredPrivileges: [PRIVILEGE_READ] } },
      options: { access: 'public', summary: 'Get notes of alerts' },
    },
    async (context, request, response) => {
      try {
        const { notes } = await clientsFor(context);
        const q = request.query;
        return response.ok({ body: await notes.find({ documentIds: toIdList(q.documentIds), noteIds: toIdList(q.noteIds), page: q.page, perPage: q.perPage }) });
      } catch (error) {
        return errorResponse(error, response);
      }
    },
  );
}
