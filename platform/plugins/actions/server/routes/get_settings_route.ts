import { ACTIONS_API_PRIVILEGES, ACTIONS_ROUTES, DEFAULT_CONNECTOR_SETTING_KEY, type SettingsResponse } from '../../common';
import { errorResponse, requestScope, type ActionsRouteDeps } from './route_helpers';

/** GET /internal/actions/settings: the space's `genAI:defaultConnectorId`. */
export function registerGetSettingsRoute({ router, getService, logger }: ActionsRouteDeps): void {
  router.get(
    {
      path: ACTIONS_ROUTES.settings,
      validate: false,
      security: { authz: { requiredPrivileges: [ACTIONS_API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, _request, response) => {
      try {
        const { spaceId } = await requestScope(context);
        const id = await (await getService()).getDefaultConnectorId(spaceId);
        const body: SettingsResponse = { settings: { [DEFAULT_CONNECTOR_SETTING_KEY]: id ?? null } };
        return response.ok({ body });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    },
  );
}
