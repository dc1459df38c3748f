import { kbEntryCreateSchema } from '../../../common/api/knowledge_base';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** K3 `POST /knowledge_base/entries`: global entries need Customize › Manage global knowledge base. */
export function registerCreateKbEntryRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'post',
    path: API_ROUTES.kbEntries,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Create a knowledge base entry',
    validate: { body: kbEntryCreateSchema },
    handler: async ({ services, scope }, { body }, response) =>
      response.ok({ body: await services.dataClients.knowledgeBase.create(scope, body, { source: 'settings' }) }),
  });
}
