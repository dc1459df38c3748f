/** react-query keys, so mutations invalidate exactly what they change. */
import type { AlertsSearchRequest, FindExecutionsQuery, FindWorkflowsQuery } from './types';

export const queryKeys = {
  workflows: ['workflows'] as const,
  workflowList: (query: FindWorkflowsQuery) => ['workflows', 'list', query] as const,
  workflow: (id: string) => ['workflows', 'detail', id] as const,
  schema: ['workflows', 'schema'] as const,
  stepDefinitions: ['workflows', 'stepDefinitions'] as const,
  executions: (workflowId: string) => ['workflows', 'executions', workflowId] as const,
  executionList: (workflowId: string, query: FindExecutionsQuery) => ['workflows', 'executions', workflowId, query] as const,
  execution: (executionId: string) => ['workflows', 'execution', executionId] as const,
  executionLogs: (executionId: string, stepExecutionId?: string) => ['workflows', 'execution', executionId, 'logs', stepExecutionId ?? ''] as const,
  alerts: (request: AlertsSearchRequest) => ['workflows', 'alerts', request] as const,
};
