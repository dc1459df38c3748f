import { anonymizationFieldsFindQuerySchema } from '../../../common/api/anonymization_fields';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute, toFindParams } from '../route_helpers';

/** A1 `GET /anonymization_fields/_find`: sorted by `field` by default, `per_page` ≤ 1,000, with `stats`. */
export function registerFindAnonymizationFieldsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.anonymizationFind,
    privileges: [ASSISTANT_PRIVILEGES.read],
    summary: "Find the space's anonymization fields",
    validate: { query: anonymizationFieldsFindQuerySchema },
    handler: async ({ services, spaceId }, { query }, response) =>
      response.ok({ body: await services.dataClients.anonymizationFields.find(spaceId, toFindParams(query)) }),
  });
}
