import { executionLogsQuery, executionParams } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { errorResponse, READ_SECURITY, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** GET /api/workflows/executions/{executionId}/logs: the execution's log events, paged. */
export function registerGetExecutionLogsRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .get({ path: WORKFLOWS_ROUTES.executionLogs, access: 'public', security: READ_SECURITY, options: { summary: 'Get the logs of a workflow execution' } })
    .addVersion(
      { version: WORKFLOWS_API_VERSION, validate: { request: { params: executionParams, query: executionLogsQuery } } },
      async (context, request, response) => {
        try {
          const spaceId = await requestSpace(context);
          return response.ok({ body: await (await getService()).getExecutionLogs(request.params.executionId, request.query, spaceId) });
        } catch (error) {
          return errorResponse(error, response, logger);
        }
      },
    );
}
