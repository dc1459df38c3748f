import type { KibanaRequest, Logger } from '../../../platform/core/server';
import type { AssistantServices } from '../../route_dependencies';
import type { TriageEsClient, TriageStepContext } from '../../workflows/steps/step_context';

/**
 * The step context the triage step handlers expect, built from an HTTP request: the user's scoped client and the
 * request's space, so a route reads exactly what the workflow step would read for that user.
 */
export function triageContextForRequest<TInput>(
  services: AssistantServices,
  request: KibanaRequest,
  logger: Logger,
  input: TInput,
  abortSignal: AbortSignal,
): { context: TriageStepContext<TInput>; spaceId: string; esClient: TriageEsClient } {
  const spaceId = services.core.spaces.getSpaceId(request);
  const esClient: TriageEsClient = services.core.elasticsearch.client.asScoped(request).asCurrentUser;
  const context: TriageStepContext<TInput> = {
    input,
    contextManager: { getContext: () => ({ workflow: { spaceId } }), getScopedEsClient: () => esClient },
    logger,
    abortSignal,
  };
  return { context, spaceId, esClient };
}
