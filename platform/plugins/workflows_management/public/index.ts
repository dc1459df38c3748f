import type { PluginInitializerContext } from '../../../core/public';
import { WorkflowsManagementPublicPlugin } from './plugin';

export function plugin(_context: PluginInitializerContext) {
  return new WorkflowsManagementPublicPlugin();
}

export type { WorkflowsManagementPublicSetup, WorkflowsManagementPublicStart, WorkflowsManagementStartDeps } from './types';
