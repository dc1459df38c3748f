import type { IKibanaResponse, IRouter, KibanaResponseFactory, Logger, RequestHandlerContext } from '../../../../core/server';
import type { ConnectorResponse } from '../../common';
import type { ConnectorsService } from '../connectors_service';
import { ActionsError } from '../errors';
import type { Connector } from '../types';

export interface ActionsRouteDeps {
  router: IRouter;
  getService(): Promise<ConnectorsService>;
  logger: Logger;
}

/** Identity is resolved once per request and passed to the service explicitly. */
export async function requestScope(context: RequestHandlerContext): Promise<{ spaceId: string; username?: string }> {
  const core = await context.core;
  const user = core.security.authc.getCurrentUser();
  return { spaceId: core.spaces.getSpaceId(), ...(user ? { username: user.username } : {}) };
}

/** Kibana's connector shape; preconfigured connectors never show their config (it may name internal hosts). */
export function toConnectorResponse(c: Connector): ConnectorResponse {
  return {
    id: c.id,
    name: c.name,
    connector_type_id: c.actionTypeId,
    ...(c.isPreconfigured ? {} : { config: c.config }),
    is_preconfigured: c.isPreconfigured,
    is_deprecated: c.isDeprecated,
    is_missing_secrets: c.isMissingSecrets,
    is_system_action: c.isSystemAction,
  };
}

/** ActionsError → its status with `attributes.code`; anything else is logged and rethrown for a 500. */
export function errorResponse(error: unknown, response: KibanaResponseFactory, logger: Logger): IKibanaResponse {
  if (error instanceof ActionsError) {
    return response.customError({
      statusCode: error.statusCode,
      body: { message: error.message, attributes: { code: error.code, ...(error.details ? { details: error.details } : {}) } },
    });
  }
  logger.error(error instanceof Error ? error : new Error(String(error)));
  throw error;
}
