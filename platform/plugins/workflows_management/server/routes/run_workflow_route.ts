import { runWorkflowBody, workflowIdParams } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { ALL_SECURITY, errorResponse, notFoundResponse, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** POST /api/workflows/workflow/{id}/run: 400 when invalid, disabled or the inputs fail; alert ids are resolved (§6.2). */
export function registerRunWorkflowRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .post({ path: WORKFLOWS_ROUTES.run, access: 'public', security: ALL_SECURITY, options: { summary: 'Run a workflow' } })
    .addVersion(
      { version: WORKFLOWS_API_VERSION, validate: { request: { params: workflowIdParams, body: runWorkflowBody } } },
      async (context, request, response) => {
        try {
          const spaceId = await requestSpace(context);
          const service = await getService();
          const workflow = await service.getWorkflow(request.params.id, spaceId);
          if (!workflow) return notFoundResponse(response, `Workflow [${request.params.id}] not found in space [${spaceId}]`);
          const workflowExecutionId = await service.runWorkflow(workflow, spaceId, request.body.inputs ?? {}, request, 'manual');
          return response.ok({ body: { workflowExecutionId } });
        } catch (error) {
          return errorResponse(error, response, logger);
        }
      },
    );
}
