import { randomBytes } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { ActionsPluginStart } from '../../../../actions/server';
import type { PreconfiguredConnectorConfig } from '../../../../actions/server/config';
import { createConnectorsService } from '../../../../actions/server/connectors_service';
import { createSecretsCrypto } from '../../../../actions/server/encryption';
import { createConnectorsStore } from '../../../../actions/server/storage/connectors_store';
import { createLoggerFactory } from '../../../../../core/server/logging';

/**
 * Test support: the real actions connectors service (store on the given Elasticsearch, real chat clients) exposed
 * through the plugin's start contract, the way `ActionsPlugin.start` does.
 */
export function createTestActions(esClient: Client, preconfigured: Record<string, PreconfiguredConnectorConfig>): ActionsPluginStart {
  const logger = createLoggerFactory({ levels: { root: 'off' }, sink: () => undefined }).get('actions');
  const service = createConnectorsService({
    store: createConnectorsStore({ esClient }),
    crypto: createSecretsCrypto(randomBytes(32)),
    preconfigured,
    logger,
    // No retries: a scripted failure should fail the step at once.
    clientOptions: { retry: { maxRetries: 0 } },
  });
  return {
    listConnectors: (spaceId) => service.listAi(spaceId),
    getConnector: (spaceId, idOrName) => service.getAi(spaceId, idOrName),
    getDefaultConnector: (spaceId, options) => service.getDefaultConnector(spaceId, options),
    getDefaultConnectorId: (spaceId) => service.getDefaultConnectorId(spaceId),
    setDefaultConnectorId: (spaceId, id) => service.setDefaultConnectorId(spaceId, id),
    getChatClient: (idOrName, options) => service.getChatClient(options.spaceId, idOrName),
  };
}
