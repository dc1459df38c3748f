import type { CallKibanaApiRequest, ServerStepDefinition, StepHandlerContext, WorkflowContext } from '../../../platform/plugins/workflows_extensions/common';
import type { TestPlatform } from '../../helpers';

/**
 * Runs one step handler the way the engine does (workflow_runner `runLeaf`): `with` and config parsed by the step's
 * schemas, then the handler with a real context — the platform's Elasticsearch, the host's HTTP API as `elastic` for
 * `callKibanaApi`, an abort signal that fires after `timeoutMs`.
 */

export type StepOutcome =
  | { kind: 'invalid-input'; message: string }
  | { kind: 'result' }
  | { kind: 'error'; error: { name: string; type?: string; message: string } }
  | { kind: 'hung' };

function workflowContext(): WorkflowContext {
  const now = new Date().toISOString();
  return {
    execution: { id: 'fuzz-exec', isTestRun: true, startedAt: now, url: 'http://127.0.0.1/app/workflows', executedBy: 'elastic', triggeredBy: 'manual' },
    workflow: { id: 'fuzz-workflow', name: 'fuzz', enabled: true, spaceId: 'default' },
    kibanaUrl: 'http://127.0.0.1',
    now,
    steps: {},
    variables: {},
  };
}

const describe = (error: unknown): { name: string; type?: string; message: string } => {
  if (error instanceof Error) {
    const type = (error as Error & { type?: unknown }).type;
    return { name: error.name, ...(typeof type === 'string' ? { type } : {}), message: error.message };
  }
  return { name: typeof error, message: String(error) };
};

export async function runStepHandler(tp: TestPlatform, definition: ServerStepDefinition, input: unknown, config: unknown, timeoutMs: number): Promise<StepOutcome> {
  const parsed = definition.inputSchema.safeParse(input);
  if (!parsed.success) return { kind: 'invalid-input', message: parsed.error.message };
  let parsedConfig: Record<string, unknown> = {};
  if (definition.configSchema) {
    const result = definition.configSchema.safeParse(config ?? {});
    if (!result.success) return { kind: 'invalid-input', message: result.error.message };
    parsedConfig = result.data as Record<string, unknown>;
  }
  const controller = new AbortController();
  const context: StepHandlerContext = {
    input: structuredClone(parsed.data),
    rawInput: structuredClone(input),
    config: parsedConfig,
    stepId: 'fuzzed_step',
    stepType: definition.id,
    abortSignal: controller.signal,
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    contextManager: {
      getContext: workflowContext,
      renderInputTemplate: (value) => value,
      getScopedEsClient: () => tp.es,
      getFakeRequest: () => {
        throw new Error('getFakeRequest is not available to the handler fuzz');
      },
      callKibanaApi: async <T>(request: CallKibanaApiRequest): Promise<T> => {
        const res = await tp.request(request.method ?? 'GET', request.path, { body: request.body, headers: request.headers });
        if (res.status >= 400) throw new Error(`Kibana API ${request.method ?? 'GET'} ${request.path} failed with status ${res.status}`);
        return res.body as T;
      },
    },
  };
  const abortTimer = setTimeout(() => controller.abort(new Error('fuzz step timeout')), timeoutMs);
  let hangTimer: NodeJS.Timeout | undefined;
  // After the abort, a handler gets the same grace again to settle; past that it hangs.
  const hang = new Promise<StepOutcome>((resolve) => {
    hangTimer = setTimeout(() => resolve({ kind: 'hung' }), timeoutMs * 2);
  });
  try {
    const run = Promise.resolve()
      .then(() => definition.handler(context))
      .then(
        (result): StepOutcome => (result.error !== undefined ? { kind: 'error', error: describe(result.error) } : { kind: 'result' }),
        (error: unknown): StepOutcome => ({ kind: 'error', error: describe(error) }),
      );
    return await Promise.race([run, hang]);
  } finally {
    clearTimeout(abortTimer);
    clearTimeout(hangTimer);
  }
}
