import { ACTIONS_API_PRIVILEGES, ACTIONS_ROUTES, connectorIdParams, executeConnectorBody, type ExecuteConnectorResponse } from '../../common';
import { errorResponse, requestScope, type ActionsRouteDeps } from './route_helpers';

/**
 * POST /api/actions/connector/{id}/_execute: "test connector". As in Kibana, a provider failure is a 200 with
 * `status: "error"` and the provider's message (secrets removed); an unknown connector is a 404.
 */
export function registerExecuteConnectorRoute({ router, getService, logger }: ActionsRouteDeps): void {
  router.post(
    {
      path: ACTIONS_ROUTES.execute,
      validate: { params: connectorIdParams, body: executeConnectorBody },
      security: { authz: { requiredPrivileges: [ACTIONS_API_PRIVILEGES.read] } },
      options: { access: 'public', summary: 'Run a connector' },
    },
    async (context, request, response) => {
      try {
        const { spaceId } = await requestScope(context);
        const { subAction, subActionParams } = request.body.params;
        const result = await (await getService()).execute(spaceId, request.params.id, { subAction, ...subActionParams });
        const body: ExecuteConnectorResponse =
          result.status === 'ok'
            ? { connector_id: request.params.id, status: 'ok', data: result.data }
            : {
                connector_id: request.params.id,
                status: 'error',
                message: result.message,
                service_message: result.serviceMessage,
                code: result.code,
                retry: result.retry,
              };
        return response.ok({ body });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    },
  );
}
