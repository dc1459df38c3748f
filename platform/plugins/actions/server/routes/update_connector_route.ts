import { ACTIONS_API_PRIVILEGES, ACTIONS_ROUTES, connectorIdParams, updateConnectorBody } from '../../common';
import { errorResponse, requestScope, toConnectorResponse, type ActionsRouteDeps } from './route_helpers';

/** PUT /api/actions/connector/{id}: the type is immutable; omitted secrets keep the stored ones. */
export function registerUpdateConnectorRoute({ router, getService, logger }: ActionsRouteDeps): void {
  router.put(
    {
      path: ACTIONS_ROUTES.connectorById,
      validate: { params: connectorIdParams, body: updateConnectorBody },
      security: { authz: { requiredPrivileges: [ACTIONS_API_PRIVILEGES.all] } },
      options: { access: 'public', summary: 'Update a connector' },
    },
    async (context, request, response) => {
      try {
        const { spaceId, username } = await requestScope(context);
        const connector = await (await getService()).update(
          spaceId,
          request.params.id,
          {
            name: request.body.name,
            config: request.body.config,
            ...(request.body.secrets !== undefined ? { secrets: request.body.secrets } : {}),
          },
          username,
        );
        return response.ok({ body: toConnectorResponse(connector) });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    },
  );
}
