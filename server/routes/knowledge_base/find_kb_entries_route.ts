import { kbEntriesFindQuerySchema } from '../../../common/api/knowledge_base';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute, toFindParams } from '../route_helpers';

/** K7 `GET /knowledge_base/entries/_find`: global entries and the user's own. */
export function registerFindKbEntriesRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.kbEntriesFind,
    privileges: [ASSISTANT_PRIVILEGES.read],
    summary: 'Find knowledge base entries',
    validate: { query: kbEntriesFindQuerySchema },
    handler: async ({ services, scope }, { query }, response) =>
      response.ok({ body: await services.dataClients.knowledgeBase.find(scope, toFindParams(query)) }),
  });
}
