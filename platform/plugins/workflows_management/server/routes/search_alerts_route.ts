import { searchAlertsBody } from '../../common/api';
import { WORKFLOWS_ROUTES } from '../../common/constants';
import { errorResponse, READ_SECURITY, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/**
 * POST /internal/workflows/alerts/_search: the run dialog's alert picker over `.alerts-security.alerts-<space>`, read
 * as the user. An unversioned internal route, so browsers need not send `elastic-api-version`.
 */
export function registerSearchAlertsRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.post(
    { path: WORKFLOWS_ROUTES.alertsSearch, validate: { body: searchAlertsBody }, security: READ_SECURITY, options: { access: 'internal' } },
    async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        return response.ok({ body: await (await getService()).searchAlerts(request.body, spaceId, request) });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    },
  );
}
