import { findWorkflowsQuery } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { errorResponse, READ_SECURITY, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** GET /api/workflows: a page of the space's workflows with each one's latest execution as `history`. */
export function registerFindWorkflowsRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .get({ path: WORKFLOWS_ROUTES.find, access: 'public', security: READ_SECURITY, options: { summary: 'Find workflows' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { query: findWorkflowsQuery } } }, async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        return response.ok({ body: await (await getService()).getWorkflows(request.query, spaceId) });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
