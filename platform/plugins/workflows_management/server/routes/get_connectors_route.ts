import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { errorResponse, READ_SECURITY, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** GET /api/workflows/connectors: the space's AI connectors with the default flagged (empty without the actions plugin). */
export function registerGetConnectorsRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .get({ path: WORKFLOWS_ROUTES.connectors, access: 'public', security: READ_SECURITY, options: { summary: 'List AI connectors for workflows' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: false }, async (context, _request, response) => {
      try {
        const spaceId = await requestSpace(context);
        return response.ok({ body: { connectors: await (await getService()).listConnectors(spaceId) } });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
