import { workflowIdParams } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { ALL_SECURITY, errorResponse, notFoundResponse, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** DELETE /api/workflows/workflow/{id}: soft delete (executions are kept; the id stays taken). */
export function registerDeleteWorkflowRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .delete({ path: WORKFLOWS_ROUTES.byId, access: 'public', security: ALL_SECURITY, options: { summary: 'Delete a workflow' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { params: workflowIdParams } } }, async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        const { deleted } = await (await getService()).deleteWorkflows([request.params.id], spaceId, request);
        if (deleted === 0) return notFoundResponse(response, `Workflow [${request.params.id}] not found in space [${spaceId}]`);
        return response.ok({ body: {} });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
