import { z } from 'zod/v4';
import {
  ALERT_TRIAGE_STEP_IDS,
  buildAlertEntityGraphCommonDefinition,
  buildAlertEntityGraphInputSchema,
  renderAlertNarrativeCommonDefinition,
  renderAlertNarrativeInputSchema,
  TRIAGE_GRAPH_ENTITY_FIELDS,
  TRIAGE_GRAPH_IGNORE_ENTITIES,
  validateAlertVerdictCommonDefinition,
  validateAlertVerdictInputSchema,
  alertVerdictJsonSchema,
  alertsAliasForSpace,
  classifyAlertsIndex,
  belongsToSpace,
} from '.';

const STEP_ID = /^[a-z][a-zA-Z0-9_-]*(\.[a-zA-Z][a-zA-Z0-9_-]*)+$/;

describe('common step definitions', () => {
  const definitions = [
    renderAlertNarrativeCommonDefinition,
    buildAlertEntityGraphCommonDefinition,
    validateAlertVerdictCommonDefinition,
  ];

  it('use valid, distinct ids with label, description, docs and examples', () => {
    expect(definitions.map((d) => d.id)).toEqual([...ALERT_TRIAGE_STEP_IDS]);
    for (const definition of definitions) {
      expect(definition.id).toMatch(STEP_ID);
      expect(definition.label.length).toBeGreaterThan(0);
      expect(definition.description.length).toBeGreaterThan(0);
      expect(definition.category).toBe('kibana');
      expect(definition.stability).toBe('tech_preview');
      expect(definition.documentation.examples.length).toBeGreaterThan(0);
      for (const example of definition.documentation.examples) expect(example).toContain(`type: ${definition.id}`);
    }
  });

  it('export JSON Schemas with descriptions for the editor', () => {
    for (const definition of definitions) {
      const schema = z.toJSONSchema(definition.inputSchema, { io: 'input' }) as { properties: Record<string, { description?: string }> };
      for (const [key, property] of Object.entries(schema.properties)) {
        expect([key, typeof property.description]).toEqual([key, 'string']);
      }
    }
  });
});

describe('renderAlertNarrativeInputSchema', () => {
  it('applies the default value length and coerces numeric strings', () => {
    expect(renderAlertNarrativeInputSchema.parse({ alertId: 'a' })).toEqual({ alertId: 'a', max_value_length: 256 });
    expect(renderAlertNarrativeInputSchema.parse({ alertId: 'a', max_value_length: ' 64 ' }).max_value_length).toBe(64);
  });

  it.each([[15], [4097], ['NaN'], ['Infinity'], [''], [null], [true], [100.5]])(
    'rejects max_value_length %p',
    (value) => {
      expect(renderAlertNarrativeInputSchema.safeParse({ alertId: 'a', max_value_length: value }).success).toBe(false);
    },
  );

  it('requires exactly one of alertId and alertIds', () => {
    const neither = renderAlertNarrativeInputSchema.safeParse({});
    const both = renderAlertNarrativeInputSchema.safeParse({ alertId: 'a', alertIds: ['b'] });
    expect(neither.success || both.success).toBe(false);
    expect(neither.error?.issues[0].message).toBe('Provide exactly one of alertId or alertIds');
    expect(both.error?.issues[0].path).toEqual(['alertIds']);
  });

  it('accepts ids and graph alert objects, dropping extra keys, up to 100 entries', () => {
    const parsed = renderAlertNarrativeInputSchema.parse({
      alertIds: ['a', { alert_id: 'b', alert_index: 'i', why: [], rule_name: 'r' }, { alert_id: 'c' }],
    });
    expect(parsed.alertIds).toEqual(['a', { alert_id: 'b', alert_index: 'i' }, { alert_id: 'c' }]);
    expect(renderAlertNarrativeInputSchema.safeParse({ alertIds: Array(101).fill('x') }).success).toBe(false);
    expect(renderAlertNarrativeInputSchema.safeParse({ alertIds: [] }).success).toBe(false);
    expect(renderAlertNarrativeInputSchema.safeParse({ alertIds: [{ alert_index: 'i' }] }).success).toBe(false);
  });
});

describe('buildAlertEntityGraphInputSchema', () => {
  it('applies every default', () => {
    expect(buildAlertEntityGraphInputSchema.parse({ alertId: 'a' })).toEqual({
      alertId: 'a',
      entity_fields: [{ field: 'host.name' }, { field: 'user.name' }, { field: 'service.name' }],
      seed_window: '1h',
      expand_window: '1h',
      max_depth: 3,
      max_alerts: 300,
      page_size: 200,
      max_terms_per_query: 500,
      max_entities_per_field: 200,
      ignore_entities: [],
      min_entity_score: 2,
      include_seed: true,
      max_queries: 100,
    });
  });

  it('coerces numeric strings and rejects NaN and Infinity', () => {
    const parsed = buildAlertEntityGraphInputSchema.parse({
      alertId: 'a',
      max_depth: '0',
      max_alerts: '21',
      min_entity_score: '6',
      entity_fields: [{ field: 'host.id', score: '4' }],
    });
    expect([parsed.max_depth, parsed.max_alerts, parsed.min_entity_score]).toEqual([0, 21, 6]);
    expect(parsed.entity_fields[0].score).toBe(4);
    for (const bad of ['NaN', 'Infinity', '-Infinity', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(buildAlertEntityGraphInputSchema.safeParse({ alertId: 'a', max_alerts: bad }).success).toBe(false);
    }
  });

  it.each([
    ['max_depth', -1],
    ['max_alerts', 0],
    ['page_size', 1001],
    ['page_size', 0],
    ['max_terms_per_query', 0],
    ['max_entities_per_field', 0],
    ['min_entity_score', 0.5],
    ['max_queries', 0],
    ['max_queries', 1001],
  ])('rejects %s = %p', (key, value) => {
    expect(buildAlertEntityGraphInputSchema.safeParse({ alertId: 'a', [key]: value }).success).toBe(false);
  });

  it('does not coerce include_seed', () => {
    expect(buildAlertEntityGraphInputSchema.safeParse({ alertId: 'a', include_seed: 'false' }).success).toBe(false);
  });

  it('names the path of a malformed entity field', () => {
    const result = buildAlertEntityGraphInputSchema.safeParse({
      alertId: 'a',
      entity_fields: [{ field: 'host.id' }, { field: 'source.ip', aliases: [{ score: 4 }] }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['entity_fields', 1, 'aliases', 0, 'field']);
  });

  it('accepts the triage workflow settings', () => {
    const parsed = buildAlertEntityGraphInputSchema.parse({
      alertId: 'a',
      entity_fields: TRIAGE_GRAPH_ENTITY_FIELDS,
      ignore_entities: TRIAGE_GRAPH_IGNORE_ENTITIES,
    });
    expect(parsed.entity_fields).toHaveLength(15);
  });
});

describe('validateAlertVerdictInputSchema', () => {
  it('accepts a missing verdict and caps known ids at 1000', () => {
    expect(validateAlertVerdictInputSchema.parse({ seed_alert_id: 's' })).toEqual({ seed_alert_id: 's', known_alert_ids: [] });
    expect(validateAlertVerdictInputSchema.safeParse({ seed_alert_id: 's', known_alert_ids: Array(1001).fill('x') }).success).toBe(
      false,
    );
  });

  it('exports the verdict JSON Schema with every property required and nothing extra', () => {
    const schema = alertVerdictJsonSchema() as { required: string[]; additionalProperties: boolean; properties: Record<string, { maximum?: number }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required.sort()).toEqual(
      ['classification', 'confidence_score', 'contributing_factors', 'rationale', 'related_alert_ids'].sort(),
    );
    expect(schema.properties.confidence_score.maximum).toBe(1);
  });
});

describe('alerts index space rule', () => {
  it('accepts the alias and six-digit backing indices of the space only', () => {
    expect(alertsAliasForSpace('default')).toBe('.alerts-security.alerts-default');
    expect(classifyAlertsIndex('.alerts-security.alerts-default', 'default')).toBe('alias');
    expect(classifyAlertsIndex('.internal.alerts-security.alerts-default-000001', 'default')).toBe('concrete');
    expect(classifyAlertsIndex('.internal.alerts-security.alerts-default-1', 'default')).toBeUndefined();
    expect(classifyAlertsIndex('.alerts-security.alerts-other', 'default')).toBeUndefined();
    expect(classifyAlertsIndex('.internal.alerts-security.alerts-default-x-000001', 'default')).toBeUndefined();
    expect(classifyAlertsIndex('.alerts-security.alerts-*', 'default')).toBeUndefined();
  });

  it('treats documents without kibana.space_ids as in the space', () => {
    expect(belongsToSpace(undefined, 's')).toBe(true);
    expect(belongsToSpace(['a', 's'], 's')).toBe(true);
    expect(belongsToSpace('s', 's')).toBe(true);
    expect(belongsToSpace(['a'], 's')).toBe(false);
  });
});
