import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { notFoundError } from '../../storage/errors';
import { defineAssistantRoute, idParamsSchema } from '../route_helpers';

/** K6 `DELETE /knowledge_base/entries/{id}`. */
export function registerDeleteKbEntryRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'delete',
    path: API_ROUTES.kbEntryById,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Delete a knowledge base entry',
    validate: { params: idParamsSchema },
    handler: async ({ services, scope, logger }, { params }, response) => {
      if (!(await services.dataClients.knowledgeBase.delete(scope, params.id))) throw notFoundError('Knowledge base entry', params.id, scope.spaceId);
      logger.info('Deleted knowledge base entry', { id: params.id, spaceId: scope.spaceId, user: scope.user.name, outcome: 'success' });
      return response.ok({ body: { id: params.id } });
    },
  });
}
