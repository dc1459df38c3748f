import type { PluginInitializerContext } from '../../../core/public';
import { WorkflowsExtensionsPublicPlugin } from './plugin';

export function plugin(_context: PluginInitializerContext) {
  return new WorkflowsExtensionsPublicPlugin();
}

export type { WorkflowsExtensionsPublicSetup, WorkflowsExtensionsPublicStart } from './plugin';
export { WorkflowsExtensionsPublicPlugin } from './plugin';
export * from '../common';
