/**
 * Follows one workflow execution until it reaches a final status. The flyout action and the bulk action both use it
 * so the alerts table can refresh once the run has written its tags, notes and status.
 */
import { TERMINAL_STATUSES, type TriageApi, type WorkflowExecution } from './triage_api';

export interface WatchExecutionOptions {
  pollMs?: number;
  /** Each non-final snapshot, for progress. */
  onUpdate?(execution: WorkflowExecution): void;
  /** Stops polling early (the promise then rejects with an AbortError). */
  signal?: AbortSignal;
  /** Injected in tests. */
  sleep?(ms: number): Promise<void>;
}

export const DEFAULT_POLL_MS = 1000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const aborted = () => Object.assign(new Error('Stopped following the triage run'), { name: 'AbortError' });

/** Resolves with the final snapshot (completed, failed, cancelled, timed_out or skipped); a failed poll rejects. */
export async function watchExecution(api: Pick<TriageApi, 'getExecution'>, executionId: string, options: WatchExecutionOptions = {}): Promise<WorkflowExecution> {
  const { pollMs = DEFAULT_POLL_MS, onUpdate, signal, sleep = defaultSleep } = options;
  for (;;) {
    if (signal?.aborted) throw aborted();
    const execution = await api.getExecution(executionId);
    if (TERMINAL_STATUSES.includes(execution.status)) return execution;
    if (signal?.aborted) throw aborted();
    onUpdate?.(execution);
    await sleep(pollMs);
  }
}

/** "Triage failed: <message>" for a final snapshot that did not complete; undefined when it completed. */
export function failureMessage(execution: WorkflowExecution): string | undefined {
  if (execution.status === 'completed') return undefined;
  return `Triage ${execution.status}${execution.error ? `: ${execution.error.message}` : ''}`;
}
