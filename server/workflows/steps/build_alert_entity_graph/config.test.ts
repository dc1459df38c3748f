import { labelOf, prepareGraphConfig } from './config';
import { configFor } from './test_helpers';

describe('prepareGraphConfig', () => {
  it('uses the default fields with score 1 when entity_fields is empty, dropping blank fields', () => {
    const config = configFor({ entity_fields: [] });
    expect(config.entityFields).toEqual(['host.name', 'user.name', 'service.name']);
    expect([...config.fieldScore.values()]).toEqual([1, 1, 1]);
    expect(configFor({ entity_fields: [{ field: '  ' }, { field: ' host.id ' }] }).entityFields).toEqual(['host.id']);
  });

  it('takes the maximum finite score of a repeated field', () => {
    const config = configFor({ entity_fields: [{ field: 'a.x', score: 2 }, { field: 'a.x', score: 5 }, { field: 'a.x' }] });
    expect(config.fieldScore.get('a.x')).toBe(5);
  });

  it('adds alias fields as entity fields and symmetrises aliases, keeping alias scores on the alias', () => {
    const config = configFor({
      entity_fields: [{ field: 'source.ip', score: 1, aliases: [{ field: 'destination.ip', score: 4 }, { field: 'source.ip' }] }],
    });
    expect(config.entityFields).toEqual(['source.ip', 'destination.ip']);
    expect(config.fieldScore.get('destination.ip')).toBe(1);
    expect(config.aliases.get('source.ip')).toEqual([{ field: 'destination.ip', score: 4 }]);
    expect(config.aliases.get('destination.ip')).toEqual([{ field: 'source.ip', score: 4 }]);
  });

  it('does not duplicate an alias that already points back', () => {
    const config = configFor({
      entity_fields: [
        { field: 'source.ip', aliases: [{ field: 'destination.ip', score: 4 }] },
        { field: 'destination.ip', aliases: [{ field: 'source.ip', score: 3 }] },
      ],
    });
    expect(config.aliases.get('source.ip')).toEqual([{ field: 'destination.ip', score: 4 }]);
    expect(config.aliases.get('destination.ip')).toEqual([{ field: 'source.ip', score: 3 }]);
  });

  it('merges ignore lists of a repeated field', () => {
    const config = configFor({
      ignore_entities: [
        { field: 'user.name', values: ['root'] },
        { field: 'user.name', values: ['SYSTEM'] },
      ],
    });
    expect([...(config.ignore.get('user.name') ?? [])]).toEqual(['root', 'SYSTEM']);
  });

  it('parses windows and warns on invalid ones', () => {
    expect(configFor({ seed_window: '30m', expand_window: '2d' })).toMatchObject({ seedWindowMs: 1_800_000, expandWindowMs: 172_800_000, warnings: [] });
    const config = configFor({ seed_window: '1 hour' });
    expect(config.seedWindowMs).toBe(3_600_000);
    expect(config.warnings).toEqual(['Invalid seed_window "1 hour": expected <number><s|m|h|d>; using 1h']);
  });

  it('falls back to defaults for limits that bypass the schema', () => {
    const config = prepareGraphConfig({
      entity_fields: [],
      ignore_entities: [],
      seed_window: '1h',
      expand_window: '1h',
      max_depth: -1,
      max_alerts: Number.NaN,
      page_size: 0,
      max_terms_per_query: Number.POSITIVE_INFINITY,
      max_entities_per_field: 0.5,
      min_entity_score: 0,
      include_seed: true,
      max_queries: -3,
    });
    expect(config.limits).toEqual({
      maxDepth: 3,
      maxAlerts: 300,
      pageSize: 200,
      maxTermsPerQuery: 500,
      maxEntitiesPerField: 200,
      minEntityScore: 2,
      maxQueries: 100,
    });
  });

  it('requests the meta fields and every entity field', () => {
    expect(configFor({ entity_fields: [{ field: 'host.id' }] }).sourceFields).toEqual([
      '@timestamp',
      'kibana.alert.rule.name',
      'kibana.alert.severity',
      'kibana.alert.uuid',
      'host.id',
    ]);
  });
});

describe('labelOf', () => {
  it('is the first dot segment', () => {
    expect(labelOf('host.id')).toBe('host');
    expect(labelOf('host')).toBe('host');
    expect(labelOf('aws.cloudtrail.user_identity.arn')).toBe('aws');
  });
});
