import { workflowExecutionsParams } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { ALL_SECURITY, errorResponse, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** POST /api/workflows/workflow/{workflowId}/executions/cancel: cancels every active execution, `{cancelled: n}`. */
export function registerCancelWorkflowExecutionsRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .post({ path: WORKFLOWS_ROUTES.cancelWorkflowExecutions, access: 'public', security: ALL_SECURITY, options: { summary: 'Cancel all executions of a workflow' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { params: workflowExecutionsParams } } }, async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        return response.ok({ body: await (await getService()).cancelWorkflowExecutions(request.params.workflowId, spaceId, request) });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
