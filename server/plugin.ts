import type { CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from '../platform/core/server';
import {
  ASSISTANT_API_PRIVILEGES,
  ASSISTANT_FEATURE_ID,
  FEATURE_FLAGS,
  INTERNAL_API_VERSION,
  PLUGIN_ID,
  ROUTES,
} from '../common/constants';

/** Contracts of the optional platform plugins; typed as unknown until those plugins exist. */
export interface SecurityAiAssistantPluginsSetup {
  workflowsExtensions?: unknown;
  workflowsManagement?: unknown;
  actions?: unknown;
  securitySolution?: unknown;
  management?: unknown;
}
export type SecurityAiAssistantPluginsStart = SecurityAiAssistantPluginsSetup;

export type SecurityAiAssistantPluginSetup = Record<string, never>;
export type SecurityAiAssistantPluginStart = Record<string, never>;

export interface AssistantStatus {
  /** Which optional platform plugins are installed (what the assistant can use at all). */
  plugins: Record<'actions' | 'workflowsExtensions' | 'workflowsManagement' | 'securitySolution', { available: boolean }>;
  featureFlags: Record<keyof typeof FEATURE_FLAGS, boolean>;
}

export class SecurityAiAssistantPlugin
  implements
    Plugin<
      SecurityAiAssistantPluginSetup,
      SecurityAiAssistantPluginStart,
      SecurityAiAssistantPluginsSetup,
      SecurityAiAssistantPluginsStart,
      CoreSetup<SecurityAiAssistantPluginsStart>,
      CoreStart
    >
{
  private readonly logger: Logger;

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
  }

  setup(core: CoreSetup<SecurityAiAssistantPluginsStart>, plugins: SecurityAiAssistantPluginsSetup): SecurityAiAssistantPluginSetup {
    core.features.registerKibanaFeature({
      id: ASSISTANT_FEATURE_ID,
      name: 'Elastic AI Assistant',
      category: { id: 'security', label: 'Security' },
      app: [PLUGIN_ID],
      privileges: {
        all: { api: [ASSISTANT_API_PRIVILEGES.all, ASSISTANT_API_PRIVILEGES.read], ui: ['ai-assistant', 'updateAIAssistant'] },
        read: { api: [ASSISTANT_API_PRIVILEGES.read], ui: ['ai-assistant'] },
      },
    });

    const router = core.http.createRouter();
    router.versioned
      .get({
        path: ROUTES.status,
        access: 'internal',
        security: { authz: { requiredPrivileges: [ASSISTANT_API_PRIVILEGES.read] } },
      })
      .addVersion({ version: INTERNAL_API_VERSION, validate: false }, async (_context, _request, response) => {
        const [coreStart] = await core.getStartServices();
        const flag = (name: keyof typeof FEATURE_FLAGS) =>
          coreStart.featureFlags.getBooleanValue(FEATURE_FLAGS[name].key, FEATURE_FLAGS[name].defaultValue);
        const body: AssistantStatus = {
          plugins: {
            actions: { available: plugins.actions !== undefined },
            workflowsExtensions: { available: plugins.workflowsExtensions !== undefined },
            workflowsManagement: { available: plugins.workflowsManagement !== undefined },
            securitySolution: { available: plugins.securitySolution !== undefined },
          },
          featureFlags: {
            registerAlertValidationStepsEnabled: await flag('registerAlertValidationStepsEnabled'),
            preinstalledWorkflowsEnabled: await flag('preinstalledWorkflowsEnabled'),
          },
        };
        return response.ok({ body });
      });

    const missing = ['actions', 'workflowsExtensions', 'workflowsManagement'].filter(
      (id) => plugins[id as keyof SecurityAiAssistantPluginsSetup] === undefined
    );
    if (missing.length > 0) {
      this.logger.info('Optional platform plugins are not installed; the features using them are off', { missing: missing.join(',') });
    }
    return {};
  }

  start(_core: CoreStart, _plugins: SecurityAiAssistantPluginsStart): SecurityAiAssistantPluginStart {
    return {};
  }

  stop(): void {}
}
