import type { IRouter } from '../../../../core/server';
import { setAlertStatusRequestBody } from '../../common/api';
import { DETECTION_ENGINE_SIGNALS_STATUS_URL, PRIVILEGE_ALL } from '../../common/constants';
import { clientsFor, errorResponse } from './route_context';

/** POST /api/detection_engine/signals/status { signal_ids | query, status, reason?, conflicts? } */
export function registerSetAlertStatusRoute(router: IRouter): void {
  router.post(
    {
      path: DETECTION_ENGINE_SIGNALS_STATUS_URL,
      validate: { body: setAlertStatusRequestBody },
      security: { authz: { requiredPrivileges: [PRIVILEGE_ALL] } },
      options: { access: 'public', summary: 'Set the workflow status of alerts' },
    },
    async (context, request, response) => {
      try {
        const { alerts } = await clientsFor(context);
        const { signal_ids: ids, query, status, reason, conflicts } = request.body;
        const summary = await alerts.setStatus(ids ? { ids } : { query: query ?? {} }, { status, reason });
        if (conflicts === 'abort' && summary.version_conflicts > 0) {
          return response.conflict({ body: { message: `${summary.version_conflicts} alerts kept changing concurrently and were not updated`, attributes: summary } });
        }
        return response.ok({ body: summary });
      } catch (error) {
        return errorResponse(error, response);
      }
    },
  );
}
