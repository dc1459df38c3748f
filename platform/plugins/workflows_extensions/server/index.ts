import type { PluginInitializerContext } from '../../../core/server';
import { WorkflowsExtensionsServerPlugin } from './plugin';

export const plugin = (initializerContext: PluginInitializerContext) => new WorkflowsExtensionsServerPlugin(initializerContext);

export type { WorkflowsExtensionsServerSetup, WorkflowsExtensionsServerStart } from './plugin';
export { WorkflowsExtensionsServerPlugin } from './plugin';
export { computeHandlerHash } from './handler_hash';
export * from '../common';
