import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { notFoundError } from '../../storage/errors';
import { defineAssistantRoute, idParamsSchema } from '../route_helpers';

/** C2 `GET /current_user/conversations/{id}`: 404 unless the user owns it in this space. */
export function registerGetConversationRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.conversationById,
    privileges: [ASSISTANT_PRIVILEGES.read],
    summary: 'Get a conversation',
    validate: { params: idParamsSchema },
    handler: async ({ services, scope }, { params }, response) => {
      const conversation = await services.dataClients.conversations.get(scope, params.id);
      if (!conversation) throw notFoundError('Conversation', params.id, scope.spaceId);
      return response.ok({ body: conversation });
    },
  });
}
