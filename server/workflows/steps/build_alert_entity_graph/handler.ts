import { createServerStepDefinition } from '@kbn/workflows-extensions/common';
import {
  buildAlertEntityGraphCommonDefinition,
  isAlertsIndexOfSpace,
  outsideSpaceMessage,
  type BuildAlertEntityGraphInput,
  type BuildAlertEntityGraphOutput,
} from '../../../../common/workflows';
import { describeError, IndexOutsideSpaceError, toError } from '../errors';
import { spaceIdOf, type StepHandlerResult, type TriageStepContext } from '../step_context';
import { prepareGraphConfig } from './config';
import { buildEntityGraph } from './graph_builder';

/**
 * `security.buildAlertEntityGraph`: related alerts of a seed, searched on the space's alerts alias with the scoped
 * client. A caller-supplied `alertIndex` is only checked against the space, never searched.
 */
export async function buildAlertEntityGraphHandler(
  context: TriageStepContext<BuildAlertEntityGraphInput>,
): Promise<StepHandlerResult<BuildAlertEntityGraphOutput>> {
  const { input, logger } = context;
  const spaceId = spaceIdOf(context);
  try {
    if (input.alertIndex !== undefined && !isAlertsIndexOfSpace(input.alertIndex, spaceId)) {
      throw new IndexOutsideSpaceError(outsideSpaceMessage(input.alertIndex, spaceId));
    }
    const config = prepareGraphConfig(input);
    for (const warning of config.warnings) logger.warn(warning, { alertId: input.alertId });
    const output = await buildEntityGraph({
      esClient: context.contextManager.getScopedEsClient(),
      spaceId,
      alertId: input.alertId,
      config,
      abortSignal: context.abortSignal,
    });
    logger.debug('Built alert entity graph', { alertId: input.alertId, spaceId, ...output.stats });
    return { output };
  } catch (error) {
    logger.error('failed to get related alerts', { alertId: input.alertId, spaceId, error: describeError(error) });
    return { error: toError(error) };
  }
}

/** The server step definition, ready for `workflowsExtensions.registerStepDefinition`. */
export const buildAlertEntityGraphStepDefinition = createServerStepDefinition({
  ...buildAlertEntityGraphCommonDefinition,
  handler: buildAlertEntityGraphHandler,
});
