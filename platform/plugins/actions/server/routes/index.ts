import { registerCreateConnectorRoute } from './create_connector_route';
import { registerDeleteConnectorRoute } from './delete_connector_route';
import { registerExecuteConnectorRoute } from './execute_connector_route';
import { registerGetAllConnectorsRoute } from './get_all_connectors_route';
import { registerGetConnectorRoute } from './get_connector_route';
import { registerGetSettingsRoute } from './get_settings_route';
import { registerUpdateConnectorRoute } from './update_connector_route';
import { registerUpdateSettingsRoute } from './update_settings_route';
import type { ActionsRouteDeps } from './route_helpers';

export type { ActionsRouteDeps } from './route_helpers';

export function registerRoutes(deps: ActionsRouteDeps): void {
  registerCreateConnectorRoute(deps);
  registerGetAllConnectorsRoute(deps);
  registerGetConnectorRoute(deps);
  registerUpdateConnectorRoute(deps);
  registerDeleteConnectorRoute(deps);
  registerExecuteConnectorRoute(deps);
  registerGetSettingsRoute(deps);
  registerUpdateSettingsRoute(deps);
}
