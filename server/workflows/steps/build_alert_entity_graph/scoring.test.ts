import { OwnerIndex } from './entities';
import { mergeLabelScores, scoreChild } from './scoring';
import { configFor } from './test_helpers';

describe('scoreChild', () => {
  const config = configFor({
    entity_fields: [
      { field: 'host.id', score: 4 },
      { field: 'host.name', score: 1 },
      { field: 'user.id', score: 4 },
      { field: 'user.name', score: 1 },
      { field: 'source.ip', score: 1, aliases: [{ field: 'destination.ip', score: 4 }] },
      { field: 'destination.ip', score: 1 },
    ],
    min_entity_score: 6,
  });

  it('counts each label once at its maximum and sums labels (the spec example)', () => {
    const owners = new OwnerIndex();
    owners.add('S', new Map([['host.id', ['h-9']], ['host.name', ['web']], ['user.id', ['u-1']]]));
    const a = scoreChild(new Map([['host.id', ['h-9']], ['host.name', ['web']], ['user.id', ['u-1']]]), new Set(['S']), owners, config);
    expect(a).toEqual([
      {
        parent: 'S',
        score: 8,
        labelScores: { host: 4, user: 4 },
        matches: [
          { label: 'host', field: 'host.id', matched_field: 'host.id', value: 'h-9', score: 4 },
          { label: 'host', field: 'host.name', matched_field: 'host.name', value: 'web', score: 1 },
          { label: 'user', field: 'user.id', matched_field: 'user.id', value: 'u-1', score: 4 },
        ],
      },
    ]);
    const b = scoreChild(new Map([['host.id', ['h-9']], ['user.name', ['bob']]]), new Set(['S']), owners, config);
    expect(b).toEqual([]);
  });

  it('matches through aliases in both directions, labelled by the child field', () => {
    const owners = new OwnerIndex();
    owners.add('A', new Map([['source.ip', ['10.0.0.1']]]));
    owners.add('B', new Map([['destination.ip', ['10.0.0.2']]]));
    const low = configFor({
      entity_fields: [{ field: 'source.ip', score: 1, aliases: [{ field: 'destination.ip', score: 4 }] }],
      min_entity_score: 4,
    });
    const fromA = scoreChild(new Map([['destination.ip', ['10.0.0.1']]]), new Set(['A', 'B']), owners, low);
    expect(fromA).toEqual([
      {
        parent: 'A',
        score: 4,
        labelScores: { destination: 4 },
        matches: [{ label: 'destination', field: 'destination.ip', matched_field: 'source.ip', value: '10.0.0.1', score: 4 }],
      },
    ]);
    const fromB = scoreChild(new Map([['source.ip', ['10.0.0.2']]]), new Set(['A', 'B']), owners, low);
    expect(fromB.map((l) => [l.parent, l.score, l.labelScores])).toEqual([['B', 4, { source: 4 }]]);
  });

  it('only links to candidates', () => {
    const owners = new OwnerIndex();
    owners.add('A', new Map([['host.id', ['h']], ['user.id', ['u']]]));
    const child = new Map([['host.id', ['h']], ['user.id', ['u']]]);
    expect(scoreChild(child, new Set(['B']), owners, config)).toEqual([]);
    expect(scoreChild(child, new Set(['A']), owners, config)).toHaveLength(1);
  });

  it('keeps several parents in first-match order', () => {
    const owners = new OwnerIndex();
    owners.add('P2', new Map([['host.id', ['h']], ['user.id', ['u']]]));
    owners.add('P1', new Map([['host.id', ['h']], ['user.id', ['u']]]));
    const links = scoreChild(new Map([['host.id', ['h']], ['user.id', ['u']]]), new Set(['P1', 'P2']), owners, config);
    expect(links.map((l) => l.parent)).toEqual(['P2', 'P1']);
  });
});

describe('mergeLabelScores', () => {
  it('merges labels by maximum and re-sums', () => {
    expect(mergeLabelScores({ host: 4, user: 1 }, { user: 4, ip: 1 })).toEqual({ labelScores: { host: 4, user: 4, ip: 1 }, score: 9 });
  });
});
