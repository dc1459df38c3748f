import { executionParams, getExecutionQuery } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { errorResponse, notFoundResponse, READ_SECURITY, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** GET /api/workflows/executions/{executionId}: the ExecutionDetail with its step executions. */
export function registerGetExecutionRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .get({ path: WORKFLOWS_ROUTES.execution, access: 'public', security: READ_SECURITY, options: { summary: 'Get a workflow execution' } })
    .addVersion(
      { version: WORKFLOWS_API_VERSION, validate: { request: { params: executionParams, query: getExecutionQuery } } },
      async (context, request, response) => {
        try {
          const spaceId = await requestSpace(context);
          const execution = await (await getService()).getWorkflowExecution(request.params.executionId, spaceId, request.query);
          if (!execution) return notFoundResponse(response, `Execution [${request.params.executionId}] not found in space [${spaceId}]`);
          return response.ok({ body: execution });
        } catch (error) {
          return errorResponse(error, response, logger);
        }
      },
    );
}
