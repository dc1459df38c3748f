import type { PluginInitializerContext } from '../../../core/server';
import { WorkflowsManagementPlugin } from './plugin';

export const plugin = (initializerContext: PluginInitializerContext) => new WorkflowsManagementPlugin(initializerContext);

export type {
  GetWorkflowsParams,
  WorkflowDetail,
  WorkflowListItem,
  WorkflowsManagementApi,
  WorkflowsManagementPluginSetup,
  WorkflowsManagementPluginStart,
  WorkflowUpdate,
} from './contract';
export { WorkflowsManagementError, isWorkflowsManagementError } from './errors';
export type { WorkflowsManagementService } from './management';
export { WorkflowsManagementPlugin } from './plugin';
export type { WorkflowsManagementStartDeps } from './plugin';
