/** Typed browser client of the workflows HTTP API (§6) over `core.http`. */
import type { HttpSetup } from '../../../../core/public';
import { ROUTES } from './routes';
import type {
  AlertsSearchRequest,
  AlertsSearchResponse,
  ExecutionDetail,
  ExecutionListItem,
  ExecutionLogsResponse,
  FindExecutionsQuery,
  FindWorkflowsQuery,
  Paged,
  RunInputs,
  RunResponse,
  ValidateWorkflowResponse,
  WorkflowDetail,
  WorkflowListItem,
  WorkflowUpdate,
} from './types';

export interface WorkflowsApi {
  findWorkflows(query: FindWorkflowsQuery, signal?: AbortSignal): Promise<Paged<WorkflowListItem>>;
  getWorkflow(id: string, signal?: AbortSignal): Promise<WorkflowDetail>;
  createWorkflow(yaml: string): Promise<WorkflowDetail>;
  updateWorkflow(id: string, update: WorkflowUpdate): Promise<WorkflowDetail>;
  deleteWorkflow(id: string): Promise<void>;
  validateWorkflow(yaml: string, signal?: AbortSignal): Promise<ValidateWorkflowResponse>;
  getSchema(signal?: AbortSignal): Promise<Record<string, unknown>>;
  runWorkflow(id: string, inputs: RunInputs): Promise<RunResponse>;
  testWorkflow(params: { workflowYaml: string; inputs: RunInputs; workflowId?: string }): Promise<RunResponse>;
  findExecutions(workflowId: string, query: FindExecutionsQuery, signal?: AbortSignal): Promise<Paged<ExecutionListItem>>;
  getExecution(executionId: string, signal?: AbortSignal): Promise<ExecutionDetail>;
  getExecutionLogs(executionId: string, options: { stepExecutionId?: string; page?: number; size?: number }, signal?: AbortSignal): Promise<ExecutionLogsResponse>;
  cancelExecution(executionId: string): Promise<{ id: string; status: string; cancelRequested: boolean }>;
  searchAlerts(request: AlertsSearchRequest, signal?: AbortSignal): Promise<AlertsSearchResponse>;
}

export function createWorkflowsApi(http: HttpSetup): WorkflowsApi {
  return {
    findWorkflows: ({ page, size, query, enabled }, signal) =>
      http.get(ROUTES.find, { query: { page, size, query: query || undefined, enabled }, signal }),
    getWorkflow: (id, signal) => http.get(ROUTES.workflow(id), { signal }),
    createWorkflow: (yaml) => http.post(ROUTES.create, { body: { yaml } }),
    updateWorkflow: (id, update) => http.put(ROUTES.workflow(id), { body: { ...update } }),
    deleteWorkflow: async (id) => {
      await http.delete(ROUTES.workflow(id));
    },
    validateWorkflow: (yaml, signal) => http.post(ROUTES.validate, { body: { yaml }, signal }),
    getSchema: (signal) => http.get(ROUTES.schema, { query: { loose: false }, signal }),
    runWorkflow: (id, inputs) => http.post(ROUTES.run(id), { body: { inputs } }),
    testWorkflow: ({ workflowYaml, inputs, workflowId }) => http.post(ROUTES.test, { body: { workflowYaml, inputs, ...(workflowId ? { workflowId } : {}) } }),
    findExecutions: (workflowId, { page, size, statuses, executionTypes }, signal) =>
      http.get(ROUTES.workflowExecutions(workflowId), { query: { page, size, statuses, executionTypes }, signal }),
    getExecution: (executionId, signal) => http.get(ROUTES.execution(executionId), { query: { includeInput: true, includeOutput: true }, signal }),
    getExecutionLogs: (executionId, { stepExecutionId, page = 1, size = 100 }, signal) =>
      http.get(ROUTES.executionLogs(executionId), { query: { stepExecutionId, page, size, sortOrder: 'asc' }, signal }),
    cancelExecution: (executionId) => http.post(ROUTES.cancelExecution(executionId)),
    searchAlerts: (request, signal) => http.post(ROUTES.alertsSearch, { body: { ...request }, signal }),
  };
}
