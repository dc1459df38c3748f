import { validateWorkflowBody } from '../../common/api';
import { WORKFLOWS_API_VERSION, WORKFLOWS_ROUTES } from '../../common/constants';
import { errorResponse, READ_SECURITY, requestSpace, type WorkflowsRouteDeps } from './route_helpers';

/** POST /api/workflows/validate: diagnostics with 1-based positions; a POST that changes nothing, so `read` suffices. */
export function registerValidateWorkflowRoute({ router, getService, logger }: WorkflowsRouteDeps): void {
  router.versioned
    .post({ path: WORKFLOWS_ROUTES.validate, access: 'public', security: READ_SECURITY, options: { summary: 'Validate a workflow YAML' } })
    .addVersion({ version: WORKFLOWS_API_VERSION, validate: { request: { body: validateWorkflowBody } } }, async (context, request, response) => {
      try {
        const spaceId = await requestSpace(context);
        const { valid, diagnostics } = await (await getService()).validateWorkflow(request.body.yaml, spaceId);
        return response.ok({ body: { valid, diagnostics } });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    });
}
