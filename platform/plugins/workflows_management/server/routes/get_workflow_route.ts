import { workflowIdParams } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { errorResponse, notFoundResponse, READ_SECURITY, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** GET /api/workflows/workflow/{id}: the WorkflowDetail, 404 when unknown or deleted. */
export function registerGetWorkflowRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .get({ path: WORKFLOWS_ROUTES.byId, access: 'public', security: READ_SECURITY, options: { summary: 'Get a workflow' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { params: workflowIdParams } } }, async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        const workflow = await (await getService()).getWorkflow(request.params.id, spaceId);
        if (!workflow) return notFoundResponse(response, `Workflow [${request.params.id}] not found in space [${spaceId}]`);
        return response.ok({ body: workflow });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
