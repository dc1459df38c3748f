import { conversationsBulkActionSchema } from '../../../common/api/conversations';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** C7 `POST /current_user/conversations/_bulk_action`: 200, 207 partial, or the first error's status. */
export function registerBulkConversationsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'post',
    path: API_ROUTES.conversationsBulk,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Create, update and delete conversations in bulk',
    validate: { body: conversationsBulkActionSchema },
    handler: async ({ services, scope, logger }, { body }, response) => {
      const result = await services.dataClients.conversations.bulk(scope, body);
      logger.info('Bulk action on conversations', { spaceId: scope.spaceId, user: scope.user.name, deleted: result.body.attributes.results.deleted, ...result.body.attributes.summary });
      return response.custom({ statusCode: result.statusCode, body: result.body });
    },
  });
}
