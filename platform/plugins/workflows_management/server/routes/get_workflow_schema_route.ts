import { workflowSchemaQuery } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { errorResponse, READ_SECURITY, type WorkflowsRouteDeps } from './route_helpers';

/** GET /api/workflows/schema: the editor's JSON Schema (§6.1), cached per step-registry version. */
export function registerGetWorkflowSchemaRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .get({ path: WORKFLOWS_ROUTES.schema, access: 'public', security: READ_SECURITY, options: { summary: 'Get the workflow YAML JSON Schema' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { query: workflowSchemaQuery } } }, async (_context, request, response) => {
      try {
        return response.ok({ body: await (await getService()).getWorkflowJsonSchema({ loose: request.query.loose }) });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
