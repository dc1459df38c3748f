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
