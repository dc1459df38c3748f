import { anonymizationFieldsBulkActionSchema } from '../../../common/api/anonymization_fields';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** A2 `POST /anonymization_fields/_bulk_action`: needs Customize › Edit anonymization (checked per item). */
export function registerBulkAnonymizationFieldsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'post',
    path: API_ROUTES.anonymizationBulk,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Create, update and delete anonymization fields in bulk',
    validate: { body: anonymizationFieldsBulkActionSchema },
    handler: async ({ services, scope, logger }, { body }, response) => {
      const result = await services.dataClients.anonymizationFields.bulk(scope, body);
      logger.info('Anonymization fields changed', { spaceId: scope.spaceId, user: scope.user.name, ...result.body.attributes.summary });
      return response.custom({ statusCode: result.statusCode, body: result.body });
    },
  });
}
