import type { IRouter } from '../../../platform/core/server';
import { ASSISTANT_API_PRIVILEGES } from '../../../common/constants';
import type { RouteDependencies } from '../../route_dependencies';
import { resolveRuntimeConfig } from './resolve_runtime_config';

export const ALERT_VALIDATION_RUNTIME_CONFIG_PATH = '/internal/security_solution/alert_validation/runtime_config';

/** The triage workflow reads its connector and agent here instead of hard-coding them (triage-steps §6.1). */
export function registerRuntimeConfigRoute(router: IRouter, { getServices, config }: Pick<RouteDependencies, 'getServices' | 'config'>): void {
  router.get(
    {
      path: ALERT_VALIDATION_RUNTIME_CONFIG_PATH,
      validate: false,
      security: { authz: { requiredPrivileges: [ASSISTANT_API_PRIVILEGES.read] } },
      options: { access: 'internal', summary: 'Connector and agent of the alert validation workflow in this space' },
    },
    async (_context, request, response) => {
      const { core, actions } = await getServices();
      if (!actions) return response.ok({ body: resolveRuntimeConfig(undefined) });
      const spaceId = core.spaces.getSpaceId(request);
      const resolution = await actions.getDefaultConnector(spaceId, { configDefaultId: config.defaultConnectorId });
      return response.ok({ body: resolveRuntimeConfig(resolution) });
    },
  );
}
