import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { notFoundError } from '../../storage/errors';
import { defineAssistantRoute, idParamsSchema } from '../route_helpers';

/** K4 `GET /knowledge_base/entries/{id}`: invisible entries are 404. */
export function registerGetKbEntryRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.kbEntryById,
    privileges: [ASSISTANT_PRIVILEGES.read],
    summary: 'Get a knowledge base entry',
    validate: { params: idParamsSchema },
    handler: async ({ services, scope }, { params }, response) => {
      const entry = await services.dataClients.knowledgeBase.get(scope, params.id);
      if (!entry) throw notFoundError('Knowledge base entry', params.id, scope.spaceId);
      return response.ok({ body: entry });
    },
  });
}
