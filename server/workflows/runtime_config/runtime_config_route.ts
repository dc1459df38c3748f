import type { IRouter } from '../../../platform/core/server';
import { ASSISTANT_API_PRIVILEGES } from '../../../common/constants';
import type { AssistantServices, RouteDependencies } from '../../route_dependencies';
import { resolveRuntimeConfig, type ConnectorLookup } from './resolve_runtime_config';
import { putAlertValidationSettingsSchema } from './settings';
import { AlertValidationSettingsStore } from './settings_store';

export const ALERT_VALIDATION_RUNTIME_CONFIG_PATH = '/internal/security_solution/alert_validation/runtime_config';
export const ALERT_VALIDATION_SETTINGS_PATH = '/internal/security_solution/alert_validation/settings';

async function lookupConnector(services: AssistantServices, spaceId: string, settingId: string | null | undefined, configDefaultId?: string): Promise<ConnectorLookup> {
  const { actions } = services;
  if (!actions) return { resolution: undefined };
  if (settingId) {
    const exists = await actions.getConnector(spaceId, settingId).then(
      () => true,
      () => false,
    );
    return { setting: { id: settingId, exists }, resolution: undefined };
  }
  return { resolution: await actions.getDefaultConnector(spaceId, { configDefaultId }) };
}

/**
 * The triage workflow reads its connector, agent and auto-close policy here at run time instead of hard-coding them
 * (triage-steps §6.1); analysts set them per space with the settings route.
 */
export function registerRuntimeConfigRoutes(router: IRouter, { getServices, config }: Pick<RouteDependencies, 'getServices' | 'config'>): void {
  let store: AlertValidationSettingsStore | undefined;
  const storeOf = (services: AssistantServices) =>
    (store ??= new AlertValidationSettingsStore(services.core.elasticsearch.client.asInternalUser, `${config.storage.prefix}-alert-validation-settings`));

  router.get(
    {
      path: ALERT_VALIDATION_RUNTIME_CONFIG_PATH,
      validate: false,
      security: { authz: { requiredPrivileges: [ASSISTANT_API_PRIVILEGES.read] } },
      options: { access: 'internal', summary: 'Connector, agent and auto-close policy of the alert validation workflow in this space' },
    },
    async (_context, request, response) => {
      const services = await getServices();
      const spaceId = services.core.spaces.getSpaceId(request);
      const settings = await storeOf(services).get(spaceId);
      const lookup = await lookupConnector(services, spaceId, settings.connector_id, config.defaultConnectorId);
      return response.ok({ body: resolveRuntimeConfig(settings, lookup) });
    },
  );

  router.get(
    {
      path: ALERT_VALIDATION_SETTINGS_PATH,
      validate: false,
      security: { authz: { requiredPrivileges: [ASSISTANT_API_PRIVILEGES.read] } },
      options: { access: 'internal', summary: 'Alert validation settings of this space' },
    },
    async (_context, request, response) => {
      const services = await getServices();
      return response.ok({ body: await storeOf(services).get(services.core.spaces.getSpaceId(request)) });
    },
  );

  router.put(
    {
      path: ALERT_VALIDATION_SETTINGS_PATH,
      validate: { body: putAlertValidationSettingsSchema },
      security: { authz: { requiredPrivileges: [ASSISTANT_API_PRIVILEGES.all] } },
      options: { access: 'internal', summary: 'Replace the alert validation settings of this space' },
    },
    async (_context, request, response) => {
      const services = await getServices();
      const spaceId = services.core.spaces.getSpaceId(request);
      if (request.body.connector_id && services.actions) {
        const found = await services.actions.getConnector(spaceId, request.body.connector_id).then(
          () => true,
          () => false,
        );
        if (!found) return response.badRequest({ body: { message: `Connector ${request.body.connector_id} does not exist in space ${spaceId}` } });
      }
      return response.ok({ body: await storeOf(services).put(spaceId, request.body) });
    },
  );
}
