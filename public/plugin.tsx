/**
 * Browser side of the Security AI Assistant plugin: the assistant UI and the public triage step definitions. Every
 * platform plugin it uses is optional; a missing one switches its feature off.
 */
import type { CoreSetup, CoreStart, Plugin, PluginInitializerContext } from '../platform/core/public';
import type { ManagementSetup } from '../platform/plugins/management/public';
import type { SecuritySolutionPluginStart } from '../platform/plugins/security_solution/public';
import type { PublicStepDefinition, WorkflowsExtensionsSetup } from '../platform/plugins/workflows_extensions/common/step_definition';
import { setupAssistantUi, startAssistantUi, type AssistantStartApi } from './assistant_ui';
import { registerPublicStepDefinitions } from './workflows/register_public_steps';
import { startTriageUi } from './triage/start_triage_ui';

export interface SecurityAiAssistantPublicSetup {}
export interface SecurityAiAssistantPublicStart {
  /** Open the assistant flyout with a context, register prompt contexts (§1.1, §1.4). */
  assistant: AssistantStartApi;
}

export interface SecurityAiAssistantSetupDeps {
  management?: ManagementSetup;
  workflowsExtensions?: WorkflowsExtensionsSetup<PublicStepDefinition>;
}

export interface SecurityAiAssistantStartDeps {
  securitySolution?: SecuritySolutionPluginStart;
}

export class SecurityAiAssistantPlugin
  implements Plugin<SecurityAiAssistantPublicSetup, SecurityAiAssistantPublicStart, SecurityAiAssistantSetupDeps, SecurityAiAssistantStartDeps>
{
  constructor(readonly context: PluginInitializerContext) {}

  setup(core: CoreSetup<SecurityAiAssistantStartDeps, SecurityAiAssistantPublicStart>, plugins: SecurityAiAssistantSetupDeps): SecurityAiAssistantPublicSetup {
    if (plugins.workflowsExtensions) registerPublicStepDefinitions({ core, workflowsExtensions: plugins.workflowsExtensions });
    setupAssistantUi(core, plugins);
    return {};
  }

  start(core: CoreStart, plugins: SecurityAiAssistantStartDeps): SecurityAiAssistantPublicStart {
    const assistant = startAssistantUi(core, plugins);
    startTriageUi(core, plugins);
    return { assistant };
  }
}
