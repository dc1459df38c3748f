import { createWorkflowBody } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { ALL_SECURITY, errorResponse, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** POST /api/workflows/workflow: stores the YAML, also when invalid (§1.5); 409 when the id is taken. */
export function registerCreateWorkflowRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .post({ path: WORKFLOWS_ROUTES.create, access: 'public', security: ALL_SECURITY, options: { summary: 'Create a workflow' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { body: createWorkflowBody } } }, async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        return response.ok({ body: await (await getService()).createWorkflow(request.body, spaceId, request) });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
