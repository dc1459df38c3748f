import type { Client } from '@elastic/elasticsearch';
import type { ActionsPluginStart } from '../../actions/server';

/**
 * Built-in steps are defined during setup but only run after start, while the Elasticsearch client and the actions
 * start contract exist only from start on. These stand-ins forward every use to the started service.
 */
export function lazyClient(resolve: () => Client): Client {
  return new Proxy({} as Client, {
    get(_target, property) {
      const client = resolve();
      const value: unknown = Reflect.get(client, property, client);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(client) : value;
    },
  });
}

export function lazyActions(resolve: () => ActionsPluginStart): ActionsPluginStart {
  return {
    listConnectors: (spaceId) => resolve().listConnectors(spaceId),
    getConnector: (spaceId, idOrName) => resolve().getConnector(spaceId, idOrName),
    getDefaultConnector: (spaceId, options) => resolve().getDefaultConnector(spaceId, options),
    getDefaultConnectorId: (spaceId) => resolve().getDefaultConnectorId(spaceId),
    setDefaultConnectorId: (spaceId, connectorId) => resolve().setDefaultConnectorId(spaceId, connectorId),
    getChatClient: (idOrName, options) => resolve().getChatClient(idOrName, options),
  };
}
