import type { IKibanaResponse, IRouter, KibanaResponseFactory, Logger, RequestHandlerContext, RouteSecurity } from '../../../../core/server';
import { WORKFLOWS_API_PRIVILEGES } from '../../common/constants';
import { WorkflowsManagementError } from '../errors';
import type { WorkflowsManagementService } from '../management';

export interface WorkflowsRouteDeps {
  router: IRouter;
  /** Resolves once the plugin has started (routes are mounted before start). */
  getService(): Promise<WorkflowsManagementService>;
  logger: Logger;
}

export const READ_SECURITY: RouteSecurity = { authz: { requiredPrivileges: [WORKFLOWS_API_PRIVILEGES.read] } };
export const ALL_SECURITY: RouteSecurity = { authz: { requiredPrivileges: [WORKFLOWS_API_PRIVILEGES.all] } };

/** The space is resolved once per request and passed to the service explicitly. */
export async function requestSpace(context: RequestHandlerContext): Promise<string> {
  return (await context.core).spaces.getSpaceId();
}

/**
 * WorkflowsManagementError → its status with `attributes.diagnostics` when it has any; anything else is rethrown so
 * the HTTP layer logs it with the route and answers a generic 500.
 */
export function errorResponse(error: unknown, response: KibanaResponseFactory, logger: Logger): IKibanaResponse {
  if (error instanceof WorkflowsManagementError) {
    return response.customError({
      statusCode: error.statusCode,
      body: { message: error.message, ...(error.diagnostics ? { attributes: { diagnostics: error.diagnostics } } : {}) },
    });
  }
  logger.error('Workflows route failed', { error: error instanceof Error ? error.message : String(error) });
  throw error;
}

export const notFoundResponse = (response: KibanaResponseFactory, message: string) => response.notFound({ body: message });
