import type { CoreStart, IRouter, Logger } from '../platform/core/server';
import type { ActionsPluginStart } from '../platform/plugins/actions/server';
import type { AssistantConfig } from './config';
import type { AssistantDataClients } from './storage/types';

/** What the plugin's routes receive at registration; services resolve after start. */
export interface AssistantServices {
  core: CoreStart;
  /** Absent when the actions plugin is not installed: chat routes then answer with a clear 503-style error. */
  actions?: ActionsPluginStart;
  dataClients: AssistantDataClients;
}

export interface RouteDependencies {
  router: IRouter;
  logger: Logger;
  config: AssistantConfig;
  getServices(): Promise<AssistantServices>;
}
