import { executionParams } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { ALL_SECURITY, errorResponse, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** POST /api/workflows/executions/{executionId}/cancel: `{id, status, cancelRequested}`; a terminal one is left as is. */
export function registerCancelExecutionRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .post({ path: WORKFLOWS_ROUTES.cancelExecution, access: 'public', security: ALL_SECURITY, options: { summary: 'Cancel a workflow execution' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { params: executionParams } } }, async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        return response.ok({ body: await (await getService()).cancelWorkflowExecution(request.params.executionId, spaceId, request) });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
