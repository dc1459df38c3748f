import { parseFeatures } from './discovery';
import { sectionSkipReason } from './executor';
import { exclusionFor, parseExclusions } from './exclusions';
import { type FileResult, evaluateGates, tally } from './report';
import { clusterHasFeature, parseClusterFeatures, skipReason, versionInRanges } from './skip';
import { parseTestFile } from './test_file';

const features = new Set(['headers', 'contains']);

describe('version ranges', () => {
  it.each([
    [' - 6.99.99', false],
    ['all', true],
    ['9.0.0 - ', true],
    ['8.0.0 - 8.99.99', false],
    ['7.0.0 - 7.9.99, 9.0.0 - 9.0.0', true],
    [' - 9.1.0', true],
    ['9.0.1 - ', false],
  ])('%j contains 9.0.0: %s', (range, expected) => {
    expect(versionInRanges(range)).toBe(expected);
  });
});

describe('skip and requires', () => {
  it('skips on version, features, capabilities and known issues', () => {
    expect(skipReason('skip', { version: ' - 9.99.99', reason: 'not yet' }, features)).toMatch(/skip range .*not yet/);
    expect(skipReason('skip', { version: ' - 6.99.99', reason: 'types' }, features)).toBeUndefined();
    expect(skipReason('skip', { features: ['headers'] }, features)).toBeUndefined();
    expect(skipReason('skip', { features: 'warnings' }, features)).toBe('runner feature [warnings] not supported');
    expect(skipReason('requires', { test_runner_features: ['contains', 'close_to'] }, features)).toMatch(/close_to/);
    expect(skipReason('requires', { capabilities: [{ method: 'GET', path: '/' }] }, features)).toMatch(/capabilities/);
    expect(skipReason('skip', { awaits_fix: 'https://x' }, features)).toMatch(/awaits fix/);
  });

  it('evaluates historical cluster features against 9.0.0', () => {
    expect(clusterHasFeature('gte_v8.15.0')).toBe(true);
    expect(clusterHasFeature('gte_v9.1.0')).toBe(false);
    expect(clusterHasFeature('mapper.some_feature')).toBeUndefined();
    expect(skipReason('requires', { cluster_features: ['gte_v8.10.0'] }, features)).toBeUndefined();
    expect(skipReason('requires', { cluster_features: ['gte_v9.2.0'] }, features)).toMatch(/newer/);
    expect(skipReason('requires', { cluster_features: ['mapper.x'] }, features)).toMatch(/not known/);
    expect(skipReason('skip', { cluster_features: ['gte_v8.0.0'] }, features)).toMatch(/cluster has feature/);
    expect(skipReason('skip', { cluster_features: ['mapper.x'] }, features)).toBeUndefined();
  });

  it('knows named historical features by the version that introduced them', () => {
    const known = parseClusterFeatures('# comment\nbulk_auto_id 7.5.0\nfuture_thing 9.1.0\n');
    expect(clusterHasFeature('bulk_auto_id', known)).toBe(true);
    expect(clusterHasFeature('future_thing', known)).toBe(false);
    expect(skipReason('requires', { cluster_features: ['bulk_auto_id'] }, features, known)).toBeUndefined();
    expect(skipReason('requires', { cluster_features: 'future_thing' }, features, known)).toMatch(/newer/);
    expect(skipReason('skip', { cluster_features: ['bulk_auto_id'] }, features, known)).toMatch(/cluster has feature/);
    expect(() => parseClusterFeatures('no_version\n')).toThrow(/needs the version/);
  });

  it('reads only the leading skip/requires steps of a section', () => {
    const steps = [
      { kind: 'requires', value: { cluster_features: ['gte_v8.0.0'] } },
      { kind: 'do', value: {} },
      { kind: 'skip', value: { version: 'all' } },
    ];
    expect(sectionSkipReason(steps, features)).toBeUndefined();
    expect(sectionSkipReason([{ kind: 'skip', value: { version: 'all', reason: 'r' } }], features)).toMatch(/r$/);
  });
});

describe('test files', () => {
  it('parses setup, teardown and tests from YAML documents', () => {
    const file = parseTestFile(
      'mget/10_basic.yml',
      [
        '---',
        'setup:',
        '  - do: { indices.create: { index: a } }',
        '---',
        'teardown:',
        '  - do: { indices.delete: { index: a } }',
        '---',
        '"First":',
        '  - skip: { version: " - 6.99.99", reason: types }',
        '  - match: { a: 1 }',
        '---',
        '"Second":',
        '  - is_true: b',
        '',
      ].join('\n'),
    );
    expect(file.area).toBe('mget');
    expect(file.setup).toEqual([{ kind: 'do', value: { 'indices.create': { index: 'a' } } }]);
    expect(file.teardown).toHaveLength(1);
    expect(file.tests.map((t) => t.name)).toEqual(['First', 'Second']);
    expect(file.tests[0].steps[1]).toEqual({ kind: 'match', value: { a: 1 } });
  });

  it('rejects malformed steps', () => {
    expect(() => parseTestFile('x/y.yml', '"t":\n  - { do: {}, match: {} }\n')).toThrow(/one key/);
  });
});

describe('exclusions, features and gates', () => {
  it('matches file and test globs', () => {
    const exclusions = parseExclusions('exclusions:\n  - { file: "search/*", test: "*nanos*", reason: "no nanos" }\n  - { file: "geo/*", reason: "no geo" }\n');
    expect(exclusionFor(exclusions, 'search/10_x.yml', 'Sort by date_nanos')).toBe('no nanos');
    expect(exclusionFor(exclusions, 'search/10_x.yml', 'Sort by date')).toBeUndefined();
    expect(exclusionFor(exclusions, 'geo/1.yml', 'anything')).toBe('no geo');
    expect(() => parseExclusions('exclusions:\n  - { file: "x" }\n')).toThrow(/reason/);
  });

  it('reads the features list ignoring comments', () => {
    expect([...parseFeatures('# c\nheaders\n\ncontains # inline\n')]).toEqual(['headers', 'contains']);
  });

  it('scores pass/(pass+fail) and gates strict areas at 100% and overall at 90%', () => {
    expect(tally(['passed', 'failed', 'skipped', 'passed'])).toEqual({ passed: 2, failed: 1, skipped: 1, score: 2 / 3 });
    const files: FileResult[] = [
      { file: 'mget/a.yml', area: 'mget', tests: [{ name: 'a', status: 'passed' }] },
      { file: 'search/a.yml', area: 'search', tests: Array.from({ length: 9 }, (_, i) => ({ name: `t${i}`, status: 'passed' })) },
      { file: 'search/b.yml', area: 'search', tests: [{ name: 'x', status: 'failed' }] },
    ];
    const gates = Object.fromEntries(evaluateGates(files).map((g) => [g.name, g]));
    expect(gates.mget.ok).toBe(true);
    expect(gates.bulk).toMatchObject({ ok: true, score: null });
    expect(gates.overall).toMatchObject({ ok: true, score: 10 / 11 });
    files[0].tests.push({ name: 'b', status: 'failed' });
    const after = Object.fromEntries(evaluateGates(files).map((g) => [g.name, g]));
    expect(after.mget.ok).toBe(false);
    expect(after.overall.ok).toBe(false);
  });
});
