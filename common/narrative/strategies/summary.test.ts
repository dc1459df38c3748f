import { flatten, readerOf, renderWith } from '../test_helpers';
import { evidence, leafPaths, summaryStrategy } from './summary';

const esqlAlert = {
  'kibana.alert.rule.name': 'Burst of Failed Sign-ins',
  'kibana.alert.severity': 'low',
  'kibana.alert.rule.type': 'esql',
  'kibana.space_ids': ['default'],
  '@timestamp': '2026-01-01T00:00:00.000Z',
  user: { name: 'jdoe' },
  Esql: { event_count: 57 },
  source: { ip: '203.0.113.9' },
  event: { kind: 'signal' },
};

describe('summaryStrategy', () => {
  it('renders the spec example for an ES|QL alert', () => {
    expect(renderWith(summaryStrategy, esqlAlert)).toBe(
      'Alert Burst of Failed Sign-ins (severity low) from esql rule by jdoe with Esql.event_count=57, ' +
        'source.ip=203.0.113.9.',
    );
  });

  it('renders the threshold count and keeps at most 8 evidence fields in code-unit order', () => {
    const source: Record<string, unknown> = {
      'kibana.alert.rule.type': 'threshold',
      'kibana.alert.threshold_result': { count: '120' },
      host: { name: 'h1', os: { name: 'linux' } },
    };
    for (const letter of 'jihgfedcba') source[`z.${letter}`] = letter;
    expect(renderWith(summaryStrategy, source)).toBe(
      'Alert from threshold rule after 120 events on h1 with host.os.name=linux, z.a=a, z.b=b, z.c=c, z.d=d, z.e=e, ' +
        'z.f=f, z.g=g.',
    );
  });

  it('renders "Alert." for an empty source', () => {
    expect(renderWith(summaryStrategy, {})).toBe('Alert.');
  });

  it('matches ES|QL, threshold or category-less alerts without process fields', () => {
    expect(summaryStrategy.matches(readerOf(esqlAlert))).toBe(true);
    expect(summaryStrategy.matches(readerOf({ 'kibana.alert.rule.type': 'threshold', event: { category: 'network' } }))).toBe(
      true,
    );
    expect(summaryStrategy.matches(readerOf({ 'kibana.alert.rule.type': 'query' }))).toBe(true);
    expect(summaryStrategy.matches(readerOf({ 'kibana.alert.rule.type': 'query', 'event.category': 'network' }))).toBe(false);
    expect(summaryStrategy.matches(readerOf({ ...esqlAlert, process: { parent: { pid: 1 } } }))).toBe(false);
  });
});

describe('leafPaths / evidence', () => {
  it('walks nested objects, keeps scalar arrays as one leaf and walks arrays of objects', () => {
    const paths = leafPaths({ a: { b: 1, c: [1, 2] }, 'd.e': 'x', f: [{ g: 1 }, { h: 2 }], i: null });
    expect(paths.sort()).toEqual(['a.b', 'a.c', 'd.e', 'f.g', 'f.h', 'i']);
  });

  it('excludes metadata prefixes and paths, and skips empty values', () => {
    const source = {
      agent: { id: 'a' },
      'kibana.alert.uuid': 'u',
      ecs: { version: '8' },
      _tier: 'x',
      event: { kind: 'signal', created: 'c', ingested: 'i', id: 'e', code: '4625' },
      tags: ['t'],
      message: 'm',
      empty: '  ',
      data_stream: { type: 'logs' },
    };
    expect(evidence(readerOf(source))).toBe('event.code=4625');
    expect(evidence(readerOf(flatten(source)))).toBe('event.code=4625');
  });
});
