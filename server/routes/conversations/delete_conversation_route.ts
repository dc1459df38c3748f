import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { notFoundError } from '../../storage/errors';
import { defineAssistantRoute, idParamsSchema } from '../route_helpers';

/** C4 `DELETE /current_user/conversations/{id}`. */
export function registerDeleteConversationRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'delete',
    path: API_ROUTES.conversationById,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Delete a conversation',
    validate: { params: idParamsSchema },
    handler: async ({ services, scope, logger }, { params }, response) => {
      if (!(await services.dataClients.conversations.delete(scope, params.id))) throw notFoundError('Conversation', params.id, scope.spaceId);
      logger.info('Deleted conversation', { id: params.id, spaceId: scope.spaceId, user: scope.user.name, outcome: 'success' });
      return response.ok({ body: { id: params.id } });
    },
  });
}
