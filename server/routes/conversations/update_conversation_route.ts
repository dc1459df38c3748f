import { conversationUpdateSchema } from '../../../common/api/conversations';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { notFoundError } from '../../storage/errors';
import { defineAssistantRoute, idParamsSchema } from '../route_helpers';

/** C3 `PUT /current_user/conversations/{id}`: OCC write (409 after one retry). */
export function registerUpdateConversationRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'put',
    path: API_ROUTES.conversationById,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Update a conversation',
    validate: { params: idParamsSchema, body: conversationUpdateSchema },
    handler: async ({ services, scope }, { params, body }, response) => {
      const conversation = await services.dataClients.conversations.update(scope, params.id, body);
      if (!conversation) throw notFoundError('Conversation', params.id, scope.spaceId);
      return response.ok({ body: conversation });
    },
  });
}
