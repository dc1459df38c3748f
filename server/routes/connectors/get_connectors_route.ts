import type { ConnectorsResponse } from '../../../common/api/connectors';
import { ASSISTANT_PRIVILEGES, CONNECTORS_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { AssistantStorageError } from '../../storage/errors';
import { defineAssistantRoute } from '../route_helpers';

export const actionsMissing = () =>
  new AssistantStorageError(503, 'actions_unavailable', 'The actions (connectors) plugin is not installed, so no LLM connector can be used');

/** N1 `GET /connectors`: the space's LLM connectors and the default one (assistant.md §3.5 resolution). */
export function registerGetConnectorsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.connectors,
    privileges: [ASSISTANT_PRIVILEGES.read, CONNECTORS_PRIVILEGES.read],
    summary: 'LLM connectors usable by the assistant',
    handler: async ({ services, spaceId }, _input, response) => {
      const actions = services.actions;
      if (!actions) throw actionsMissing();
      const [connectors, resolution] = await Promise.all([
        actions.listConnectors(spaceId),
        actions.getDefaultConnector(spaceId, deps.config.defaultConnectorId ? { configDefaultId: deps.config.defaultConnectorId } : {}),
      ]);
      const defaultId = resolution?.connector.id ?? null;
      const body: ConnectorsResponse = {
        connectors: connectors.map((c) => ({
          id: c.id,
          name: c.name,
          actionTypeId: c.actionTypeId,
          provider: c.provider,
          ...(c.defaultModel !== undefined ? { defaultModel: c.defaultModel } : {}),
          ...(c.contextWindowTokens !== undefined ? { contextWindowTokens: c.contextWindowTokens } : {}),
          toolCalling: c.toolCalling,
          isPreconfigured: c.isPreconfigured,
          isMissingSecrets: c.isMissingSecrets,
          isDefault: c.id === defaultId,
        })),
        defaultConnectorId: defaultId,
      };
      return response.ok({ body });
    },
  });
}
