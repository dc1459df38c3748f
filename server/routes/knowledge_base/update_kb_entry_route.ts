import { kbEntryUpdateSchema } from '../../../common/api/knowledge_base';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { notFoundError } from '../../storage/errors';
import { defineAssistantRoute, idParamsSchema } from '../route_helpers';

/** K5 `PUT /knowledge_base/entries/{id}`: global → private answers with a new private copy. */
export function registerUpdateKbEntryRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'put',
    path: API_ROUTES.kbEntryById,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Update a knowledge base entry',
    validate: { params: idParamsSchema, body: kbEntryUpdateSchema },
    handler: async ({ services, scope }, { params, body }, response) => {
      const entry = await services.dataClients.knowledgeBase.update(scope, params.id, body);
      if (!entry) throw notFoundError('Knowledge base entry', params.id, scope.spaceId);
      return response.ok({ body: entry });
    },
  });
}
