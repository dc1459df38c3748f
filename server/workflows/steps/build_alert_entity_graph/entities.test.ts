import { addToEntityMap, extractEntities, mergeEntities, OwnerIndex, type EntityMap, type KnownEntities } from './entities';

describe('extractEntities', () => {
  const ignore = new Map([['user.name', new Set(['SYSTEM'])]]);

  it('keeps distinct trimmed string values of flat, nested and array fields, dropping ignored ones', () => {
    const source = {
      host: { name: ' web-1 ', id: 42 },
      'user.name': ['SYSTEM', 'alice', 'alice', ''],
      related: { user: ['bob'] },
    };
    expect(extractEntities(source, ['host.name', 'host.id', 'user.name', 'related.user', 'missing'], ignore)).toEqual(
      new Map([
        ['host.name', ['web-1']],
        ['user.name', ['alice']],
        ['related.user', ['bob']],
      ]),
    );
  });

  it('ignores only exact, case-sensitive values on the same field', () => {
    expect(extractEntities({ user: { name: 'system' }, related: { user: 'SYSTEM' } }, ['user.name', 'related.user'], ignore)).toEqual(
      new Map([
        ['user.name', ['system']],
        ['related.user', ['SYSTEM']],
      ]),
    );
  });
});

describe('mergeEntities', () => {
  it('adds unseen values up to the cap and returns only the new ones', () => {
    const known: KnownEntities = new Map([['h', new Set(['a'])]]);
    const fresh = mergeEntities(known, new Map([['h', ['a', 'b', 'c', 'd']], ['u', ['x']]]), 3);
    expect(fresh).toEqual(new Map([['h', ['b', 'c']], ['u', ['x']]]));
    expect([...(known.get('h') ?? [])]).toEqual(['a', 'b', 'c']);
    expect(mergeEntities(known, new Map([['h', ['e']]]), 3)).toEqual(new Map());
  });
});

describe('addToEntityMap', () => {
  it('appends without duplicates', () => {
    const target: EntityMap = new Map([['h', ['a']]]);
    addToEntityMap(target, new Map([['h', ['a', 'b']], ['u', ['x']]]));
    expect(target).toEqual(new Map([['h', ['a', 'b']], ['u', ['x']]]));
  });
});

describe('OwnerIndex', () => {
  it('maps field and value to the alerts carrying them', () => {
    const owners = new OwnerIndex();
    owners.add('A', new Map([['host.id', ['h1', 'h2']]]));
    owners.add('B', new Map([['host.id', ['h1']]]));
    expect([...(owners.owners('host.id', 'h1') ?? [])]).toEqual(['A', 'B']);
    expect(owners.owners('host.name', 'h1')).toBeUndefined();
  });
});
