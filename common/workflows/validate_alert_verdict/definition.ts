import { VALIDATE_ALERT_VERDICT_STEP_ID } from '../constants';
import type { CommonStepDefinition } from '../step_definition';
import { validateAlertVerdictInputSchema, validateAlertVerdictOutputSchema } from './schema';

export const validateAlertVerdictCommonDefinition: CommonStepDefinition<
  typeof validateAlertVerdictInputSchema,
  typeof validateAlertVerdictOutputSchema
> = {
  id: VALIDATE_ALERT_VERDICT_STEP_ID,
  label: 'Validate alert verdict',
  description: "Checks an LLM's alert verdict against the verdict schema and drops alert ids it made up.",
  category: 'kibana',
  stability: 'tech_preview',
  inputSchema: validateAlertVerdictInputSchema,
  outputSchema: validateAlertVerdictOutputSchema,
  documentation: {
    details: [
      'Validates the structured verdict returned by an `ai.agent` step before anything acts on it.',
      '',
      '- **Invalid** (`valid: false`): no verdict (`reason: missing`), a classification other than ',
      '  `true_positive`, `false_positive` or `inconclusive`, or a `confidence_score` outside 0..1 (`reason: schema`). ',
      '  Nothing is rescaled: 85 is rejected, not read as 0.85.',
      '- **Corrected** and listed in `issues`: over-long rationale and factors are truncated, extra factors removed, ',
      '  duplicate ids removed.',
      '- Cited `related_alert_ids` that are not in `known_alert_ids` move to `dropped_alert_ids`; workflows should ',
      '  not auto-close when any id was dropped. Citing the seed itself is dropped silently.',
      '- `confidence_tag` is the confidence with two decimals, for tags.',
    ].join('\n'),
    examples: [
      [
        '- name: validate_verdict',
        '  type: security.validateAlertVerdict',
        '  with:',
        '    verdict: "${{ steps.run_agent.output.structured_output }}"',
        '    known_alert_ids: "${{ steps.get_related_alerts.output.nodes | map: \'id\' }}"',
        '    seed_alert_id: "{{ foreach.item._id }}"',
      ].join('\n'),
    ],
  },
};
