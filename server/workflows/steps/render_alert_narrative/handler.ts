import { createServerStepDefinition } from '@kbn/workflows-extensions/common';
import { renderNarrative } from '../../../../common/narrative';
import {
  renderAlertNarrativeCommonDefinition,
  type NarrativeItem,
  type RenderAlertNarrativeInput,
  type RenderAlertNarrativeOutput,
} from '../../../../common/workflows';
import { describeError, toError } from '../errors';
import { spaceIdOf, type StepHandlerResult, type TriageStepContext } from '../step_context';
import { fetchAlerts, normalizeAlertRequests, type AlertRequest, type FetchedAlert } from './fetch_alerts';

function renderItem(request: AlertRequest, fetched: FetchedAlert, maxValueLength: number): NarrativeItem {
  if (!fetched.found) {
    return { alert_id: request.alertId, alert_index: request.alertIndex, found: false, error: fetched.error };
  }
  const narrative = renderNarrative(fetched.source, { maxValueLength });
  return {
    alert_id: request.alertId,
    alert_index: fetched.alertIndex,
    found: true,
    strategy: narrative.strategy,
    timeline_string: narrative.text,
  };
}

/** Renders the requested alerts; the items are in request order. */
export async function renderAlertNarratives(
  context: TriageStepContext<RenderAlertNarrativeInput>,
  requests: readonly AlertRequest[],
): Promise<NarrativeItem[]> {
  const fetched = await fetchAlerts({
    esClient: context.contextManager.getScopedEsClient(),
    spaceId: spaceIdOf(context),
    requests,
    abortSignal: context.abortSignal,
  });
  return requests.map((request, i) => renderItem(request, fetched[i], context.input.max_value_length));
}

function singleOutput(item: NarrativeItem): RenderAlertNarrativeOutput {
  return {
    alert_id: item.alert_id,
    alert_index: item.alert_index,
    strategy: item.strategy,
    timeline_string: item.timeline_string ?? '',
    narratives: [item],
    errors: 0,
    message: `Generated a Timeline-like string for alert ${item.alert_id}.`,
  };
}

function batchOutput(items: NarrativeItem[]): RenderAlertNarrativeOutput {
  const rendered = items.filter((item) => item.timeline_string !== undefined);
  return {
    timeline_string: rendered.map((item) => `${item.alert_index}:${item.alert_id}: ${item.timeline_string}`).join('\n'),
    narratives: items,
    errors: items.length - rendered.length,
    message: `Generated Timeline-like strings for ${rendered.length} of ${items.length} alerts.`,
  };
}

/**
 * `security.renderAlertNarrative`: one alert (`alertId`) or a batch (`alertIds`, one read) as Timeline-like English.
 * Single mode fails when the alert cannot be rendered; batch mode records errors per item and fails only when the
 * read fails or nothing renders.
 */
export async function renderAlertNarrativeHandler(
  context: TriageStepContext<RenderAlertNarrativeInput>,
): Promise<StepHandlerResult<RenderAlertNarrativeOutput>> {
  const { input, logger } = context;
  const spaceId = spaceIdOf(context);
  const batch = input.alertIds !== undefined;
  const entries = input.alertIds ?? (input.alertId === undefined ? [] : [input.alertId]);
  try {
    const requests = normalizeAlertRequests(entries, input.alertIndex, spaceId);
    if (requests.length === 0) throw new Error('Provide exactly one of alertId or alertIds');
    const items = await renderAlertNarratives(context, requests);
    if (!batch) {
      const [item] = items;
      if (item.error !== undefined) throw new Error(item.error);
      return { output: singleOutput(item) };
    }
    const output = batchOutput(items);
    if (output.errors === items.length) {
      throw new Error(`None of the ${items.length} alerts could be rendered; first error: ${items[0].error}`);
    }
    if (output.errors > 0) {
      logger.warn('Some alerts could not be rendered', { spaceId, errors: output.errors, total: items.length });
    }
    return { output };
  } catch (error) {
    logger.error('failed to generate alert timeline string', {
      spaceId,
      alertId: input.alertId,
      alertCount: input.alertIds?.length,
      error: describeError(error),
    });
    return { error: toError(error) };
  }
}

/** The server step definition, ready for `workflowsExtensions.registerStepDefinition`. */
export const renderAlertNarrativeStepDefinition = createServerStepDefinition({
  ...renderAlertNarrativeCommonDefinition,
  handler: renderAlertNarrativeHandler,
});
