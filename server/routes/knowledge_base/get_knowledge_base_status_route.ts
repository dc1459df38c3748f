import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** K1 `GET /knowledge_base`: mode, entry count, semantic availability and backfill. */
export function registerGetKnowledgeBaseStatusRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.knowledgeBase,
    privileges: [ASSISTANT_PRIVILEGES.read],
    summary: 'Knowledge base status',
    handler: async ({ services, scope }, _input, response) => response.ok({ body: await services.dataClients.knowledgeBase.getStatus(scope) }),
  });
}
