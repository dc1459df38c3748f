import { testWorkflowBody } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { ALL_SECURITY, errorResponse, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** POST /api/workflows/test: runs an unsaved YAML as a test run; 400 with diagnostics when it is invalid. */
export function registerTestWorkflowRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .post({ path: WORKFLOWS_ROUTES.test, access: 'public', security: ALL_SECURITY, options: { summary: 'Test-run a workflow YAML' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { body: testWorkflowBody } } }, async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        const workflowExecutionId = await (await getService()).testWorkflow(request.body, spaceId, request);
        return response.ok({ body: { workflowExecutionId } });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
