import { createServerStepDefinition } from '@kbn/workflows-extensions/common';
import {
  validateAlertVerdictCommonDefinition,
  type ValidateAlertVerdictInput,
  type ValidateAlertVerdictOutput,
} from '../../../../common/workflows';
import type { StepHandlerResult, TriageStepContext } from '../step_context';
import { validateVerdict } from './validate_verdict';

/**
 * `security.validateAlertVerdict`: an invalid verdict is a normal output (`valid: false`) the workflow branches on,
 * not a step error, so the "not analysed" path can tag and note the alert.
 */
export async function validateAlertVerdictHandler(
  context: Pick<TriageStepContext<ValidateAlertVerdictInput>, 'input' | 'logger'>,
): Promise<StepHandlerResult<ValidateAlertVerdictOutput>> {
  const output = validateVerdict(context.input);
  if (!output.valid) {
    context.logger.warn('Alert verdict is invalid', { seedAlertId: context.input.seed_alert_id, reason: output.reason, issues: output.issues });
  } else if (output.dropped_alert_ids.length > 0) {
    context.logger.warn('Alert verdict cited unknown alerts', { seedAlertId: context.input.seed_alert_id, dropped: output.dropped_alert_ids });
  }
  return { output };
}

/** The server step definition, ready for `workflowsExtensions.registerStepDefinition`. */
export const validateAlertVerdictStepDefinition = createServerStepDefinition({
  ...validateAlertVerdictCommonDefinition,
  handler: validateAlertVerdictHandler,
});
