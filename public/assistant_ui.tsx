import type { CoreSetup, CoreStart } from '../platform/core/public';
import type { SecurityAiAssistantSetupDeps, SecurityAiAssistantStartDeps } from './plugin';

/** The assistant's browser surfaces: settings app (setup); header button, shortcut, flyout, alert "Chat" (start). */
export function setupAssistantUi(_core: CoreSetup<SecurityAiAssistantStartDeps>, _plugins: SecurityAiAssistantSetupDeps): void {}

export function startAssistantUi(_core: CoreStart, _plugins: SecurityAiAssistantStartDeps): void {}
