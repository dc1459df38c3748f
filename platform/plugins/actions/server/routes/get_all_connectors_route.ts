import { ACTIONS_API_PRIVILEGES, ACTIONS_ROUTES } from '../../common';
import { errorResponse, requestScope, toConnectorResponse, type ActionsRouteDeps } from './route_helpers';

/** GET /api/actions/connectors: the space's connectors plus the preconfigured ones, by name. */
export function registerGetAllConnectorsRoute({ router, getService, logger }: ActionsRouteDeps): void {
  router.get(
    {
      path: ACTIONS_ROUTES.connectors,
      validate: false,
      security: { authz: { requiredPrivileges: [ACTIONS_API_PRIVILEGES.read] } },
      options: { access: 'public', summary: 'Get all connectors' },
    },
    async (context, _request, response) => {
      try {
        const { spaceId } = await requestScope(context);
        const connectors = await (await getService()).list(spaceId);
        return response.ok({ body: connectors.map(toConnectorResponse) });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    },
  );
}
