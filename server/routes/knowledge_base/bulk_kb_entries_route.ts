import { kbEntriesBulkActionSchema } from '../../../common/api/knowledge_base';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** K8 `POST /knowledge_base/entries/_bulk_action`: forbidden items are 403 item errors. */
export function registerBulkKbEntriesRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'post',
    path: API_ROUTES.kbEntriesBulk,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Create, update and delete knowledge base entries in bulk',
    validate: { body: kbEntriesBulkActionSchema },
    handler: async ({ services, scope, logger }, { body }, response) => {
      const result = await services.dataClients.knowledgeBase.bulk(scope, body);
      logger.info('Bulk action on knowledge base entries', { spaceId: scope.spaceId, user: scope.user.name, deleted: result.body.attributes.results.deleted, ...result.body.attributes.summary });
      return response.custom({ statusCode: result.statusCode, body: result.body });
    },
  });
}
