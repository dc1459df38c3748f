import { validateIndexName } from './index_names';
import { resolveDateMathName } from './date_math_names';
import { effectiveReplicas, flattenSettings, nestSettings, toIndexSettings, validateSettings } from './index_settings';
import { resolveForDelete, resolveTargets, parseExpandWildcards, type IndicesOptions, type TargetCatalog } from './resolve_targets';
import { checkOverlap, composeTemplate, findMatchingTemplate, parseIndexTemplate, type ComponentTemplate, type IndexTemplate } from './templates';
import { patternsOverlap, simpleMatch } from './wildcard';
import { errorOf } from '../test_support';

describe('index names', () => {
  it.each([
    ['Foo', 'Invalid index name [Foo], must be lowercase'],
    ['_foo', "Invalid index name [_foo], must not start with '_', '-', or '+'"],
    ['-foo', "Invalid index name [-foo], must not start with '_', '-', or '+'"],
    ['a#b', "Invalid index name [a#b], must not contain '#'"],
    ['a:b', "Invalid index name [a:b], must not contain ':'"],
    ['a b', 'Invalid index name [a b], must not contain the following characters [ , ", *, \\, <, |, ,, >, /, ?]'],
    ['..', "Invalid index name [..], must not be '.' or '..'"],
  ])('rejects %s', (name, reason) => {
    const e = errorOf(() => validateIndexName(name));
    expect(e.type).toBe('invalid_index_name_exception');
    expect(e.reason).toBe(reason);
    expect(e.meta).toEqual({ index_uuid: '_na_', index: name });
  });
  it('accepts dotted and long-enough names', () => {
    expect(() => validateIndexName('.alerts-security.alerts-default')).not.toThrow();
    expect(() => validateIndexName('a'.repeat(255))).not.toThrow();
    expect(errorOf(() => validateIndexName('a'.repeat(256))).reason).toMatch(/too long, \(256 > 255\)/);
  });
});

describe('index settings', () => {
  it('flattens nested, flat and mixed forms', () => {
    expect(flattenSettings({ index: { number_of_shards: 2 }, number_of_replicas: '0', 'index.hidden': true })).toEqual({
      'index.number_of_shards': '2',
      'index.number_of_replicas': '0',
      'index.hidden': 'true',
    });
  });
  it('validates values and rejects unknown and unsupported keys', () => {
    expect(errorOf(() => validateSettings({ 'index.foo': '1' })).reason).toBe(
      'unknown setting [index.foo] please check that any required plugins are installed, or check the breaking changes documentation for removed settings',
    );
    expect(errorOf(() => validateSettings({ 'index.number_of_shards': 'x' })).reason).toBe(
      'Failed to parse value [x] for setting [index.number_of_shards]',
    );
    expect(errorOf(() => validateSettings({ 'index.hidden': 'yes' })).reason).toBe(
      'Failed to parse value [yes] as only [true] or [false] are allowed.',
    );
    const analysis = errorOf(() => validateSettings({ 'index.analysis.analyzer.x.type': 'custom' }));
    expect(analysis.meta.embedded_unsupported).toBe('custom_analysis');
    expect(validateSettings({ 'index.lifecycle.name': 'p', 'index.codec': 'best_compression' })).toEqual({
      'index.lifecycle.name': 'p',
      'index.codec': 'best_compression',
    });
  });
  it('nests for GET and computes the typed view', () => {
    expect(nestSettings({ 'index.number_of_shards': '1', 'index.mapping.total_fields.limit': '5' })).toEqual({
      index: { number_of_shards: '1', mapping: { total_fields: { limit: '5' } } },
    });
    const s = toIndexSettings({ 'index.refresh_interval': '-1', 'index.number_of_replicas': '1', 'index.auto_expand_replicas': '0-1' });
    expect(s.refreshInterval).toBe(-1);
    expect(s.numberOfReplicas).toBe(0);
    expect(toIndexSettings({ 'index.refresh_interval': '500ms' }).refreshInterval).toBe(500);
    expect(effectiveReplicas({ 'index.number_of_replicas': '2' })).toBe(2);
    expect(effectiveReplicas({ 'index.auto_expand_replicas': '1-all' })).toBe(1);
  });
});

describe('wildcards', () => {
  it('simple match', () => {
    expect(simpleMatch('logs-*', 'logs-a')).toBe(true);
    expect(simpleMatch('*-b-*', 'a-b-c')).toBe(true);
    expect(simpleMatch('a*a', 'a')).toBe(false);
    expect(simpleMatch('exact', 'exact')).toBe(true);
  });
  it('pattern overlap', () => {
    expect(patternsOverlap('foo*', 'f*')).toBe(true);
    expect(patternsOverlap('foo*', 'bar*')).toBe(false);
    expect(patternsOverlap('*-x', 'a-*')).toBe(true);
    expect(patternsOverlap('abc', 'abd')).toBe(false);
  });
});

class Catalog implements TargetCatalog {
  constructor(
    private readonly indices: Record<string, { hidden?: boolean; aliases?: Record<string, { hidden?: boolean }> }>,
  ) {}
  hasIndex(n: string): boolean {
    return n in this.indices;
  }
  isHiddenIndex(n: string): boolean {
    return this.indices[n]?.hidden === true;
  }
  indexNames(): string[] {
    return Object.keys(this.indices).sort();
  }
  hasAlias(n: string): boolean {
    return this.aliasIndices(n).length > 0;
  }
  isHiddenAlias(n: string): boolean {
    return Object.values(this.indices).some((i) => i.aliases?.[n]?.hidden === true);
  }
  aliasNames(): string[] {
    return [...new Set(Object.values(this.indices).flatMap((i) => Object.keys(i.aliases ?? {})))].sort();
  }
  aliasIndices(a: string): string[] {
    return this.indexNames().filter((n) => this.indices[n].aliases?.[a] !== undefined);
  }
}

describe('target resolution', () => {
  const catalog = new Catalog({
    'logs-1': { aliases: { logs: {} } },
    'logs-2': { aliases: { logs: {} } },
    metrics: {},
    '.internal-alerts-1': { hidden: true, aliases: { '.alerts-security.alerts-default': { hidden: true } } },
    '.kibana_1': { aliases: { '.kibana': {} } },
  });
  const open: IndicesOptions = { ignoreUnavailable: false, allowNoIndices: true, expandWildcards: parseExpandWildcards('open') };
  const names = (expr: string | undefined, options = open): string[] => resolveTargets(expr, options, catalog).map((r) => r.index);

  it('expands all and wildcards without hidden items', () => {
    expect(names(undefined)).toEqual(['.kibana_1', 'logs-1', 'logs-2', 'metrics']);
    expect(names('_all')).toEqual(names('*'));
    expect(names('logs*')).toEqual(['logs-1', 'logs-2']);
  });
  it('applies the leading-dot rule for hidden items', () => {
    expect(names('.alerts-security.alerts-*')).toEqual(['.internal-alerts-1']);
    expect(names('*alerts*')).toEqual([]);
    expect(names('*alerts*', { ...open, expandWildcards: parseExpandWildcards('open,hidden') })).toEqual(['.internal-alerts-1']);
  });
  it('excludes with - after a wildcard and dedupes', () => {
    expect(names('logs-*,-logs-2')).toEqual(['logs-1']);
    expect(names('logs,logs-1')).toEqual(['logs-1', 'logs-2']);
  });
  it('reports how an index was reached', () => {
    expect(resolveTargets('logs,logs-1', open, catalog)).toEqual([
      { index: 'logs-1', direct: true, aliases: ['logs'] },
      { index: 'logs-2', direct: false, aliases: ['logs'] },
    ]);
  });
  it('honours ignore_unavailable and allow_no_indices', () => {
    expect(errorOf(() => names('nope')).type).toBe('index_not_found_exception');
    expect(errorOf(() => names('nope')).reason).toBe('no such index [nope]');
    expect(names('nope,metrics', { ...open, ignoreUnavailable: true })).toEqual(['metrics']);
    expect(errorOf(() => names('zz*', { ...open, allowNoIndices: false })).status).toBe(404);
    expect(names('zz*')).toEqual([]);
  });
  it('refuses destructive wildcards and aliases on delete', () => {
    expect(errorOf(() => resolveForDelete('logs-*', open, catalog)).reason).toBe('Wildcard expressions or all indices are not allowed');
    expect(errorOf(() => resolveForDelete('_all', open, catalog)).status).toBe(400);
    expect(errorOf(() => resolveForDelete('logs', open, catalog)).reason).toMatch(/matches an alias/);
    expect(resolveForDelete('logs-1,metrics', open, catalog)).toEqual(['logs-1', 'metrics']);
  });
});

describe('templates', () => {
  const components = new Map<string, ComponentTemplate>([
    ['base', { template: { settings: { number_of_shards: 1, 'index.refresh_interval': '5s' }, mappings: { properties: { a: { type: 'keyword' } } } } }],
  ]);
  it('picks the highest priority and merges components then template', () => {
    const templates = new Map<string, IndexTemplate>([
      ['low', parseIndexTemplate({ index_patterns: ['logs-*'], priority: 1 })],
      ['high', parseIndexTemplate({ index_patterns: ['logs-*'], priority: 5, composed_of: ['base'], template: { settings: { index: { refresh_interval: '1s' } }, mappings: { properties: { b: { type: 'long' } } } } })],
    ]);
    const match = findMatchingTemplate('logs-x', templates, false);
    expect(match?.name).toBe('high');
    const composed = composeTemplate(match?.template as IndexTemplate, components);
    expect(composed.settings).toEqual({ 'index.number_of_shards': '1', 'index.refresh_interval': '1s' });
    expect(composed.mappings).toEqual({ properties: { a: { type: 'keyword' }, b: { type: 'long' } } });
  });
  it('hidden indices ignore a global * template', () => {
    const templates = new Map([['all', parseIndexTemplate({ index_patterns: ['*'] })]]);
    expect(findMatchingTemplate('x', templates, true)).toBeUndefined();
    expect(findMatchingTemplate('x', templates, false)?.name).toBe('all');
  });
  it('rejects overlapping patterns at the same priority', () => {
    const existing = new Map([['t1', parseIndexTemplate({ index_patterns: ['f*'] })]]);
    const e = errorOf(() => checkOverlap('t2', parseIndexTemplate({ index_patterns: ['foo*'] }), existing));
    expect(e.reason).toBe(
      'index template [t2] has index patterns [foo*] matching patterns from existing templates [t1] with patterns (t1 => [f*]) that have the same priority [0], multiple index templates may not match during index creation, please use a different priority',
    );
    expect(() => checkOverlap('t2', parseIndexTemplate({ index_patterns: ['foo*'], priority: 1 }), existing)).not.toThrow();
  });
  it('rejects data streams as unsupported', () => {
    expect(errorOf(() => parseIndexTemplate({ index_patterns: ['x'], data_stream: {} })).meta.embedded_unsupported).toBe('other');
  });
});

describe('date math index names', () => {
  const now = Date.UTC(2026, 10, 29, 12, 0, 0);
  it('resolves expressions, formats, zones and escapes', () => {
    expect(resolveDateMathName('<logs-{now/d}>', now)).toBe('logs-2026.11.29');
    expect(resolveDateMathName('<logs-{now/M{yyyy.MM}}>', now)).toBe('logs-2026.11');
    expect(resolveDateMathName('<logs-{now{yyyy.MM.dd|+12:00}}>', now)).toBe('logs-2026.11.30');
    expect(resolveDateMathName('<a\\{b\\}-{now-1d/d}>', now)).toBe('a{b}-2026.11.28');
    expect(resolveDateMathName('plain', now)).toBe('plain');
  });
  it('rejects malformed expressions', () => {
    expect(errorOf(() => resolveDateMathName('<logs-{now/d>', now)).reason).toMatch(/^invalid dynamic name expression/);
    expect(errorOf(() => resolveDateMathName('<logs-}>', now)).reason).toMatch(/invalid character at position/);
  });
});
