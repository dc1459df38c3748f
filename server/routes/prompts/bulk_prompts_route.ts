import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { promptsBulkActionSchema } from '../../../common/api/prompts';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** P2 `POST /prompts/_bulk_action`: built-ins skipped as PROMPT_IS_BUILT_IN; duplicate names are 409 items. */
export function registerBulkPromptsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'post',
    path: API_ROUTES.promptsBulk,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Create, update and delete prompts in bulk',
    validate: { body: promptsBulkActionSchema },
    handler: async ({ services, scope, logger }, { body }, response) => {
      const result = await services.dataClients.prompts.bulk(scope, body);
      logger.info('Bulk action on prompts', { spaceId: scope.spaceId, user: scope.user.name, deleted: result.body.attributes.results.deleted, ...result.body.attributes.summary });
      return response.custom({ statusCode: result.statusCode, body: result.body });
    },
  });
}
