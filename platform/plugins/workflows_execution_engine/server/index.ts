import type { PluginConfigDescriptor, PluginInitializerContext } from '../../../core/server';
import { engineConfigSchema, type EngineConfig } from './config';
import { WorkflowsExecutionEnginePlugin } from './plugin';

export const config: PluginConfigDescriptor<EngineConfig> = { schema: engineConfigSchema };

export const plugin = (initializerContext: PluginInitializerContext) => new WorkflowsExecutionEnginePlugin(initializerContext);

export type { WorkflowsExecutionEngineSetup, WorkflowsExecutionEnginePluginStart, EnginePluginsSetup, EnginePluginsStart } from './plugin';
export type { EngineConfig } from './config';
export * from './contract';
export { KibanaApiError } from './kibana_api/kibana_api_client';
export { DEFAULT_AGENT } from './agents/agent_registry';
export type { AgentDefinition } from './steps';
export { ExecutionService } from './execution_service';
export type { ExecutionServiceDeps } from './execution_service';
export { createMemoryWorkflowsStore } from './store/memory_store';
export { createEsWorkflowsStore } from './store/es_store';
export type { WorkflowsStore, ExecutionDoc, ExecutionPrincipal, StepExecutionDoc, ExecutionLogDoc } from './store/types';
