import type { CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from '../platform/core/server';
import type { ActionsPluginSetup, ActionsPluginStart } from '../platform/plugins/actions/server';
import type { ServerStepDefinition, WorkflowsExtensionsSetup, WorkflowsExtensionsStart } from '../platform/plugins/workflows_extensions/common/step_definition';
import type { WorkflowsManagementPluginSetup, WorkflowsManagementPluginStart } from '../platform/plugins/workflows_management/server/contract';
import type { WorkflowsExecutionEngineSetup } from '../platform/plugins/workflows_execution_engine/server';
import { ASSISTANT_API_PRIVILEGES, FEATURE_FLAGS, INTERNAL_API_VERSION, ROUTES } from '../common/constants';
import type { AssistantConfig } from './config';
import { assistantFeature } from './feature';
import type { AssistantServices } from './route_dependencies';
import { registerChatRoutes } from './routes/register_chat_routes';
import { registerDataRoutes } from './routes/register_data_routes';
import { registerTriageRoutes } from './routes/triage';
import { createAssistantDataClients } from './storage';
import { bootstrapPreinstalledWorkflows, PreinstalledWorkflowsBootstrapper, type BootstrapOptions } from './workflows/bootstrap';
import { registerWorkflowAnonymization } from './workflows/anonymization';
import { registerBootstrapRoute } from './workflows/bootstrap/bootstrap_route';
import { registerTriageSteps } from './workflows/register_triage_steps';
import { registerRuntimeConfigRoutes } from './workflows/runtime_config/runtime_config_route';

/** Contracts of the optional platform plugins (each may be absent; the features using it are then off). */
export interface SecurityAiAssistantPluginsSetup {
  workflowsExtensions?: WorkflowsExtensionsSetup<ServerStepDefinition>;
  workflowsManagement?: WorkflowsManagementPluginSetup;
  /** Its AI steps get the anonymization guard (no anonymized value in any workflow LLM request). */
  workflowsExecutionEngine?: WorkflowsExecutionEngineSetup;
  actions?: ActionsPluginSetup;
  securitySolution?: unknown;
  management?: unknown;
}
export interface SecurityAiAssistantPluginsStart {
  workflowsExtensions?: WorkflowsExtensionsStart<ServerStepDefinition>;
  workflowsManagement?: WorkflowsManagementPluginStart;
  actions?: ActionsPluginStart;
  securitySolution?: unknown;
  management?: unknown;
}

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
  private readonly config: AssistantConfig;
  private resolveServices!: (services: AssistantServices) => void;
  private readonly services = new Promise<AssistantServices>((resolve) => {
    this.resolveServices = resolve;
  });

  private resolveBootstrap!: (options: BootstrapOptions) => void;
  private readonly bootstrap = new Promise<BootstrapOptions>((resolve) => {
    this.resolveBootstrap = resolve;
  });

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
    this.config = initializerContext.config.get<AssistantConfig>();
  }

  setup(core: CoreSetup<SecurityAiAssistantPluginsStart>, plugins: SecurityAiAssistantPluginsSetup): SecurityAiAssistantPluginSetup {
    core.features.registerKibanaFeature(assistantFeature);

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

    const deps = { router, logger: this.logger.get('routes'), config: this.config, getServices: () => this.services };
    registerDataRoutes(deps);
    registerChatRoutes(deps);
    registerRuntimeConfigRoutes(router, deps);
    registerTriageRoutes(deps);
    registerBootstrapRoute(router, () => this.bootstrap);
    if (plugins.workflowsExtensions) {
      registerTriageSteps({ core, workflowsExtensions: plugins.workflowsExtensions, logger: this.logger.get('workflows') });
    }
    if (plugins.workflowsExecutionEngine) {
      registerWorkflowAnonymization({ engine: plugins.workflowsExecutionEngine, config: this.config, getServices: () => this.services });
    }

    const missing = ['actions', 'workflowsExtensions', 'workflowsManagement'].filter(
      (id) => plugins[id as keyof SecurityAiAssistantPluginsSetup] === undefined
    );
    if (missing.length > 0) {
      this.logger.info('Optional platform plugins are not installed; the features using them are off', { missing: missing.join(',') });
    }
    return {};
  }

  start(core: CoreStart, plugins: SecurityAiAssistantPluginsStart): SecurityAiAssistantPluginStart {
    const dataClients = createAssistantDataClients({
      esClient: core.elasticsearch.client.asInternalUser,
      config: this.config,
      logger: this.logger.get('storage'),
    });
    this.resolveServices({ core, actions: plugins.actions, dataClients });
    const bootstrapper = plugins.workflowsManagement
      ? new PreinstalledWorkflowsBootstrapper({ management: plugins.workflowsManagement, logger: this.logger.get('workflows', 'bootstrap') })
      : undefined;
    const extensions = plugins.workflowsExtensions;
    const bootstrapOptions = {
      core,
      management: plugins.workflowsManagement,
      bootstrapper,
      isReady: extensions ? () => extensions.isReady() : undefined,
      logger: this.logger.get('workflows', 'bootstrap'),
    };
    this.resolveBootstrap(bootstrapOptions);
    // Not awaited: start never waits on Elasticsearch; the bootstrapper logs its own outcome and never throws.
    void bootstrapPreinstalledWorkflows(bootstrapOptions);
    return {};
  }

  stop(): void {}
}
