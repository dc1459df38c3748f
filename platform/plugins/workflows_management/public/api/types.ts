/** Wire types of the §6 HTTP API as the browser sees them (the server contract types, imported as types only). */
import type { WorkflowDiagnostic, WorkflowValidationResult } from '../../../../packages/workflows/definition';
import type { ExecutionDetail, ExecutionListItem, ExecutionLogEntry, ExecutionStatus, Paged, StepExecution } from '../../../workflows_execution_engine/server/contract';
import type { WorkflowDetail, WorkflowListItem, WorkflowUpdate } from '../../server/contract';

export type { ExecutionDetail, ExecutionListItem, ExecutionLogEntry, ExecutionStatus, Paged, StepExecution, WorkflowDetail, WorkflowDiagnostic, WorkflowListItem, WorkflowUpdate };

export interface FindWorkflowsQuery {
  page: number;
  size: number;
  query?: string;
  enabled?: boolean;
}

export type ValidateWorkflowResponse = Pick<WorkflowValidationResult, 'valid' | 'diagnostics'> & Partial<Omit<WorkflowValidationResult, 'valid' | 'diagnostics'>>;

export interface FindExecutionsQuery {
  page: number;
  size: number;
  statuses?: ExecutionStatus[];
  executionTypes?: Array<'production' | 'test'>;
}

export interface ExecutionLogsResponse {
  logs: ExecutionLogEntry[];
  total: number;
  page: number;
  size: number;
}

export type { AlertSummary, SearchAlertsResponse as AlertsSearchResponse } from '../../common/api/alerts';

export interface AlertsSearchRequest {
  query?: string;
  from?: string;
  to?: string;
  size?: number;
}

/** Run inputs; alert runs send `{event: {triggerType: 'alert', alertIds}}` (§6.2). */
export type RunInputs = Record<string, unknown>;

export interface RunResponse {
  workflowExecutionId: string;
}
