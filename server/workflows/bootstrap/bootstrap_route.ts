import type { IRouter } from '../../../platform/core/server';
import { ASSISTANT_API_PRIVILEGES, FEATURE_FLAGS } from '../../../common/constants';
import { bootstrapPreinstalledWorkflows, type BootstrapOptions } from '.';

export const BOOTSTRAP_PREINSTALLED_WORKFLOWS_PATH = '/internal/security_solution/preinstalled_workflows/_bootstrap';

/** Re-runs the bootstrapper for the request's space (triage-steps §7), e.g. after a space was added. */
export function registerBootstrapRoute(router: IRouter, getOptions: () => Promise<BootstrapOptions>): void {
  router.post(
    {
      path: BOOTSTRAP_PREINSTALLED_WORKFLOWS_PATH,
      validate: false,
      security: { authz: { requiredPrivileges: [ASSISTANT_API_PRIVILEGES.all] } },
      options: { access: 'internal', summary: 'Install or upgrade the preinstalled workflows in this space' },
    },
    async (_context, request, response) => {
      const options = await getOptions();
      const { key, defaultValue } = FEATURE_FLAGS.preinstalledWorkflowsEnabled;
      if (!(await options.core.featureFlags.getBooleanValue(key, defaultValue))) {
        return response.badRequest({ body: { message: `Preinstalled workflows are disabled; set feature_flags.overrides.${key}: true` } });
      }
      const spaceId = options.core.spaces.getSpaceId(request);
      return response.ok({ body: await bootstrapPreinstalledWorkflows({ ...options, spaceIds: [spaceId] }) });
    },
  );
}
