import { ACTIONS_API_PRIVILEGES, ACTIONS_ROUTES, createConnectorBody, optionalConnectorIdParams } from '../../common';
import { errorResponse, requestScope, toConnectorResponse, type ActionsRouteDeps } from './route_helpers';

/** POST /api/actions/connector[/{id}]: secrets are encrypted before they are stored and never answered. */
export function registerCreateConnectorRoute({ router, getService, logger }: ActionsRouteDeps): void {
  router.post(
    {
      path: ACTIONS_ROUTES.connector,
      validate: { params: optionalConnectorIdParams, body: createConnectorBody },
      security: { authz: { requiredPrivileges: [ACTIONS_API_PRIVILEGES.all] } },
      options: { access: 'public', summary: 'Create a connector' },
    },
    async (context, request, response) => {
      try {
        const { spaceId, username } = await requestScope(context);
        const connector = await (await getService()).create(
          spaceId,
          {
            ...(request.params.id ? { id: request.params.id } : {}),
            name: request.body.name,
            actionTypeId: request.body.connector_type_id,
            config: request.body.config,
            secrets: request.body.secrets,
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
