import type { Client } from '@elastic/elasticsearch';

/**
 * The parts of the workflow engine's `StepHandlerContext` (workflow-engine §0.1) the triage steps use, declared
 * structurally so the handlers register unchanged once `workflowsExtensions` exists.
 */

/** The scoped Elasticsearch client: the official client, narrowed to the calls the steps make. */
export type TriageEsClient = Pick<Client, 'transport' | 'search' | 'msearch' | 'mget'>;

export interface StepLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface TriageStepContext<TInput> {
  /** `with`, rendered and parsed by the step's input schema (defaults applied). */
  readonly input: TInput;
  readonly contextManager: {
    getContext(): { workflow?: { spaceId?: string } };
    getScopedEsClient(): TriageEsClient;
  };
  readonly logger: StepLogger;
  readonly abortSignal: AbortSignal;
}

export type StepHandlerResult<TOutput> = { output: TOutput } | { error: Error };

/** The space the workflow runs in; `default` when the context has none. */
export const spaceIdOf = (context: TriageStepContext<unknown>): string =>
  context.contextManager.getContext().workflow?.spaceId || 'default';
