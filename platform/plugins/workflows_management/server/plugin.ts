import type { CoreSetup, CoreStart, KibanaRequest, Logger, Plugin, PluginInitializerContext } from '../../../core/server';
import type { ActionsPluginStart } from '../../actions/server';
import type { WorkflowsExecutionEngineStart } from '../../workflows_execution_engine/server/contract';
import type { WorkflowsManagementPluginSetup, WorkflowsManagementPluginStart } from './contract';
import { registerWorkflowsFeature } from './feature';
import { createDeferredManagementApi, createWorkflowsManagementService, type WorkflowsManagementService } from './management';
import { registerRoutes } from './routes';
import { createWorkflowsStore, ensureWorkflowsIndex } from './storage';
import { createWorkflowValidator, workflowSpec, type StepRegistry, type WorkflowSpec } from './validation';

export interface WorkflowsManagementStartDeps {
  workflowsExtensions: StepRegistry;
  workflowsExecutionEngine: WorkflowsExecutionEngineStart;
  actions?: Pick<ActionsPluginStart, 'listConnectors' | 'getDefaultConnectorId'>;
}

/** The user a request acts as; system requests without a user (bootstrappers, fake requests) act as `system`. */
export function usernameOf(core: CoreStart, request: KibanaRequest): string {
  return core.security.authc.getCurrentUser(request)?.username ?? (request.isSystemRequest ? 'system' : 'unknown');
}

export class WorkflowsManagementPlugin
  implements Plugin<WorkflowsManagementPluginSetup, WorkflowsManagementPluginStart, object, WorkflowsManagementStartDeps, CoreSetup, CoreStart>
{
  private readonly logger: Logger;
  private resolveService: (service: WorkflowsManagementService) => void = () => undefined;
  private readonly servicePromise = new Promise<WorkflowsManagementService>((resolve) => {
    this.resolveService = resolve;
  });

  constructor(
    context: PluginInitializerContext,
    private readonly spec: WorkflowSpec = workflowSpec,
  ) {
    this.logger = context.logger.get();
  }

  setup(core: CoreSetup): WorkflowsManagementPluginSetup {
    registerWorkflowsFeature(core.features);
    registerRoutes({ router: core.http.createRouter(), getService: () => this.servicePromise, logger: this.logger.get('routes') });
    return { management: createDeferredManagementApi(() => this.servicePromise) };
  }

  async start(core: CoreStart, plugins: WorkflowsManagementStartDeps): Promise<WorkflowsManagementPluginStart> {
    const esClient = core.elasticsearch.client.asInternalUser;
    const indexResult = await ensureWorkflowsIndex(esClient);
    this.logger.debug('Workflows index ready', { result: indexResult });
    const actions = plugins.actions;
    const validator = createWorkflowValidator({
      registry: plugins.workflowsExtensions,
      spec: this.spec,
      listKnownConnectors: async (spaceId) => {
        if (!actions) return undefined;
        const connectors = await actions.listConnectors(spaceId);
        return connectors.flatMap((c) => [c.id, c.name]);
      },
    });
    const service = createWorkflowsManagementService({
      store: createWorkflowsStore({ esClient }),
      validator,
      spec: this.spec,
      engine: plugins.workflowsExecutionEngine,
      ...(actions ? { connectors: actions } : {}),
      getUsername: (request) => usernameOf(core, request),
      getScopedEsClient: (request) => core.elasticsearch.client.asScoped(request).asCurrentUser,
      logger: this.logger.get('service'),
    });
    this.resolveService(service);
    return service;
  }

  stop(): void {
    this.logger.debug('Stopped');
  }
}
