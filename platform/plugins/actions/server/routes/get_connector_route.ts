import { ACTIONS_API_PRIVILEGES, ACTIONS_ROUTES, connectorIdParams } from '../../common';
import { errorResponse, requestScope, toConnectorResponse, type ActionsRouteDeps } from './route_helpers';

/** GET /api/actions/connector/{id} */
export function registerGetConnectorRoute({ router, getService, logger }: ActionsRouteDeps): void {
  router.get(
    {
      path: ACTIONS_ROUTES.connectorById,
      validate: { params: connectorIdParams },
      security: { authz: { requiredPrivileges: [ACTIONS_API_PRIVILEGES.read] } },
      options: { access: 'public', summary: 'Get a connector' },
    },
    async (context, request, response) => {
      try {
        const { spaceId } = await requestScope(context);
        return response.ok({ body: toConnectorResponse(await (await getService()).get(spaceId, request.params.id)) });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    },
  );
}
