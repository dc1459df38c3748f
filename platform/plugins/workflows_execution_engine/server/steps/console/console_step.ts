import { z } from 'zod/v4';
import { createServerStepDefinition, StepCategory } from '../../../../workflows_extensions/common';

export const CONSOLE_STEP_ID = 'console';

/** A typed `${{ }}` message may render to a non-string; it is logged as JSON rather than `[object Object]`. */
const message = z.unknown().transform((value) => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)));

export const consoleStepDefinition = createServerStepDefinition({
  id: CONSOLE_STEP_ID,
  label: 'Console',
  description: 'Writes a message to the execution log.',
  category: StepCategory.Data,
  stability: 'ga',
  documentation: {
    details: 'Logs the rendered `message` at info level as `Log from step <name>: <message>` and outputs it.',
    examples: ['- name: log_alert\n  type: console\n  with:\n    message: "Alert {{ event.alerts[0]._id }} in {{ workflow.spaceId }}"\n'],
  },
  inputSchema: z.object({ message: message.describe('The text to log; Liquid allowed.') }),
  outputSchema: z.string(),
  async handler({ input, logger, stepId }) {
    logger.info(`Log from step ${stepId}: ${input.message}`);
    return { output: input.message };
  },
});
