import type { PluginInitializerContext } from '../platform/core/public';
import { SecurityAiAssistantPlugin } from './plugin';

export function plugin(context: PluginInitializerContext) {
  return new SecurityAiAssistantPlugin(context);
}

export type { SecurityAiAssistantPublicSetup, SecurityAiAssistantPublicStart } from './plugin';
export type { AssistantStartApi } from './assistant_ui';
export type { AssistantService, InvestigationTarget, OpenOptions, PromptContext } from './assistant/service';
