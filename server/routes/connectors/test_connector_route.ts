import { connectorIdParamsSchema, connectorTestBodySchema } from '../../../common/api/connectors';
import { ASSISTANT_PRIVILEGES, CONNECTORS_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';
import { actionsMissing } from './get_connectors_route';
import { probeConnector } from './test_connector';

/** N2 `POST /connectors/{id}/_test`: `{ok, latencyMs, model?, toolCalling?, error?}`; unknown connector → 404. */
export function registerTestConnectorRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'post',
    path: API_ROUTES.connectorTest,
    privileges: [ASSISTANT_PRIVILEGES.all, CONNECTORS_PRIVILEGES.read],
    summary: 'Test an LLM connector',
    validate: { params: connectorIdParamsSchema, body: connectorTestBodySchema },
    handler: async ({ services, spaceId }, { params, body }, response) => {
      const actions = services.actions;
      if (!actions) throw actionsMissing();
      const client = await actions.getChatClient(params.id, {
        spaceId,
        timeouts: { connectMs: deps.config.chat.timeouts.connectMs, firstTokenMs: 30_000, idleMs: 30_000, totalMs: 60_000 },
        maxRetries: 0,
      });
      return response.ok({ body: await probeConnector(client, body.model ? { model: body.model } : {}) });
    },
  });
}
