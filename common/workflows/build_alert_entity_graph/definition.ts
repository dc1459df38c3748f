import { BUILD_ALERT_ENTITY_GRAPH_STEP_ID } from '../constants';
import type { CommonStepDefinition } from '../step_definition';
import { buildAlertEntityGraphInputSchema, buildAlertEntityGraphOutputSchema } from './schema';

export const buildAlertEntityGraphCommonDefinition: CommonStepDefinition<
  typeof buildAlertEntityGraphInputSchema,
  typeof buildAlertEntityGraphOutputSchema
> = {
  id: BUILD_ALERT_ENTITY_GRAPH_STEP_ID,
  label: 'Build alert entity graph',
  description: 'Finds the alerts related to a seed alert through shared, scored entities (hosts, users, IPs, …).',
  category: 'kibana',
  stability: 'tech_preview',
  inputSchema: buildAlertEntityGraphInputSchema,
  outputSchema: buildAlertEntityGraphOutputSchema,
  documentation: {
    details: [
      'A breadth-first search from the seed alert over alerts that share entity values, inside a time window that ',
      'grows with every round.',
      '',
      '- Each entity field has a score; fields with the same first segment (`host.id`, `host.name`) form one label, ',
      '  counted once at its best score. An alert joins the graph when its summed label score against an alert ',
      '  already in the graph reaches `min_entity_score`.',
      '- `aliases` match values across fields (e.g. one alert\'s `source.ip` against another\'s `destination.ip`), ',
      '  in both directions.',
      '- `ignore_entities` lists values that never link alerts, such as `SYSTEM`, `root` or `127.0.0.1`.',
      '- Every alert in `output.alerts` carries `why` and `why_text`: the parent, the matched fields and values, and ',
      '  the score.',
      '- `output.stats` reports the depth reached, the Elasticsearch round trips (`queries`), the search bodies ',
      '  (`searches`), the searched time range and why the search stopped.',
      '',
      "Searches always run on the space's alerts alias with a space filter.",
    ].join('\n'),
    examples: [
      ['- name: related', '  type: security.buildAlertEntityGraph', '  with:', '    alertId: "{{ foreach.item._id }}"'].join(
        '\n',
      ),
      [
        '- name: get_related_alerts',
        '  type: security.buildAlertEntityGraph',
        '  with:',
        '    alertId: "{{ foreach.item._id }}"',
        '    include_seed: false',
        '    min_entity_score: 6',
        '    max_depth: 20',
        '    max_alerts: 21',
        '    entity_fields:',
        '      - field: host.id',
        '        score: 4',
        '      - field: user.id',
        '        score: 4',
        '      - field: source.ip',
        '        score: 1',
        '        aliases:',
        '          - field: destination.ip',
        '            score: 4',
        '    ignore_entities:',
        '      - field: user.name',
        '        values: [SYSTEM, root, Administrator]',
      ].join('\n'),
    ],
  },
};
