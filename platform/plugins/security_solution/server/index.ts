import type { PluginConfigDescriptor, PluginInitializerContext } from '../../../core/server';
import { configSchema, type SecuritySolutionConfig } from './config';
import { SecuritySolutionPlugin } from './plugin';

export const config: PluginConfigDescriptor<SecuritySolutionConfig> = { schema: configSchema };

export function plugin(context: PluginInitializerContext) {
  return new SecuritySolutionPlugin(context);
}

export type { SecuritySolutionServerSetup, SecuritySolutionServerStart } from './plugin';
export { createAlertsClient } from './alerts';
export type { AlertsClient } from './alerts';
export { createNotesClient } from './notes';
export type { NotesClient } from './notes';
