import type { PluginInitializerContext } from '../platform/core/server';
import { SecurityAiAssistantPlugin } from './plugin';

export const plugin = (initializerContext: PluginInitializerContext) => new SecurityAiAssistantPlugin(initializerContext);

export type { SecurityAiAssistantPluginSetup, SecurityAiAssistantPluginStart, AssistantStatus } from './plugin';
