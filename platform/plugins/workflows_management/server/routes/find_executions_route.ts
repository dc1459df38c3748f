import { findExecutionsQuery, workflowExecutionsParams } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { errorResponse, READ_SECURITY, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** GET /api/workflows/workflow/{workflowId}/executions: a page of executions, newest first. */
export function registerFindExecutionsRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .get({ path: WORKFLOWS_ROUTES.workflowExecutions, access: 'public', security: READ_SECURITY, options: { summary: 'Find executions of a workflow' } })
    .addVersion(
      { version: WORKFLOWS_API_VERSION, validate: { request: { params: workflowExecutionsParams, query: findExecutionsQuery } } },
      async (context, request, response) => {
        try {
          const spaceId = await requestSpace(context);
          const { statuses, executionTypes, page, size } = request.query;
          const result = await (await getService()).getWorkflowExecutions(
            { workflowId: request.params.workflowId, page, size, ...(statuses ? { statuses } : {}), ...(executionTypes ? { executionTypes } : {}) },
            spaceId,
          );
          return response.ok({ body: result });
        } catch (error) {
          return errorResponse(error, response, logger);
        }
      },
    );
}
