/** Names shared by the workflowsManagement server routes and the Workflows app (workflow-engine §6). */
export const PLUGIN_ID = 'workflowsManagement';
export const APP_ID = 'workflows';
export const APP_PATH = '/app/workflows';

export const FEATURE_ID = 'workflowsManagement';
export const WORKFLOWS_API_PRIVILEGES = { read: 'workflowsManagement-read', all: 'workflowsManagement-all' } as const;

/** Public routes are versioned; the header is optional (public routes default to their oldest version). */
export const WORKFLOWS_API_VERSION = '2023-10-31';

export const WORKFLOWS_INDEX = '.workflows-workflows';

export const WORKFLOWS_ROUTES = {
  find: '/api/workflows',
  create: '/api/workflows/workflow',
  byId: '/api/workflows/workflow/{id}',
  validate: '/api/workflows/validate',
  schema: '/api/workflows/schema',
  run: '/api/workflows/workflow/{id}/run',
  test: '/api/workflows/test',
  testStep: '/api/workflows/step/test',
  workflowExecutions: '/api/workflows/workflow/{workflowId}/executions',
  cancelWorkflowExecutions: '/api/workflows/workflow/{workflowId}/executions/cancel',
  execution: '/api/workflows/executions/{executionId}',
  stepExecution: '/api/workflows/executions/{executionId}/step/{stepExecutionId}',
  executionLogs: '/api/workflows/executions/{executionId}/logs',
  cancelExecution: '/api/workflows/executions/{executionId}/cancel',
  connectors: '/api/workflows/connectors',
  alertsSearch: '/internal/workflows/alerts/_search',
} as const;

/** Fills `{param}` placeholders of a route path (for browser clients). */
export function workflowsRoute(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\??\}/g, (_match, name: string) => encodeURIComponent(params[name] ?? ''));
}

export const LIMITS = {
  maxPageSize: 100,
  defaultPageSize: 20,
  maxLogsPageSize: 1000,
  defaultLogsPageSize: 100,
  maxAlertIds: 100,
  maxAlertSearchSize: 100,
  defaultAlertSearchSize: 50,
  /** workflow-engine §1.5: YAML at most 1 MiB. */
  maxYamlBytes: 1024 * 1024,
} as const;

export const UNTITLED_WORKFLOW_NAME = 'Untitled workflow';

/** The messages of the §1.5 "invalid but saved" rules, shared so the UI can recognise them. */
export const WORKFLOW_MESSAGES = {
  notValid: 'Workflow is not valid.',
  disabled: 'Workflow is disabled. Enable it to run it.',
  cannotEnableInvalid: 'Workflow is not valid and cannot be enabled.',
} as const;
