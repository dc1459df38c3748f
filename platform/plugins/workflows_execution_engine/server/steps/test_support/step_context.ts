import type { Client } from '@elastic/elasticsearch';
import type {
  CallKibanaApiRequest,
  ServerStepDefinition,
  StepHandlerContext,
  StepHandlerResult,
  WorkflowContext,
} from '../../../../workflows_extensions/common';
import type { KibanaRequest } from '../../../../../core/server';

export interface RecordedLog {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  meta?: Record<string, unknown>;
}

export interface TestStepContextOptions {
  input: unknown;
  rawInput?: unknown;
  config?: Record<string, unknown>;
  stepId?: string;
  stepType?: string;
  spaceId?: string;
  executedBy?: string;
  abortSignal?: AbortSignal;
  esClient?: Client;
  /** The host router stand-in; the default one throws so tests notice an unexpected call. */
  callKibanaApi?: (request: CallKibanaApiRequest) => Promise<unknown>;
}

export interface TestStepContext<TInput, TConfig> {
  context: StepHandlerContext<TInput, TConfig>;
  logs: RecordedLog[];
  kibanaCalls: CallKibanaApiRequest[];
}

export function testWorkflowContext(spaceId: string, executedBy: string): WorkflowContext {
  return {
    execution: {
      id: 'exec-1',
      isTestRun: false,
      startedAt: '2026-01-01T00:00:00.000Z',
      url: 'http://localhost:5601/app/workflows/wf-1?tab=executions&executionId=exec-1',
      executedBy,
      triggeredBy: 'manual',
    },
    workflow: { id: 'wf-1', name: 'Test workflow', enabled: true, spaceId },
    kibanaUrl: 'http://localhost:5601',
    now: '2026-01-01T00:00:00.000Z',
    steps: {},
    variables: {},
  };
}

/** Test support: the context the runner hands a step, with a recording logger and a recording `callKibanaApi`. */
export function createTestStepContext<TInput, TConfig = Record<string, unknown>>(
  options: TestStepContextOptions & { input: TInput; config?: TConfig },
): TestStepContext<TInput, TConfig> {
  const logs: RecordedLog[] = [];
  const kibanaCalls: CallKibanaApiRequest[] = [];
  const record =
    (level: RecordedLog['level']) =>
    (message: string, meta?: Record<string, unknown>): void => {
      logs.push({ level, message, ...(meta === undefined ? {} : { meta }) });
    };
  const workflowContext = testWorkflowContext(options.spaceId ?? 'default', options.executedBy ?? 'elastic');
  const context: StepHandlerContext<TInput, TConfig> = {
    input: options.input,
    rawInput: options.rawInput ?? options.input,
    config: options.config ?? ({} as TConfig),
    stepId: options.stepId ?? 'test_step',
    stepType: options.stepType ?? 'test',
    abortSignal: options.abortSignal ?? new AbortController().signal,
    logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
    contextManager: {
      getContext: () => structuredClone(workflowContext),
      renderInputTemplate: (value) => value,
      getScopedEsClient: () => {
        if (!options.esClient) throw new Error('test context has no Elasticsearch client');
        return options.esClient;
      },
      getFakeRequest: (): KibanaRequest => {
        throw new Error('test context has no fake request');
      },
      callKibanaApi: async <T>(request: CallKibanaApiRequest): Promise<T> => {
        kibanaCalls.push(request);
        if (!options.callKibanaApi) throw new Error(`unexpected callKibanaApi ${request.method ?? 'GET'} ${request.path}`);
        return (await options.callKibanaApi(request)) as T;
      },
    },
  };
  return { context, logs, kibanaCalls };
}

/**
 * Runs a step the way the runner does: `with` and config parsed by the step's schemas first (a parse failure throws
 * the zod error), then the handler; a throw becomes `{error}`.
 */
export async function runStep(
  definition: ServerStepDefinition,
  options: Omit<TestStepContextOptions, 'input'> & { with: unknown },
): Promise<StepHandlerResult & { logs: RecordedLog[]; kibanaCalls: CallKibanaApiRequest[] }> {
  const input: unknown = definition.inputSchema.parse(options.with);
  const config = definition.configSchema ? definition.configSchema.parse(options.config ?? {}) : (options.config ?? {});
  const { context, logs, kibanaCalls } = createTestStepContext<unknown, Record<string, unknown>>({
    ...options,
    input,
    rawInput: options.with,
    config,
    stepType: options.stepType ?? definition.id,
  });
  try {
    const result = await definition.handler(context);
    return { ...result, logs, kibanaCalls };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)), logs, kibanaCalls };
  }
}
