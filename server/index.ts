import type { PluginConfigDescriptor, PluginInitializerContext } from '../platform/core/server';
import { assistantConfigSchema, type AssistantConfig } from './config';
import { SecurityAiAssistantPlugin } from './plugin';

export const config: PluginConfigDescriptor<AssistantConfig> = { schema: assistantConfigSchema };

export const plugin = (initializerContext: PluginInitializerContext) => new SecurityAiAssistantPlugin(initializerContext);

export type { SecurityAiAssistantPluginSetup, SecurityAiAssistantPluginStart, AssistantStatus } from './plugin';
