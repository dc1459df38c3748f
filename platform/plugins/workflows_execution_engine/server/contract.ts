import type { KibanaRequest } from '../../../core/server';
import type { WorkflowDefinition } from '../../../packages/workflows/definition';

/**
 * The execution engine's start contract (workflow-engine §5), used by `workflowsManagement`. The engine owns the
 * execution, step-execution and log indices (§5.8): it writes them while runs progress and serves reads of live runs
 * from memory and of finished runs from Elasticsearch.
 */

export type ExecutionStatus = 'pending' | 'queued' | 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'timed_out' | 'skipped';
export const TERMINAL_EXECUTION_STATUSES: readonly ExecutionStatus[] = ['completed', 'failed', 'cancelled', 'timed_out', 'skipped'];

export type TriggeredBy = 'manual' | 'alert' | 'scheduled';

export interface ExecutionError {
  type: string;
  message: string;
  details?: unknown;
}

export interface WorkflowToRun {
  /** `test-workflow` (or the given `workflowId`) for unsaved test runs. */
  id: string;
  name: string;
  enabled: boolean;
  yaml: string;
  definition: WorkflowDefinition;
}

export interface RunWorkflowParams {
  workflow: WorkflowToRun;
  spaceId: string;
  /** Validated inputs with defaults applied; for alert runs `event` is already `{alerts, rule, spaceId}` (§6.2). */
  inputs: Record<string, unknown>;
  /** The starting user's request: its identity and space become the execution identity (§5.7). */
  request: KibanaRequest;
  triggeredBy?: TriggeredBy;
  isTestRun?: boolean;
  /** Step test (`POST /api/workflows/step/test`): run only this step and its subtree. */
  stepId?: string;
  contextOverride?: Record<string, unknown>;
}

export interface ExecutionSummary {
  id: string;
  status: ExecutionStatus;
  isTestRun: boolean;
  triggeredBy: TriggeredBy;
  startedAt?: string;
  finishedAt?: string;
  /** ms */
  duration?: number;
}

export interface ExecutionListItem extends ExecutionSummary {
  workflowId: string;
  executedBy: string;
  error?: ExecutionError;
}

export interface StepExecution {
  id: string;
  workflowRunId: string;
  workflowId: string;
  stepId: string;
  stepType: string;
  status: ExecutionStatus;
  isTestRun: boolean;
  scopeStack: Array<{ stepId: string; kind: 'foreach' | 'retry' | 'fallback'; scopeId: string }>;
  topologicalIndex: number;
  globalExecutionIndex: number;
  stepExecutionIndex: number;
  startedAt: string;
  finishedAt?: string;
  executionTimeMs?: number;
  input?: unknown;
  output?: unknown;
  error?: ExecutionError;
  state?: Record<string, unknown>;
}

export interface ExecutionDetail extends ExecutionListItem {
  spaceId: string;
  workflowName: string;
  workflowDefinition: WorkflowDefinition;
  yaml: string;
  stepId?: string;
  context: Record<string, unknown>;
  cancelRequested?: boolean;
  /** Sorted by `globalExecutionIndex`. */
  stepExecutions: StepExecution[];
}

export interface ExecutionLogEntry {
  id: string;
  timestamp: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  stepId?: string;
  stepName?: string;
  stepExecutionId?: string;
  additionalData?: Record<string, unknown>;
}

export interface FindExecutionsParams {
  spaceId: string;
  workflowId: string;
  statuses?: ExecutionStatus[];
  executionTypes?: Array<'production' | 'test'>;
  page: number;
  size: number;
}

export interface Paged<T> {
  results: T[];
  page: number;
  size: number;
  total: number;
}

export interface WorkflowsExecutionEngineStart {
  /** Admits the run (host pool, §5.5 concurrency) and returns once the execution document exists. */
  runWorkflow(params: RunWorkflowParams): Promise<{ workflowExecutionId: string; status: ExecutionStatus }>;
  getExecution(spaceId: string, executionId: string, options?: { includeInput?: boolean; includeOutput?: boolean }): Promise<ExecutionDetail | undefined>;
  getStepExecution(spaceId: string, executionId: string, stepExecutionId: string): Promise<StepExecution | undefined>;
  findExecutions(params: FindExecutionsParams): Promise<Paged<ExecutionListItem>>;
  /** Latest execution per workflow id (one terms + top_hits query), for the list's `history`. */
  getLatestExecutions(spaceId: string, workflowIds: string[]): Promise<Record<string, ExecutionSummary>>;
  getExecutionLogs(
    spaceId: string,
    executionId: string,
    options: { stepExecutionId?: string; page: number; size: number; sortOrder: 'asc' | 'desc' },
  ): Promise<{ logs: ExecutionLogEntry[]; total: number; page: number; size: number }>;
  cancelExecution(spaceId: string, executionId: string, cancelledBy: string): Promise<{ id: string; status: ExecutionStatus; cancelRequested: boolean } | undefined>;
  cancelWorkflowExecutions(spaceId: string, workflowId: string, cancelledBy: string): Promise<{ cancelled: number }>;
  /** Resolves with the terminal status (tests, bench, the bootstrapper's smoke checks). */
  waitForCompletion(executionId: string, timeoutMs?: number): Promise<ExecutionStatus>;
}

/**
 * AI request guards (the engine's equivalent of a CI runner's `add-mask`): a plugin registers a factory at setup and
 * the `ai.prompt` / `ai.agent` steps consult every factory for each LLM request. The guard scrubs all outgoing text
 * (system prompt, messages, attachment renderings, tool-call arguments) and restores the model's answer before it is
 * validated and becomes step output. A factory that throws fails the step: the request is never sent unguarded.
 */
export interface AiRequestGuardAttachment {
  id?: string;
  type: string;
  data: unknown;
}

export interface AiRequestGuardContext {
  spaceId: string;
  workflowId: string;
  executionId: string;
  stepId: string;
  stepType: string;
  /** The execution's trigger event (e.g. `{alerts: […], rule, spaceId}` for alert runs), if any. */
  event: Record<string, unknown> | undefined;
  /** `ai.agent` attachments, unscrubbed (empty for `ai.prompt`). */
  attachments: readonly AiRequestGuardAttachment[];
  /** Every text about to be sent: the system prompt, then each message's content. */
  outgoingText: readonly string[];
}

export interface AiRequestGuard {
  /** Replaces sensitive values in one outgoing text. */
  scrub(text: string): string;
  /** Maps tokens back to originals, deep through arrays and objects (strings only). */
  restore(value: unknown): unknown;
}

/** Resolves `undefined` when this request needs no guarding. */
export type AiRequestGuardFactory = (context: AiRequestGuardContext) => Promise<AiRequestGuard | undefined>;
