import type { ExecutionError } from './contract';

/** An error the runner raises itself; `type` is what the step record and the UI show (§5.3). */
export class WorkflowStepError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = type;
  }
}

export const timeoutError = (timeout: string) => new WorkflowStepError('TimeoutError', `Step execution exceeded the configured timeout of ${timeout}.`);

export const interruptedError = (status: string): ExecutionError => ({
  type: 'ExecutionInterruptedError',
  message: `Execution was interrupted because the host stopped while it was ${status}. Run the workflow again.`,
});

export const WORKFLOW_TIMEOUT_ERROR: ExecutionError = { type: 'TimeoutError', message: 'Failed due to workflow timeout' };
export const CANCELLED_ERROR: ExecutionError = { type: 'CancelledError', message: 'Execution was cancelled' };

/** Any thrown value → `{type, message, details?}`: a handler's own error class name is its type (HttpRequestError…). */
export function toExecutionError(error: unknown): ExecutionError {
  if (error instanceof Error) {
    const withFields = error as Error & { type?: unknown; details?: unknown; code?: unknown };
    const type =
      typeof withFields.type === 'string' && withFields.type !== ''
        ? withFields.type
        : error.name && error.name !== 'Error'
          ? error.name
          : error.constructor.name !== 'Error'
            ? error.constructor.name
            : 'Error';
    const out: ExecutionError = { type, message: error.message };
    if (withFields.details !== undefined) out.details = toPlainJson(withFields.details);
    return out;
  }
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    const record = error as { type?: unknown; message: string; details?: unknown };
    return { type: typeof record.type === 'string' ? record.type : 'Error', message: record.message, ...(record.details !== undefined ? { details: toPlainJson(record.details) } : {}) };
  }
  return { type: 'Error', message: String(error) };
}

/** JSON round trip: the context and the records hold plain JSON only (§3.4 sandbox). */
export function toPlainJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

/** Thrown through the step tree when the run itself stops: every open record takes the matching status. */
export class RunAbort extends Error {
  constructor(readonly kind: 'cancel' | 'timeout') {
    super(kind === 'cancel' ? 'Execution was cancelled' : 'Failed due to workflow timeout');
    this.name = 'RunAbort';
  }
}

/** A step failure travelling up to the nearest on-failure handler. */
export class StepFailure extends Error {
  constructor(readonly error: ExecutionError) {
    super(error.message);
    this.name = 'StepFailure';
  }
}
