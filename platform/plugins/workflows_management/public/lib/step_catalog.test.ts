import { z } from 'zod/v4';
import type { PublicStepDefinition } from '../../../workflows_extensions/common/step_definition';
import { buildStepCatalog, groupStepCatalog, requiredKeysOf, schemaStepTypes } from './step_catalog';

const def = (id: string, label: string, extra: Partial<PublicStepDefinition> = {}): PublicStepDefinition => ({
  id,
  label,
  inputSchema: z.object({ alert_id: z.string(), depth: z.number().optional(), limit: z.number().default(3) }),
  outputSchema: z.object({}),
  ...extra,
});

describe('step catalog', () => {
  it('reads required with keys from a zod object schema', () => {
    expect(requiredKeysOf(z.object({ a: z.string(), b: z.string().optional(), c: z.number().default(1) }))).toEqual(['a']);
    expect(requiredKeysOf(z.string())).toEqual([]);
  });

  it('adds flow control, groups by category in picker order and searches id, label and description', () => {
    const catalog = buildStepCatalog([
      def('console', 'Console', { category: 'data', description: 'Log a message' }),
      def('security.renderAlertNarrative', 'Alert narrative', { category: 'security', icon: 'documentation', documentation: { examples: ['- name: n\n  type: security.renderAlertNarrative'] } }),
      def('elasticsearch.search', 'Search', { category: 'elasticsearch' }),
      def('ai.prompt', 'AI prompt'),
    ]);
    const groups = groupStepCatalog(catalog, '');
    expect(groups.map((g) => g.group)).toEqual(['Flow control', 'Data', 'Elasticsearch', 'AI', 'security']);
    expect(groups[0].entries.map((e) => e.id)).toEqual(['foreach', 'if']);
    const narrative = catalog.find((e) => e.id === 'security.renderAlertNarrative');
    expect(narrative).toMatchObject({ icon: 'documentation', requiredWithKeys: ['alert_id'], examples: ['- name: n\n  type: security.renderAlertNarrative'] });
    expect(groupStepCatalog(catalog, 'log a').flatMap((g) => g.entries.map((e) => e.id))).toEqual(['console']);
    expect(groupStepCatalog(catalog, 'NARRATIVE').flatMap((g) => g.entries.map((e) => e.id))).toEqual(['security.renderAlertNarrative']);
    expect(groupStepCatalog(catalog, 'nothing-like-this')).toEqual([]);
  });
});

describe('schemaStepTypes', () => {
  const schema = {
    definitions: {
      step: {
        oneOf: [
          { title: 'Console', description: 'Logs a message', properties: { name: {}, type: { const: 'console' }, with: { $ref: '#/definitions/step.console.with' } } },
          { title: 'If', properties: { name: {}, type: { const: 'if' } } },
          { title: 'http', properties: { name: {}, type: { const: 'http' }, with: { type: 'object', required: ['url'] } } },
        ],
      },
      trigger: { oneOf: [{ properties: { type: { const: 'manual' }, inputs: {} } }] },
      'step.console.with': { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] },
    },
  };

  it('lists every type branch with its title, description and required with keys', () => {
    expect(schemaStepTypes(schema)).toEqual([
      { id: 'console', title: 'Console', description: 'Logs a message', requiredWithKeys: ['message'] },
      { id: 'if', title: 'If', description: undefined, requiredWithKeys: [] },
      { id: 'http', title: 'http', description: undefined, requiredWithKeys: ['url'] },
    ]);
    expect(schemaStepTypes(undefined)).toEqual([]);
  });

  it('adds schema-only types to the catalog with their id and the default icon, without duplicating flow control', () => {
    const catalog = buildStepCatalog([], schemaStepTypes(schema));
    expect(catalog.map((e) => [e.id, e.label, e.group, e.icon])).toEqual([
      ['if', 'If', 'Flow control', 'branch'],
      ['foreach', 'For each', 'Flow control', 'refresh'],
      ['console', 'Console', 'Data', 'dot'],
      ['http', 'http', 'External', 'dot'],
    ]);
    expect(catalog.find((e) => e.id === 'console')?.requiredWithKeys).toEqual(['message']);
  });
});
