import { conversationCreateSchema } from '../../../common/api/conversations';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** C1 `POST /current_user/conversations`: 409 when the id exists. */
export function registerCreateConversationRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'post',
    path: API_ROUTES.conversations,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Create a conversation',
    validate: { body: conversationCreateSchema },
    handler: async ({ services, scope }, { body }, response) => response.ok({ body: await services.dataClients.conversations.create(scope, body) }),
  });
}
