import fc from 'fast-check';
import { createNarrativeRegistry, defaultNarrativeRegistry, renderNarrative } from './registry';
import { processStrategy } from './strategies';
import { flatten } from './test_helpers';
import type { NarrativeStrategy } from './types';

describe('defaultNarrativeRegistry', () => {
  it('orders the strategies by descending priority with process last', () => {
    expect(defaultNarrativeRegistry.strategies.map((s) => s.id)).toEqual([
      'threat_match',
      'machine_learning',
      'dns',
      'cloud',
      'authentication',
      'registry',
      'network',
      'file',
      'summary',
      'process',
    ]);
  });

  it.each([
    ['threat match beats everything', { 'kibana.alert.rule.type': 'threat_match', 'dns.question.name': 'a', 'event.category': 'network' }, 'threat_match'],
    ['ML beats DNS', { 'kibana.alert.rule.type': 'machine_learning', 'dns.question.name': 'a' }, 'machine_learning'],
    ['DNS beats network', { 'event.category': 'network', 'dns.question.name': 'a.example' }, 'dns'],
    ['DNS beats cloud', { 'dns.question.name': 'a', 'event.dataset': 'aws.cloudtrail' }, 'dns'],
    ['cloud beats authentication', { 'event.category': 'authentication', 'aws.cloudtrail.user_identity.arn': 'arn' }, 'cloud'],
    ['authentication beats registry', { 'event.category': 'authentication', 'registry.key': 'k' }, 'authentication'],
    ['registry beats network', { 'event.category': 'network', 'registry.path': 'p' }, 'registry'],
    ['network beats file', { 'event.category': ['network', 'file'], 'file.name': 'f' }, 'network'],
    ['file beats summary', { 'event.category': 'file', 'file.path': '/x', 'kibana.alert.rule.type': 'esql' }, 'file'],
    ['cloud.provider alone reaches process', { 'cloud.provider': 'aws', 'event.category': 'process', 'process.name': 'bash' }, 'process'],
    ['ES|QL without process fields gets the summary', { 'kibana.alert.rule.type': 'esql', 'event.category': 'process' }, 'summary'],
    ['ES|QL with process fields gets process', { 'kibana.alert.rule.type': 'esql', 'process.pid': 1 }, 'process'],
  ])('%s', (_title, source, expected) => {
    expect(renderNarrative(source).strategy).toBe(expected);
    expect(renderNarrative(flatten(source)).strategy).toBe(expected);
  });

  it('truncates long values to max_value_length with an ellipsis', () => {
    const long = 'x'.repeat(40);
    expect(renderNarrative({ 'dns.question.name': long }, { maxValueLength: 16 }).text).toBe(
      `DNS query for ${'x'.repeat(16)}…`,
    );
  });

  it('never leaves whitespace runs, trailing separators or leading/trailing spaces (property)', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(' , ', '\n\t', ';', 'a.b', '.bashrc', ' :x '),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    );
    const field = fc.constantFrom(
      'event.category',
      'event.action',
      'event.outcome',
      'event.dataset',
      'kibana.alert.rule.type',
      'kibana.alert.rule.name',
      'kibana.alert.severity',
      'user.name',
      'host.name',
      'process.name',
      'process.args',
      'process.pid',
      'process.ppid',
      'process.parent.pid',
      'source.ip',
      'source.port',
      'dns.question.name',
      'file.name',
      'registry.key',
      'aws.cloudtrail.user_identity.arn',
      'message',
      'Esql.count',
    );
    fc.assert(
      fc.property(fc.dictionary(field, value, { maxKeys: 10 }), (source) => {
        const { text } = renderNarrative(source);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\s{2,}|[\n\t]/);
        expect(text).not.toMatch(/[,;]$/);
        expect(text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('createNarrativeRegistry', () => {
  const fixed = (id: NarrativeStrategy['id'], priority: number, matches: boolean): NarrativeStrategy => ({
    id,
    priority,
    matches: () => matches,
    render: () => `  ${id} ,;  `,
  });

  it('tries strategies by priority regardless of the order given and tidies the output', () => {
    const registry = createNarrativeRegistry([fixed('file', 1, true), fixed('dns', 2, true), processStrategy]);
    expect(registry.strategies.map((s) => s.id)).toEqual(['dns', 'file', 'process']);
    expect(registry.render({})).toEqual({ strategy: 'dns', text: 'dns' });
  });

  it('falls back to the lowest-priority strategy when nothing matches', () => {
    const registry = createNarrativeRegistry([fixed('dns', 2, false), fixed('file', 1, false)]);
    expect(registry.render({}).strategy).toBe('file');
  });

  it('rejects duplicate ids, duplicate priorities and empty lists', () => {
    expect(() => createNarrativeRegistry([fixed('dns', 1, true), fixed('dns', 2, true)])).toThrow('ids must be unique');
    expect(() => createNarrativeRegistry([fixed('dns', 1, true), fixed('file', 1, true)])).toThrow('priorities');
    expect(() => createNarrativeRegistry([])).toThrow('at least one');
  });
});
