import type { KibanaRequest } from '../../../core/server';
import type { WorkflowDefinition, WorkflowDiagnostic, WorkflowValidationResult } from '../../../packages/workflows/definition';
import type {
  ExecutionDetail,
  ExecutionListItem,
  ExecutionLogEntry,
  ExecutionStatus,
  ExecutionSummary,
  FindExecutionsParams,
  Paged,
  StepExecution,
  TriggeredBy,
} from '../../workflows_execution_engine/server/contract';

/** Workflow-engine §6 response shapes and the §0.2 `management` contract plugins use (after start). */

export interface WorkflowDetail {
  id: string;
  name: string;
  description?: string;
  enabled: boolean;
  tags: string[];
  valid: boolean;
  validationErrors?: WorkflowDiagnostic[];
  yaml: string;
  definition: WorkflowDefinition | null;
  spaceId: string;
  createdAt: string;
  createdBy: string;
  lastUpdatedAt: string;
  lastUpdatedBy: string;
  /** Opaque optimistic-concurrency token of the stored document; pass it back in `WorkflowUpdate.revision`. */
  revision?: string;
  /** Set on soft-deleted workflows, which only `getWorkflow(…, {includeDeleted: true})` returns. */
  deletedAt?: string;
}

export interface WorkflowListItem extends Omit<WorkflowDetail, 'yaml' | 'definition'> {
  triggerTypes: string[];
  history: ExecutionSummary[];
}

export interface WorkflowUpdate {
  yaml?: string;
  name?: string;
  description?: string;
  enabled?: boolean;
  tags?: string[];
  /** When given, the update fails with 409 unless the stored document still has this revision. */
  revision?: string;
}

export interface GetWorkflowsParams {
  page?: number;
  size?: number;
  query?: string;
  enabled?: boolean;
  tags?: string[];
}

export interface WorkflowsManagementApi {
  /** Soft-deleted workflows are `undefined` unless `includeDeleted` (their ids stay taken: create answers 409). */
  getWorkflow(id: string, spaceId: string, options?: { includeDeleted?: boolean }): Promise<WorkflowDetail | undefined>;
  getWorkflows(params: GetWorkflowsParams, spaceId: string): Promise<Paged<WorkflowListItem>>;
  /** Never rejects an invalid YAML: it is stored with `valid: false`. Rejects with 409 when `id` exists. */
  createWorkflow(workflow: { yaml: string; id?: string }, spaceId: string, request: KibanaRequest): Promise<WorkflowDetail>;
  updateWorkflow(id: string, update: WorkflowUpdate, spaceId: string, request: KibanaRequest): Promise<WorkflowDetail>;
  deleteWorkflows(ids: string[], spaceId: string, request: KibanaRequest): Promise<{ deleted: number }>;
  /** `spaceId` (default `default`) decides which connectors count as known for `unknown-connector` warnings. */
  validateWorkflow(yaml: string, spaceId?: string): Promise<WorkflowValidationResult>;
  getWorkflowJsonSchema(options: { loose: boolean }): Promise<Record<string, unknown>>;
  /** 400-style errors (invalid, disabled, bad inputs) reject with a `WorkflowsManagementError`. */
  runWorkflow(
    workflow: WorkflowDetail,
    spaceId: string,
    inputs: Record<string, unknown>,
    request: KibanaRequest,
    triggeredBy?: TriggeredBy,
  ): Promise<string>;
  testWorkflow(params: { workflowYaml: string; inputs?: Record<string, unknown>; workflowId?: string }, spaceId: string, request: KibanaRequest): Promise<string>;
  testStep(
    params: { workflowYaml: string; stepId: string; workflowId?: string; contextOverride?: Record<string, unknown> },
    spaceId: string,
    request: KibanaRequest,
  ): Promise<string>;
  getWorkflowExecution(
    executionId: string,
    spaceId: string,
    options?: { includeInput?: boolean; includeOutput?: boolean },
  ): Promise<ExecutionDetail | undefined>;
  getWorkflowExecutions(params: Omit<FindExecutionsParams, 'spaceId'>, spaceId: string): Promise<Paged<ExecutionListItem>>;
  getStepExecution(executionId: string, stepExecutionId: string, spaceId: string): Promise<StepExecution | undefined>;
  getExecutionLogs(
    executionId: string,
    options: { stepExecutionId?: string; page?: number; size?: number; sortOrder?: 'asc' | 'desc' },
    spaceId: string,
  ): Promise<{ logs: ExecutionLogEntry[]; total: number; page: number; size: number }>;
  cancelWorkflowExecution(executionId: string, spaceId: string, request: KibanaRequest): Promise<{ id: string; status: ExecutionStatus; cancelRequested: boolean }>;
  /** Cancels every non-terminal execution of a workflow. */
  cancelWorkflowExecutions?(workflowId: string, spaceId: string, request: KibanaRequest): Promise<{ cancelled: number }>;
}

export interface WorkflowsManagementPluginSetup {
  /** Usable once the platform has started. */
  management: WorkflowsManagementApi;
}

export type WorkflowsManagementPluginStart = WorkflowsManagementApi;
