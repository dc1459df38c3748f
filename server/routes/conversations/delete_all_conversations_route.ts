import { deleteAllConversationsSchema } from '../../../common/api/conversations';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** C5 `DELETE /current_user/conversations` `{excludedIds?}`. */
export function registerDeleteAllConversationsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'delete',
    path: API_ROUTES.conversations,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: "Delete all of the user's conversations in the space",
    validate: { body: deleteAllConversationsSchema },
    handler: async ({ services, scope, logger }, { body }, response) => {
      const result = await services.dataClients.conversations.deleteAll(scope, body.excludedIds);
      logger.info('Deleted all conversations', { spaceId: scope.spaceId, user: scope.user.name, totalDeleted: result.totalDeleted, failures: result.failures.length });
      return response.ok({ body: result });
    },
  });
}
