import { z } from 'zod/v4';
import { createServerStepDefinition, StepCategory } from '../../../../workflows_extensions/common';

export const DATA_SET_STEP_ID = 'data.set';

const record = z.record(z.string(), z.unknown());

export const dataSetStepDefinition = createServerStepDefinition({
  id: DATA_SET_STEP_ID,
  label: 'Set variables',
  description: 'Sets workflow variables from rendered values; later steps read them as `variables.<key>`.',
  category: StepCategory.Data,
  stability: 'ga',
  documentation: {
    details:
      'Every key of `with` is rendered against the context as it was before the step (the values cannot see each other) and becomes the output. ' +
      '`variables` merges the outputs of every `data.set` so far; later keys win.',
    examples: [
      '- name: set_threshold\n  type: data.set\n  with:\n    threshold: ${{ consts.threshold }}\n    alert_id: "{{ event.alerts[0]._id }}"\n',
    ],
  },
  inputSchema: record.describe('The variables to set.'),
  outputSchema: record,
  async handler({ input }) {
    return { output: input };
  },
});
