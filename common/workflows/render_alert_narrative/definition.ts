import { MAX_NARRATIVE_BATCH, RENDER_ALERT_NARRATIVE_STEP_ID } from '../constants';
import type { CommonStepDefinition } from '../step_definition';
import { renderAlertNarrativeInputSchema, renderAlertNarrativeOutputSchema } from './schema';

export const renderAlertNarrativeCommonDefinition: CommonStepDefinition<
  typeof renderAlertNarrativeInputSchema,
  typeof renderAlertNarrativeOutputSchema
> = {
  id: RENDER_ALERT_NARRATIVE_STEP_ID,
  label: 'Render alert narrative',
  description: 'Turns a security alert into one plain-English line, like a Timeline row. Uses no LLM.',
  category: 'kibana',
  stability: 'tech_preview',
  inputSchema: renderAlertNarrativeInputSchema,
  outputSchema: renderAlertNarrativeOutputSchema,
  documentation: {
    details: [
      'Reads an alert and renders a deterministic English narrative from its ECS fields: threat-indicator matches, ',
      'machine-learning anomalies, DNS, cloud audit events, authentication, registry, network, file and process ',
      'activity, and a field summary for ES|QL and threshold alerts that carry few fields.',
      '',
      '- **Single mode** (`alertId`): `output.timeline_string` is the narrative; an unknown alert fails the step.',
      `- **Batch mode** (\`alertIds\`, up to ${MAX_NARRATIVE_BATCH}): all alerts are read with one request; `,
      '  `output.narratives` has one entry per alert with `found`, `strategy`, `timeline_string` or `error`, and the ',
      '  step fails only when none renders. The entity graph `alerts` output can be passed as it is.',
      '',
      "Only the space's alerts alias (`.alerts-security.alerts-<space>`) and its backing indices can be read.",
    ].join('\n'),
    examples: [
      [
        '- name: seed_narrative',
        '  type: security.renderAlertNarrative',
        '  with:',
        '    alertId: "{{ foreach.item._id }}"',
        '    alertIndex: "{{ foreach.item._index }}"',
      ].join('\n'),
      [
        '- name: related_narratives',
        '  type: security.renderAlertNarrative',
        '  with:',
        '    alertIds: "${{ steps.get_related_alerts.output.alerts }}"',
        '    max_value_length: 200',
      ].join('\n'),
    ],
  },
};
