/**
 * Browser side of the Security AI Assistant plugin. Skeleton for now: it loads, receives the platform
 * contracts it optionally depends on, and exposes empty contracts; features arrive in later issues.
 */
import type { CoreSetup, CoreStart, Plugin, PluginInitializerContext } from '../platform/core/public';
import type { ManagementSetup } from '../platform/plugins/management/public';
import type { SecuritySolutionPluginStart } from '../platform/plugins/security_solution/public';

export interface SecurityAiAssistantPublicSetup {}
export interface SecurityAiAssistantPublicStart {}

export interface SecurityAiAssistantSetupDeps {
  management?: ManagementSetup;
}

export interface SecurityAiAssistantStartDeps {
  securitySolution?: SecuritySolutionPluginStart;
}

export class SecurityAiAssistantPlugin
  implements Plugin<SecurityAiAssistantPublicSetup, SecurityAiAssistantPublicStart, SecurityAiAssistantSetupDeps, SecurityAiAssistantStartDeps>
{
  constructor(readonly context: PluginInitializerContext) {}

  setup(_core: CoreSetup<SecurityAiAssistantStartDeps, SecurityAiAssistantPublicStart>, _plugins: SecurityAiAssistantSetupDeps): SecurityAiAssistantPublicSetup {
    return {};
  }

  start(_core: CoreStart, _plugins: SecurityAiAssistantStartDeps): SecurityAiAssistantPublicStart {
    return {};
  }
}
