import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/**
 * K2 `POST /knowledge_base`: enables semantic mode where an inference endpoint exists (idempotent, 202). Without
 * one (the embedded engine) the status says so honestly: mode stays lexical with `degraded_reason`.
 */
export function registerSetupSemanticKnowledgeBaseRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'post',
    path: API_ROUTES.knowledgeBase,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Enable semantic knowledge base search',
    handler: async ({ services, scope, logger }, _input, response) => {
      const status = await services.dataClients.knowledgeBase.setupSemantic(scope);
      logger.info('Knowledge base semantic setup requested', { spaceId: scope.spaceId, user: scope.user.name, mode: status.mode, available: status.semantic.available });
      const body = status.semantic.available
        ? status
        : { ...status, degraded_reason: status.degraded_reason ?? 'Semantic search is unavailable on this cluster; the knowledge base stays in lexical mode.' };
      return response.accepted({ body });
    },
  });
}
