import type { IRouter } from '../../../../core/server';
import { searchAlertsRequestBody } from '../../common/api';
import { DETECTION_ENGINE_SIGNALS_SEARCH_URL, PRIVILEGE_READ } from '../../common/constants';
import { clientsFor, errorResponse } from './route_context';

/** POST /api/detection_engine/signals/search: a search body against the space's alerts alias. */
export function registerSearchAlertsRoute(router: IRouter): void {
  router.post(
    {
      path: DETECTION_ENGINE_SIGNALS_SEARCH_URL,
      validate: { body: searchAlertsRequestBody },
      security: { authz: { requiredPrivileges: [PRIVILEGE_READ] } },
      options: { access: 'public', summary: 'Search alerts' },
    },
    async (context, request, response) => {
      try {
        const { alerts } = await clientsFor(context);
        return response.ok({ body: await alerts.search(request.body) });
      } catch (error) {
        return errorResponse(error, response);
      }
    },
  );
}
