import { ASSISTANT_API_PRIVILEGES, INTERNAL_API_VERSION } from '../../../common/constants';
import { TRIAGE_ROUTES, triageAlertParamsSchema, type RelatedGraphResponse } from '../../../common/api/triage';
import {
  buildAlertEntityGraphInputSchema,
  TRIAGE_GRAPH_ENTITY_FIELDS,
  TRIAGE_GRAPH_IGNORE_ENTITIES,
  TRIAGE_GRAPH_LIMITS,
} from '../../../common/workflows';
import type { RouteDependencies } from '../../route_dependencies';
import { buildEntityGraph, prepareGraphConfig } from '../../workflows/steps/build_alert_entity_graph';
import { AlertNotFoundError, describeError } from '../../workflows/steps/errors';
import { triageContextForRequest } from './triage_context';

/** The graph input the `security.alert.validation` workflow uses, for one seed, with the seed in the output. */
export const triageGraphInput = (alertId: string) =>
  buildAlertEntityGraphInputSchema.parse({
    alertId,
    entity_fields: TRIAGE_GRAPH_ENTITY_FIELDS,
    ignore_entities: TRIAGE_GRAPH_IGNORE_ENTITIES,
    ...TRIAGE_GRAPH_LIMITS,
    include_seed: true,
  });

/** `GET …/alerts/{alertId}/related_graph`: the alert's related-alert graph, as the triage workflow builds it. */
export function registerRelatedGraphRoute({ router, logger, getServices }: Pick<RouteDependencies, 'router' | 'logger' | 'getServices'>): void {
  router.versioned
    .get({
      path: TRIAGE_ROUTES.relatedGraph,
      access: 'internal',
      security: { authz: { requiredPrivileges: [ASSISTANT_API_PRIVILEGES.read] } },
    })
    .addVersion(
      { version: INTERNAL_API_VERSION, validate: { request: { params: triageAlertParamsSchema } } },
      async (_context, request, response) => {
        const services = await getServices();
        const input = triageGraphInput(request.params.alertId);
        const controller = new AbortController();
        const { spaceId, esClient } = triageContextForRequest(services, request, logger, input, controller.signal);
        try {
          const body: RelatedGraphResponse = await buildEntityGraph({
            esClient,
            spaceId,
            alertId: input.alertId,
            config: prepareGraphConfig(input),
            abortSignal: controller.signal,
          });
          return response.ok({ body });
        } catch (error) {
          if (error instanceof AlertNotFoundError) return response.notFound({ body: { message: error.message } });
          logger.error('Related alert graph failed', { alertId: input.alertId, spaceId, error: describeError(error) });
          return response.customError({ statusCode: 502, body: { message: describeError(error) } });
        }
      },
    );
}
