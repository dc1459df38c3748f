import { updateWorkflowBody, workflowIdParams } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { ALL_SECURITY, errorResponse, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** PUT /api/workflows/workflow/{id}: a new YAML and/or field edits written into it; 400 when enabling an invalid one. */
export function registerUpdateWorkflowRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .put({ path: WORKFLOWS_ROUTES.byId, access: 'public', security: ALL_SECURITY, options: { summary: 'Update a workflow' } })
    .addVersion(
      { version: WORKFLOWS_API_VERSION, validate: { request: { params: workflowIdParams, body: updateWorkflowBody } } },
      async (context, request, response) => {
        try {
          const spaceId = await requestSpace(context);
          return response.ok({ body: await (await getService()).updateWorkflow(request.params.id, request.body, spaceId, request) });
        } catch (error) {
          return errorResponse(error, response, logger);
        }
      },
    );
}
