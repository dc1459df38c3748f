import { conversationsFindQuerySchema } from '../../../common/api/conversations';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute, projectFields, toFindParams } from '../route_helpers';

/** C6 `GET /current_user/conversations/_find`: `messages` only when listed in `fields`. */
export function registerFindConversationsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.conversationsFind,
    privileges: [ASSISTANT_PRIVILEGES.read],
    summary: "Find the user's conversations",
    validate: { query: conversationsFindQuerySchema },
    handler: async ({ services, scope }, { query }, response) => {
      const found = await services.dataClients.conversations.find(scope, toFindParams(query));
      return response.ok({ body: { ...found, data: projectFields(found.data, query.fields) } });
    },
  });
}
