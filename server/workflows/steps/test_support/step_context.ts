import type { StepLogger, TriageEsClient, TriageStepContext } from '../step_context';

export interface RecordedLog {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  meta?: Record<string, unknown>;
}

/** Test support: a step context as the engine passes it, with a logger that records every line. */
export function createTestStepContext<TInput>(params: {
  input: TInput;
  spaceId: string;
  esClient: TriageEsClient;
  abortSignal?: AbortSignal;
}): { context: TriageStepContext<TInput>; logs: RecordedLog[] } {
  const logs: RecordedLog[] = [];
  const record =
    (level: RecordedLog['level']) =>
    (message: string, meta?: Record<string, unknown>): void => {
      logs.push({ level, message, ...(meta === undefined ? {} : { meta }) });
    };
  const logger: StepLogger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
  return {
    logs,
    context: {
      input: params.input,
      contextManager: {
        getContext: () => ({ workflow: { spaceId: params.spaceId } }),
        getScopedEsClient: () => params.esClient,
      },
      logger,
      abortSignal: params.abortSignal ?? new AbortController().signal,
    },
  };
}
