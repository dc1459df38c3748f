import { parse } from 'yaml';
import { z } from 'zod/v4';
import { createFakeKibanaRequest } from '../../../../core/server';
import { createLoggerFactory } from '../../../../core/server/logging';
import type { LogRecord } from '../../../../core/server/logging';
import type { WorkflowDefinition } from '../../../../packages/workflows/definition';
import { createServerStepDefinition } from '../../../workflows_extensions/common';
import type { CallKibanaApiRequest, ServerStepDefinition } from '../../../workflows_extensions/common';
import type { ExecutionDetail, RunWorkflowParams } from '../contract';
import { ExecutionService } from '../execution_service';
import type { ExecutionServiceDeps } from '../execution_service';
import { sleep } from '../runner/abort';
import { createWorkflowTemplating } from '../runner/workflow_templating';
import { createMemoryWorkflowsStore } from '../store/memory_store';
import type { ExecutionPrincipal, WorkflowsStore } from '../store/types';

/** A workflow object from YAML, with the defaults the spec schema would add. */
export function workflowFromYaml(yamlText: string): WorkflowDefinition {
  const raw = parse(yamlText) as Record<string, unknown>;
  return { version: '1', enabled: true, triggers: [{ type: 'manual' }], ...raw } as WorkflowDefinition;
}

/** Counters and call logs the test steps write to. */
export interface TestStepState {
  calls: Record<string, number>;
  cancelled: string[];
  contexts: Array<{ stepId: string; context: unknown }>;
}

/**
 * Leaf steps for engine tests: deterministic handlers with the built-ins' ids where the engine treats a type
 * specially (`data.set` merges into `variables`, `wait` may show `waiting`).
 */
export function createTestSteps(state: TestStepState): ServerStepDefinition[] {
  const count = (key: string) => (state.calls[key] = (state.calls[key] ?? 0) + 1);
  return [
    createServerStepDefinition({
      id: 'data.set',
      inputSchema: z.record(z.string(), z.unknown()),
      outputSchema: z.record(z.string(), z.unknown()),
      handler: async ({ input }) => ({ output: input }),
    }),
    createServerStepDefinition({
      id: 'console',
      inputSchema: z.object({ message: z.unknown() }),
      outputSchema: z.string(),
      handler: async ({ input, logger, stepId }) => {
        const message = typeof input.message === 'string' ? input.message : JSON.stringify(input.message);
        logger.info(`Log from step ${stepId}: ${message}`);
        return { output: message };
      },
    }),
    createServerStepDefinition({
      id: 'wait',
      inputSchema: z.object({ duration: z.string() }),
      outputSchema: z.unknown(),
      handler: async ({ input, abortSignal }) => {
        const ms = createWorkflowTemplating(undefined).parseDuration(input.duration);
        await sleep(ms, abortSignal);
        return { output: undefined };
      },
    }),
    createServerStepDefinition({
      id: 'test.fail',
      inputSchema: z.object({ message: z.string().default('boom'), type: z.string().default('TestError') }),
      outputSchema: z.unknown(),
      handler: async ({ input, stepId }) => {
        count(stepId);
        return { error: Object.assign(new Error(input.message), { name: input.type }), output: { partial: true } };
      },
    }),
    createServerStepDefinition({
      id: 'test.flaky',
      inputSchema: z.object({ failures: z.number() }),
      outputSchema: z.unknown(),
      handler: async ({ input, stepId }) => {
        const n = count(stepId);
        if (n <= input.failures) throw Object.assign(new Error(`failure ${n}`), { name: 'FlakyError' });
        return { output: { attempt: n } };
      },
    }),
    createServerStepDefinition({
      id: 'test.sleep',
      inputSchema: z.object({ ms: z.number(), ignoreAbort: z.boolean().default(false) }),
      outputSchema: z.unknown(),
      handler: async ({ input, abortSignal }) => {
        if (input.ignoreAbort) await new Promise((resolve) => setTimeout(resolve, input.ms));
        else await sleep(input.ms, abortSignal);
        return { output: { slept: input.ms } };
      },
      onCancel: ({ stepId }) => {
        state.cancelled.push(stepId);
      },
    }),
    createServerStepDefinition({
      id: 'test.big',
      inputSchema: z.object({ bytes: z.number() }),
      outputSchema: z.string(),
      handler: async ({ input }) => ({ output: 'x'.repeat(input.bytes) }),
    }),
    createServerStepDefinition({
      id: 'test.echo',
      inputSchema: z.unknown(),
      outputSchema: z.unknown(),
      configSchema: z.object({ 'agent-id': z.string().default('elastic-ai-agent') }),
      handler: async ({ input, config, contextManager, stepId }) => {
        count(stepId);
        state.contexts.push({ stepId, context: contextManager.getContext() });
        return { output: { input, config } };
      },
    }),
    createServerStepDefinition({
      id: 'test.kibana',
      inputSchema: z.object({ path: z.string() }),
      outputSchema: z.unknown(),
      handler: async ({ input, contextManager }) => ({ output: await contextManager.callKibanaApi({ method: 'POST', path: input.path, body: { a: 1 } }) }),
    }),
  ] as ServerStepDefinition[];
}

export interface TestEngine {
  service: ExecutionService;
  store: WorkflowsStore;
  state: TestStepState;
  logs: LogRecord[];
  kibanaCalls: Array<{ principal: ExecutionPrincipal | null; spaceId: string; request: CallKibanaApiRequest }>;
  start(yamlText: string, options?: Partial<Omit<RunWorkflowParams, 'workflow' | 'request'>> & { workflowId?: string }): Promise<{ workflowExecutionId: string; status: string }>;
  /** Starts a run and waits for its end; returns the execution detail. */
  run(yamlText: string, options?: Partial<Omit<RunWorkflowParams, 'workflow' | 'request'>> & { workflowId?: string }): Promise<ExecutionDetail>;
  detail(id: string, spaceId?: string): Promise<ExecutionDetail>;
  stop(): Promise<void>;
}

export async function createTestEngine(options: Partial<ExecutionServiceDeps> & { extraSteps?: ServerStepDefinition[] } = {}): Promise<TestEngine> {
  const store = options.store ?? createMemoryWorkflowsStore();
  const logs: LogRecord[] = [];
  const logger = createLoggerFactory({ levels: { root: 'debug' }, sink: (record) => logs.push(record) }).get('engine');
  const state: TestStepState = { calls: {}, cancelled: [], contexts: [] };
  const definitions = new Map<string, ServerStepDefinition>();
  for (const step of [...createTestSteps(state), ...(options.extraSteps ?? [])]) definitions.set(step.id, step);
  const kibanaCalls: TestEngine['kibanaCalls'] = [];
  const service = new ExecutionService({
    store,
    logger,
    getStepDefinition: (type) => definitions.get(type),
    stepsReady: async () => undefined,
    createTemplating: (execution) => createWorkflowTemplating(execution.workflowDefinition.settings),
    createHost: (principal, spaceId) => ({
      callKibanaApi: async <T>(request: CallKibanaApiRequest) => {
        kibanaCalls.push({ principal, spaceId, request });
        return { called: request.path } as T;
      },
      getScopedEsClient: () => {
        throw new Error('No Elasticsearch in engine unit tests');
      },
      getFakeRequest: () => createFakeKibanaRequest({ spaceId }),
    }),
    resolvePrincipal: () => ({ username: 'alice', roles: ['editor'] }),
    redactInput: (_type, input) => input,
    kibanaUrl: 'http://localhost:5601',
    maxConcurrentRuns: 10,
    maxStepOutputBytes: 10 * 1024 * 1024,
    heartbeatIntervalMs: 60_000,
    flushIntervalMs: 20,
    ...options,
  });
  await service.start();
  const start: TestEngine['start'] = (yamlText, runOptions = {}) =>
    service.runWorkflow({
      workflow: { id: runOptions.workflowId ?? 'wf-1', name: 'Test workflow', enabled: true, yaml: yamlText, definition: workflowFromYaml(yamlText) },
      spaceId: runOptions.spaceId ?? 'default',
      inputs: runOptions.inputs ?? {},
      request: createFakeKibanaRequest({ spaceId: runOptions.spaceId ?? 'default' }),
      ...(runOptions.triggeredBy ? { triggeredBy: runOptions.triggeredBy } : {}),
      ...(runOptions.isTestRun !== undefined ? { isTestRun: runOptions.isTestRun } : {}),
      ...(runOptions.stepId ? { stepId: runOptions.stepId } : {}),
      ...(runOptions.contextOverride ? { contextOverride: runOptions.contextOverride } : {}),
    });
  const detail = async (id: string, spaceId = 'default') => {
    const found = await service.getExecution(spaceId, id);
    if (!found) throw new Error(`Execution ${id} not found`);
    return found;
  };
  return {
    service,
    store,
    state,
    logs,
    kibanaCalls,
    start,
    run: async (yamlText, runOptions = {}) => {
      const { workflowExecutionId } = await start(yamlText, runOptions);
      await service.waitForCompletion(workflowExecutionId, 20_000);
      return detail(workflowExecutionId, runOptions.spaceId ?? 'default');
    },
    detail,
    stop: () => service.stop(),
  };
}
