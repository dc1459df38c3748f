/**
 * Response types of the workflows API for browser clients. The shapes are owned by the server contracts; these are
 * type-only re-exports, so nothing server-side reaches a bundle.
 */
export type {
  WorkflowDetail,
  WorkflowListItem,
  WorkflowUpdate,
  GetWorkflowsParams,
} from '../server/contract';
export type {
  ExecutionDetail,
  ExecutionError,
  ExecutionListItem,
  ExecutionLogEntry,
  ExecutionStatus,
  ExecutionSummary,
  Paged,
  StepExecution,
  TriggeredBy,
} from '../../workflows_execution_engine/server/contract';
export type { WorkflowDefinition, WorkflowDiagnostic, WorkflowValidationResult } from '../../../packages/workflows/definition';

import type { ExecutionLogEntry as LogEntry } from '../../workflows_execution_engine/server/contract';

export interface ExecutionLogsResponse {
  logs: LogEntry[];
  total: number;
  page: number;
  size: number;
}
