import { stepExecutionParams } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { errorResponse, notFoundResponse, READ_SECURITY, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** GET /api/workflows/executions/{executionId}/step/{stepExecutionId}: one step record. */
export function registerGetStepExecutionRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .get({ path: WORKFLOWS_ROUTES.stepExecution, access: 'public', security: READ_SECURITY, options: { summary: 'Get a step execution' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { params: stepExecutionParams } } }, async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        const { executionId, stepExecutionId } = request.params;
        const step = await (await getService()).getStepExecution(executionId, stepExecutionId, spaceId);
        if (!step) return notFoundResponse(response, `Step execution [${stepExecutionId}] of execution [${executionId}] not found in space [${spaceId}]`);
        return response.ok({ body: step });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
