import { ASSISTANT_API_PRIVILEGES, INTERNAL_API_VERSION } from '../../../common/constants';
import { TRIAGE_ROUTES, triageAlertParamsSchema, type NarrativeResponse } from '../../../common/api/triage';
import { renderAlertNarrativeInputSchema } from '../../../common/workflows';
import type { RouteDependencies } from '../../route_dependencies';
import { describeError } from '../../workflows/steps/errors';
import { normalizeAlertRequests, renderAlertNarratives } from '../../workflows/steps/render_alert_narrative';
import { triageContextForRequest } from './triage_context';

/** `GET …/alerts/{alertId}/narrative`: the Timeline-like narrative the triage workflow feeds the LLM. */
export function registerNarrativeRoute({ router, logger, getServices }: Pick<RouteDependencies, 'router' | 'logger' | 'getServices'>): void {
  router.versioned
    .get({
      path: TRIAGE_ROUTES.narrative,
      access: 'internal',
      security: { authz: { requiredPrivileges: [ASSISTANT_API_PRIVILEGES.read] } },
    })
    .addVersion(
      { version: INTERNAL_API_VERSION, validate: { request: { params: triageAlertParamsSchema } } },
      async (_context, request, response) => {
        const services = await getServices();
        const input = renderAlertNarrativeInputSchema.parse({ alertId: request.params.alertId });
        const controller = new AbortController();
        const { context, spaceId } = triageContextForRequest(services, request, logger, input, controller.signal);
        try {
          const [item] = await renderAlertNarratives(context, normalizeAlertRequests([request.params.alertId], undefined, spaceId));
          if (!item.found || item.strategy === undefined || item.timeline_string === undefined) {
            return response.notFound({ body: { message: item.error ?? `Alert ${request.params.alertId} not found` } });
          }
          const body: NarrativeResponse = {
            alert_id: item.alert_id,
            alert_index: item.alert_index,
            strategy: item.strategy,
            text: item.timeline_string,
          };
          return response.ok({ body });
        } catch (error) {
          logger.error('Alert narrative failed', { alertId: request.params.alertId, spaceId, error: describeError(error) });
          return response.customError({ statusCode: 502, body: { message: describeError(error) } });
        }
      },
    );
}
