import { anonymizationResetSchema } from '../../../common/api/anonymization_fields';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** A3 `POST /anonymization_fields/_reset` `{preset: 'balanced'|'strict'}`. */
export function registerResetAnonymizationFieldsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'post',
    path: API_ROUTES.anonymizationReset,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: "Reset the space's anonymization fields to a preset",
    validate: { body: anonymizationResetSchema },
    handler: async ({ services, scope, logger }, { body }, response) => {
      const result = await services.dataClients.anonymizationFields.reset(scope, body.preset);
      logger.info('Anonymization fields reset', { spaceId: scope.spaceId, user: scope.user.name, preset: body.preset, outcome: 'success' });
      return response.ok({ body: result });
    },
  });
}
