/** Browser paths of the §6 routes, filled from the shared route table. `core.http` adds the `/s/<space>` prefix. */
import { WORKFLOWS_ROUTES, workflowsRoute } from '../../common/constants';

export const ROUTES = {
  find: WORKFLOWS_ROUTES.find,
  create: WORKFLOWS_ROUTES.create,
  workflow: (id: string) => workflowsRoute(WORKFLOWS_ROUTES.byId, { id }),
  run: (id: string) => workflowsRoute(WORKFLOWS_ROUTES.run, { id }),
  workflowExecutions: (workflowId: string) => workflowsRoute(WORKFLOWS_ROUTES.workflowExecutions, { workflowId }),
  validate: WORKFLOWS_ROUTES.validate,
  schema: WORKFLOWS_ROUTES.schema,
  test: WORKFLOWS_ROUTES.test,
  execution: (executionId: string) => workflowsRoute(WORKFLOWS_ROUTES.execution, { executionId }),
  executionLogs: (executionId: string) => workflowsRoute(WORKFLOWS_ROUTES.executionLogs, { executionId }),
  cancelExecution: (executionId: string) => workflowsRoute(WORKFLOWS_ROUTES.cancelExecution, { executionId }),
  alertsSearch: WORKFLOWS_ROUTES.alertsSearch,
} as const;
