import path from 'node:path';
import type { CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from '../../../core/server';
import { ACTIONS_API_PRIVILEGES } from '../common';
import type { ActionsConfig } from './config';
import { AI_CONNECTOR_TYPE_IDS, type ChatClientFactoryOptions, type ConnectorTypeId } from './connector_types';
import { createConnectorsService, type ConnectorsService } from './connectors_service';
import { createSecretsCrypto, loadOrCreateEncryptionKey, type SecretsCrypto } from './encryption';
import type { ChatClient, ChatTimeouts } from './llm/types';
import { registerRoutes } from './routes';
import { createConnectorsStore } from './storage/connectors_store';
import type { AiConnector, DefaultConnectorResolution } from './types';

export interface ActionsPluginSetup {
  /** Connector types this host can store and list. */
  readonly connectorTypes: readonly ConnectorTypeId[];
}

export interface GetChatClientOptions {
  spaceId: string;
  /** Defaults for every call of this client (assistant.md `chat.timeouts`). */
  timeouts?: ChatTimeouts;
  /** Retries on 429/503/529 (assistant.md `chat.maxRetries`). */
  maxRetries?: number;
}

/** What the chat and the workflow AI steps use. Every method is space-scoped. */
export interface ActionsPluginStart {
  listConnectors(spaceId: string): Promise<AiConnector[]>;
  /** By id, then by exact name; rejects with an ActionsError (code `connector_not_found`, 404) otherwise. */
  getConnector(spaceId: string, idOrName: string): Promise<AiConnector>;
  /** assistant.md §3.5 resolution; `configDefaultId` is the caller's own `defaultConnectorId` setting. */
  getDefaultConnector(spaceId: string, options?: { configDefaultId?: string }): Promise<DefaultConnectorResolution<AiConnector> | undefined>;
  getDefaultConnectorId(spaceId: string): Promise<string | undefined>;
  setDefaultConnectorId(spaceId: string, connectorId: string | null): Promise<void>;
  /** Rejects with `connector_not_found` or `connector_missing_secrets` ActionsErrors. */
  getChatClient(connectorIdOrName: string, options: GetChatClientOptions): Promise<ChatClient>;
}

export class ActionsPlugin implements Plugin<ActionsPluginSetup, ActionsPluginStart, object, object, CoreSetup, CoreStart> {
  private readonly logger: Logger;
  private readonly config: ActionsConfig;
  private readonly crypto: SecretsCrypto;
  private resolveService!: (service: ConnectorsService) => void;
  private readonly servicePromise = new Promise<ConnectorsService>((resolve) => {
    this.resolveService = resolve;
  });

  constructor(private readonly context: PluginInitializerContext) {
    this.logger = context.logger.get();
    this.config = context.config.get<ActionsConfig>();
    const key = loadOrCreateEncryptionKey({
      configuredKey: this.config.encryptionKey,
      dir: path.join(context.env.dataPath, 'actions'),
    });
    if (key.source === 'generated') {
      this.logger.warn('Generated an encryption key for connector secrets; set xpack.actions.encryptionKey or back up the file', {
        file: key.file,
      });
    }
    this.crypto = createSecretsCrypto(key.key);
  }

  setup(core: CoreSetup): ActionsPluginSetup {
    core.features.registerKibanaFeature({
      id: 'actions',
      name: 'Actions and Connectors',
      category: { id: 'management', label: 'Management' },
      app: [],
      privileges: {
        all: { api: [ACTIONS_API_PRIVILEGES.read, ACTIONS_API_PRIVILEGES.all], ui: ['show', 'execute', 'save', 'delete'] },
        read: { api: [ACTIONS_API_PRIVILEGES.read], ui: ['show', 'execute'] },
      },
    });
    registerRoutes({ router: core.http.createRouter(), getService: () => this.servicePromise, logger: this.logger.get('routes') });
    return { connectorTypes: AI_CONNECTOR_TYPE_IDS };
  }

  start(core: CoreStart): ActionsPluginStart {
    const service = createConnectorsService({
      store: createConnectorsStore({ esClient: core.elasticsearch.client.asInternalUser }),
      crypto: this.crypto,
      preconfigured: this.config.preconfigured,
      logger: this.logger.get('connectors'),
    });
    this.resolveService(service);
    const count = Object.keys(this.config.preconfigured).length;
    if (count > 0) this.logger.info('Loaded preconfigured connectors', { count, ids: Object.keys(this.config.preconfigured) });
    return {
      listConnectors: (spaceId) => service.listAi(spaceId),
      getConnector: (spaceId, idOrName) => service.getAi(spaceId, idOrName),
      getDefaultConnector: (spaceId, options) => service.getDefaultConnector(spaceId, options),
      getDefaultConnectorId: (spaceId) => service.getDefaultConnectorId(spaceId),
      setDefaultConnectorId: (spaceId, id) => service.setDefaultConnectorId(spaceId, id),
      getChatClient: (idOrName, options) => {
        const overrides: ChatClientFactoryOptions = {
          ...(options.timeouts ? { timeouts: options.timeouts } : {}),
          ...(options.maxRetries !== undefined ? { retry: { maxRetries: options.maxRetries } } : {}),
        };
        return service.getChatClient(options.spaceId, idOrName, overrides);
      },
    };
  }

  stop(): void {
    this.logger.debug('Stopped');
  }
}
