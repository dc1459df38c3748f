import { conversationsExportQuerySchema } from '../../../common/api/conversations';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** C8 `GET /current_user/conversations/_export?ids=`: one conversation per NDJSON line, with messages. */
export function registerExportConversationsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.conversationsExport,
    privileges: [ASSISTANT_PRIVILEGES.read],
    summary: "Export the user's conversations as NDJSON",
    validate: { query: conversationsExportQuerySchema },
    handler: async ({ services, scope }, { query }, response) => {
      const conversations = await services.dataClients.conversations.exportAll(scope, query.ids);
      const body = conversations.map((c) => JSON.stringify(c)).join('\n') + (conversations.length > 0 ? '\n' : '');
      return response.ok({
        body,
        headers: { 'content-type': 'application/x-ndjson', 'content-disposition': 'attachment; filename="conversations.ndjson"' },
      });
    },
  });
}
