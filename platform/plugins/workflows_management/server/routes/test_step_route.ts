import { testStepBody } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { ALL_SECURITY, errorResponse, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** POST /api/workflows/step/test: runs one step (and its subtree) of a YAML with an optional context override. */
export function registerTestStepRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .post({ path: WORKFLOWS_ROUTES.testStep, access: 'public', security: ALL_SECURITY, options: { summary: 'Test-run one workflow step' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { body: testStepBody } } }, async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        const workflowExecutionId = await (await getService()).testStep(request.body, spaceId, request);
        return response.ok({ body: { workflowExecutionId } });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
