import { ACTIONS_API_PRIVILEGES, ACTIONS_ROUTES, DEFAULT_CONNECTOR_SETTING_KEY, updateSettingsBody, type SettingsResponse } from '../../common';
import { errorResponse, requestScope, type ActionsRouteDeps } from './route_helpers';

/** POST /internal/actions/settings `{changes: {"genAI:defaultConnectorId": id | null}}` ("Set default"; Connectors: All). */
export function registerUpdateSettingsRoute({ router, getService, logger }: ActionsRouteDeps): void {
  router.post(
    {
      path: ACTIONS_ROUTES.settings,
      validate: { body: updateSettingsBody },
      security: { authz: { requiredPrivileges: [ACTIONS_API_PRIVILEGES.all] } },
      options: { access: 'internal' },
    },
    async (context, request, response) => {
      try {
        const { spaceId } = await requestScope(context);
        const service = await getService();
        await service.setDefaultConnectorId(spaceId, request.body.changes[DEFAULT_CONNECTOR_SETTING_KEY]);
        const body: SettingsResponse = {
          settings: { [DEFAULT_CONNECTOR_SETTING_KEY]: (await service.getDefaultConnectorId(spaceId)) ?? null },
        };
        return response.ok({ body });
      } catch (error) {
        return errorResponse(error, response, logger);
      }
    },
  );
}
