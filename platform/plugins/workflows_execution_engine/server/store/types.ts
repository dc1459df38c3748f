import type { WorkflowDefinition } from '../../../../packages/workflows/definition';
import type { ExecutionError, ExecutionLogEntry, ExecutionStatus, StepExecution, TriggeredBy } from '../contract';

/** Who a run acts as (§5.7): enough to rebuild the host user, never a secret. */
export interface ExecutionPrincipal {
  username: string;
  roles: string[];
  full_name?: string;
  email?: string;
  /** Kept so a re-admitted run keeps the same authentication facts. */
  authentication_realm?: { name: string; type: string };
  authentication_provider?: { type: string; name: string };
}

/** A `.workflows-executions` document (§5.8). */
export interface ExecutionDoc {
  id: string;
  spaceId: string;
  workflowId: string;
  workflowName: string;
  workflowEnabled: boolean;
  status: ExecutionStatus;
  triggeredBy: TriggeredBy;
  executedBy: string;
  /** Stored, not indexed; `null` for runs started by a request without a user. */
  principal: ExecutionPrincipal | null;
  isTestRun: boolean;
  stepId?: string;
  concurrencyKey?: string;
  ownerId?: string;
  cancelRequested: boolean;
  createdAt: string;
  queuedAt?: string;
  startedAt?: string;
  finishedAt?: string;
  lastHeartbeatAt?: string;
  cancelledAt?: string;
  cancelledBy?: string;
  cancellationReason?: string;
  /** ms */
  duration?: number;
  error?: ExecutionError;
  workflowDefinition: WorkflowDefinition;
  yaml: string;
  /** The run's inputs (with `event`) and, for step tests, the context override. */
  context: { inputs: Record<string, unknown>; contextOverride?: Record<string, unknown> };
}

/** A `.workflows-step-executions` document. */
export type StepExecutionDoc = StepExecution & { spaceId: string };

/** A `.workflows-execution-logs` document. */
export interface ExecutionLogDoc {
  id: string;
  '@timestamp': string;
  /** Write order within the execution: ties on `@timestamp` keep the order events happened in. */
  sequence: number;
  level: ExecutionLogEntry['level'];
  message: string;
  spaceId: string;
  workflow: {
    id: string;
    name: string;
    execution_id: string;
    step_id?: string;
    step_execution_id?: string;
    step_name?: string;
    step_type?: string;
  };
  event?: { action?: string; outcome?: 'success' | 'failure' | 'unknown'; duration?: number };
  error?: { type?: string; message?: string; stack_trace?: string };
  additionalData?: Record<string, unknown>;
}

export interface FindExecutionsQuery {
  spaceId: string;
  workflowId: string;
  statuses?: ExecutionStatus[];
  isTestRun?: boolean;
  /** Ids served from memory instead (live runs). */
  excludeIds?: string[];
  from: number;
  size: number;
}

/**
 * Persistence of executions, step records and logs (§5.8). Every read takes the space and returns nothing of
 * another space. Implemented over Elasticsearch and in memory (tests).
 */
export interface WorkflowsStore {
  /** Creates the indices (idempotent). */
  init(): Promise<void>;
  putExecution(doc: ExecutionDoc, options?: { refresh?: boolean }): Promise<void>;
  updateExecution(id: string, patch: Partial<ExecutionDoc>, options?: { refresh?: boolean }): Promise<void>;
  getExecution(spaceId: string, id: string): Promise<ExecutionDoc | undefined>;
  findExecutions(query: FindExecutionsQuery): Promise<{ docs: ExecutionDoc[]; total: number }>;
  /** Every space: restart recovery (§5.6). Sorted by `createdAt` ascending. */
  findExecutionsByStatus(statuses: ExecutionStatus[]): Promise<ExecutionDoc[]>;
  /** Latest execution per workflow id (one terms + top_hits query). */
  getLatestExecutions(spaceId: string, workflowIds: string[]): Promise<Record<string, ExecutionDoc>>;
  /** Inserts or replaces whole records. */
  putStepExecutions(docs: StepExecutionDoc[], options?: { refresh?: boolean }): Promise<void>;
  getStepExecutions(spaceId: string, executionId: string): Promise<StepExecutionDoc[]>;
  getStepExecution(spaceId: string, executionId: string, id: string): Promise<StepExecutionDoc | undefined>;
  putLogs(docs: ExecutionLogDoc[], options?: { refresh?: boolean }): Promise<void>;
  findLogs(
    spaceId: string,
    executionId: string,
    options: { stepExecutionId?: string; from: number; size: number; sortOrder: 'asc' | 'desc' },
  ): Promise<{ docs: ExecutionLogDoc[]; total: number }>;
}
