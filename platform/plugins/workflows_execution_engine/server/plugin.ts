import type { Client } from '@elastic/elasticsearch';
import { createFakeKibanaRequest } from '../../../core/server';
import type { AuthenticatedUser, CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from '../../../core/server';
import type { ActionsPluginSetup, ActionsPluginStart } from '../../actions/server';
import type { ServerStepDefinition } from '../../workflows_extensions/common';
import type { WorkflowsExtensionsServerSetup, WorkflowsExtensionsServerStart } from '../../workflows_extensions/server';
import { createAgentRegistry } from './agents/agent_registry';
import type { EngineConfig } from './config';
import type { AiRequestGuardFactory, WorkflowsExecutionEngineStart } from './contract';
import { ExecutionService } from './execution_service';
import { createKibanaApiClient } from './kibana_api/kibana_api_client';
import { lazyActions, lazyClient } from './lazy_services';
import { createWorkflowTemplating } from './runner/workflow_templating';
import { createBuiltinStepDefinitions, redactStepInput } from './steps';
import type { AgentDefinition, BuiltinStepServices } from './steps';
import { createEsWorkflowsStore } from './store/es_store';
import type { ExecutionPrincipal } from './store/types';
import { parseSize } from '../../../packages/workflows/duration';

export interface EnginePluginsSetup {
  workflowsExtensions: WorkflowsExtensionsServerSetup;
  actions?: ActionsPluginSetup;
}

export interface EnginePluginsStart {
  workflowsExtensions: WorkflowsExtensionsServerStart;
  actions?: ActionsPluginStart;
}

export interface WorkflowsExecutionEngineSetup {
  /** Adds an agent for `ai.agent` (`elastic-ai-agent` is built in). Throws on a duplicate id or after setup. */
  registerAgent(agent: AgentDefinition): void;
  /**
   * Adds a guard every `ai.prompt` / `ai.agent` request goes through (scrub before sending, restore the answer).
   * Throws after setup.
   */
  registerAiRequestGuard(factory: AiRequestGuardFactory): void;
}

/** The start contract of contract.ts plus the agent list (read-only). */
export interface WorkflowsExecutionEnginePluginStart extends WorkflowsExecutionEngineStart {
  getAgents(): AgentDefinition[];
}

function principalOf(user: AuthenticatedUser | null): ExecutionPrincipal | null {
  if (!user) return null;
  const principal: ExecutionPrincipal = {
    username: user.username,
    roles: [...user.roles],
    authentication_realm: user.authentication_realm,
    authentication_provider: user.authentication_provider,
  };
  if (user.full_name) principal.full_name = user.full_name;
  if (user.email) principal.email = user.email;
  return principal;
}

/** The host user a stored principal acts as again (roles as stored; no secret was kept). */
export function userOf(principal: ExecutionPrincipal | null): AuthenticatedUser | null {
  if (!principal) return null;
  const realm = principal.authentication_realm ?? { name: 'workflows', type: 'workflows' };
  return {
    username: principal.username,
    roles: [...principal.roles],
    ...(principal.full_name ? { full_name: principal.full_name } : {}),
    ...(principal.email ? { email: principal.email } : {}),
    enabled: true,
    metadata: {},
    authentication_realm: realm,
    lookup_realm: realm,
    authentication_provider: principal.authentication_provider ?? { type: 'workflows', name: 'workflows' },
    authentication_type: 'workflow_execution',
  };
}

export class WorkflowsExecutionEnginePlugin
  implements Plugin<WorkflowsExecutionEngineSetup, WorkflowsExecutionEnginePluginStart, EnginePluginsSetup, EnginePluginsStart, CoreSetup, CoreStart>
{
  private readonly logger: Logger;
  private readonly config: EngineConfig;
  private readonly agents = createAgentRegistry();
  private readonly builtins = new Map<string, ServerStepDefinition>();
  private readonly aiRequestGuards: AiRequestGuardFactory[] = [];
  private setupDone = false;
  private service: ExecutionService | undefined;
  private startDeps: { esClient: Client; actions?: ActionsPluginStart; kibanaUrl: string } | undefined;

  constructor(context: PluginInitializerContext) {
    this.logger = context.logger.get();
    this.config = context.config.get<EngineConfig>();
  }

  setup(core: CoreSetup, plugins: EnginePluginsSetup): WorkflowsExecutionEngineSetup {
    const requireStart = () => {
      if (!this.startDeps) throw new Error('The workflow execution engine is not started yet');
      return this.startDeps;
    };
    const serverInfo = core.http.getServerInfo();
    // Steps are defined at setup but run only after start: host services are read when a handler needs them.
    const services: BuiltinStepServices = {
      httpAllowedHosts: this.config.http.allowedHosts,
      agents: this.agents,
      esInternalClient: lazyClient(() => requireStart().esClient),
      kibanaUrl: `http://localhost:${serverInfo.port}`,
      aiRequestGuards: () => this.aiRequestGuards,
    };
    if (plugins.actions) {
      services.actions = lazyActions(() => {
        const actions = requireStart().actions;
        if (!actions) throw new Error('The actions plugin did not start');
        return actions;
      });
    }
    const definitions = createBuiltinStepDefinitions(services);
    for (const definition of definitions) this.builtins.set(definition.id, definition);
    // Listed in the shared registry (step picker, schema, approval route); dispatched from the local map first.
    plugins.workflowsExtensions.registerBuiltinStepDefinitions(definitions);
    return {
      registerAgent: (agent) => {
        if (this.setupDone) throw new Error(`Cannot register agent "${agent.id}" after setup`);
        this.agents.register(agent);
      },
      registerAiRequestGuard: (factory) => {
        if (this.setupDone) throw new Error('Cannot register an AI request guard after setup');
        this.aiRequestGuards.push(factory);
      },
    };
  }

  async start(core: CoreStart, plugins: EnginePluginsStart): Promise<WorkflowsExecutionEnginePluginStart> {
    this.setupDone = true;
    const kibanaUrl = `http://localhost:${core.http.getServerInfo().port}`;
    this.startDeps = { esClient: core.elasticsearch.client.asInternalUser, actions: plugins.actions, kibanaUrl };
    const registry = plugins.workflowsExtensions;
    const service = new ExecutionService({
      store: createEsWorkflowsStore({ client: core.elasticsearch.client.asInternalUser, indexPrefix: this.config.indexPrefix }),
      logger: this.logger.get('executions'),
      // Built-ins first: `elasticsearch.*`/`kibana.*` never resolve to a plugin's step (§2 dispatch order).
      getStepDefinition: (type) => this.builtins.get(type) ?? (type.startsWith('elasticsearch.') || type.startsWith('kibana.') ? undefined : registry.getStepDefinition(type)),
      stepsReady: () => registry.isReady(),
      createTemplating: (execution) => createWorkflowTemplating(execution.workflowDefinition.settings),
      createHost: (principal, spaceId) => {
        const user = userOf(principal);
        const fakeRequest = () => createFakeKibanaRequest({ spaceId, user });
        return {
          callKibanaApi: createKibanaApiClient({ inject: (request) => core.http.inject(request), user }),
          // The embedded engine has no users; on a real cluster asScoped forwards the request's whitelisted headers.
          getScopedEsClient: () => core.elasticsearch.client.asScoped(fakeRequest()).asCurrentUser,
          getFakeRequest: fakeRequest,
        };
      },
      resolvePrincipal: (request) => principalOf(core.security.authc.getCurrentUser(request)),
      redactInput: redactStepInput,
      kibanaUrl,
      maxConcurrentRuns: this.config.execution.maxConcurrentRuns,
      maxStepOutputBytes: parseSize(this.config.maxStepOutputSize),
      heartbeatIntervalMs: this.config.execution.heartbeatIntervalMs,
    });
    await service.start();
    this.service = service;
    this.logger.info('Workflow execution engine started', { ownerId: service.ownerId, builtins: [...this.builtins.keys()].length });
    return Object.assign(bindService(service), { getAgents: () => this.agents.list() });
  }

  async stop(): Promise<void> {
    await this.service?.stop();
  }
}

/** The contract as plain bound functions (callers may destructure it). */
function bindService(service: ExecutionService): WorkflowsExecutionEngineStart {
  return {
    runWorkflow: (params) => service.runWorkflow(params),
    getExecution: (spaceId, id, options) => service.getExecution(spaceId, id, options),
    getStepExecution: (spaceId, id, stepId) => service.getStepExecution(spaceId, id, stepId),
    findExecutions: (params) => service.findExecutions(params),
    getLatestExecutions: (spaceId, ids) => service.getLatestExecutions(spaceId, ids),
    getExecutionLogs: (spaceId, id, options) => service.getExecutionLogs(spaceId, id, options),
    cancelExecution: (spaceId, id, by) => service.cancelExecution(spaceId, id, by),
    cancelWorkflowExecutions: (spaceId, workflowId, by) => service.cancelWorkflowExecutions(spaceId, workflowId, by),
    waitForCompletion: (id, timeoutMs) => service.waitForCompletion(id, timeoutMs),
  };
}
