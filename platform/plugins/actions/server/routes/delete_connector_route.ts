import { ACTIONS_API_PRIVILEGES, ACTIONS_ROUTES, connectorIdParams } from '../../common';
import { errorResponse, requestScope, type ActionsRouteDeps } from './route_helpers';

/** DELETE /api/actions/connector/{id} → 204; preconfigured connectors cannot be deleted. */
export function registerDeleteConnectorRoute({ router, getService, logger }: ActionsRouteDeps): void {
  router.delete(
    {
      path: ACTIONS_ROUTES.connectorById,
      validate: { params: connectorIdParams },
      security: { authz: { requiredPrivileges: [ACTIONS_API_PRIVILEGES.all] } },
      options: { access: 'public', summary: 'Delete a connector' },
    },
    async (context, request, response) => {
      try {
        const { spaceId } = await requestScope(context);
        await (await getService()).delete(spaceId, request.params.id);
        return response.noContent();
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    },
  );
}
