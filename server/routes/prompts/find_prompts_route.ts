import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { promptsFindQuerySchema } from '../../../common/api/prompts';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute, toFindParams } from '../route_helpers';

/** P1 `GET /prompts/_find`: the user's prompts with the built-ins merged in (`include_defaults`, default true). */
export function registerFindPromptsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.promptsFind,
    privileges: [ASSISTANT_PRIVILEGES.read],
    summary: 'Find system and quick prompts',
    validate: { query: promptsFindQuerySchema },
    handler: async ({ services, scope }, { query }, response) =>
      response.ok({
        body: await services.dataClients.prompts.find(scope, {
          ...toFindParams(query),
          includeDefaults: query.include_defaults,
          ...(query.prompt_type ? { promptType: query.prompt_type } : {}),
        }),
      }),
  });
}
