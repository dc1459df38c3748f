import { registerCancelExecutionRoute } from './cancel_execution_route';
import { registerCancelWorkflowExecutionsRoute } from './cancel_workflow_executions_route';
import { registerCreateWorkflowRoute } from './create_workflow_route';
import { registerDeleteWorkflowRoute } from './delete_workflow_route';
import { registerFindExecutionsRoute } from './find_executions_route';
import { registerFindWorkflowsRoute } from './find_workflows_route';
import { registerGetConnectorsRoute } from './get_connectors_route';
import { registerGetExecutionLogsRoute } from './get_execution_logs_route';
import { registerGetExecutionRoute } from './get_execution_route';
import { registerGetStepExecutionRoute } from './get_step_execution_route';
import { registerGetWorkflowRoute } from './get_workflow_route';
import { registerGetWorkflowSchemaRoute } from './get_workflow_schema_route';
import type { WorkflowsRouteDeps } from './route_helpers';
import { registerRunWorkflowRoute } from './run_workflow_route';
import { registerSearchAlertsRoute } from './search_alerts_route';
import { registerTestStepRoute } from './test_step_route';
import { registerTestWorkflowRoute } from './test_workflow_route';
import { registerUpdateWorkflowRoute } from './update_workflow_route';
import { registerValidateWorkflowRoute } from './validate_workflow_route';

export type { WorkflowsRouteDeps } from './route_helpers';

export function registerRoutes(deps: WorkflowsRouteDeps): void {
  registerFindWorkflowsRoute(deps);
  registerCreateWorkflowRoute(deps);
  registerGetWorkflowRoute(deps);
  registerUpdateWorkflowRoute(deps);
  registerDeleteWorkflowRoute(deps);
  registerValidateWorkflowRoute(deps);
  registerGetWorkflowSchemaRoute(deps);
  registerRunWorkflowRoute(deps);
  registerTestWorkflowRoute(deps);
  registerTestStepRoute(deps);
  registerFindExecutionsRoute(deps);
  registerCancelWorkflowExecutionsRoute(deps);
  registerGetExecutionRoute(deps);
  registerGetStepExecutionRoute(deps);
  registerGetExecutionLogsRoute(deps);
  registerCancelExecutionRoute(deps);
  registerGetConnectorsRoute(deps);
  registerSearchAlertsRoute(deps);
}
