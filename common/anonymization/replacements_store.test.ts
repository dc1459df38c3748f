import { createReplacementsStore, isToken, randomToken } from './index';

describe('replacements store (§5.3)', () => {
  it('issues random UUID v4 tokens, one per value case-insensitively, keeping the first casing', () => {
    const store = createReplacementsStore();
    const a = store.tokenFor('Web01', 'host.name');
    expect(isToken(a)).toBe(true);
    expect(a).toBe(a.toLowerCase());
    expect(store.tokenFor('WEB01', 'host.name')).toBe(a);
    expect(store.tokenFor('web01', 'host.name')).toBe(a);
    const b = store.tokenFor('web02', 'host.name');
    expect(b).not.toBe(a);
    expect(store.toReplacements()).toEqual({ [a]: 'Web01', [b]: 'web02' });
    expect(store.entries()).toEqual([
      { uuid: a, value: 'Web01', field: 'host.name' },
      { uuid: b, value: 'web02', field: 'host.name' },
    ]);
    expect(store.drainNew()).toEqual({ [a]: 'Web01', [b]: 'web02' });
    expect(store.drainNew()).toEqual({});
    expect(store.originalOf(a.toUpperCase())).toBe('Web01');
  });

  it('tokens reveal neither the value nor its length (not a hash)', () => {
    const s1 = createReplacementsStore();
    const s2 = createReplacementsStore();
    expect(s1.tokenFor('same', 'f')).not.toBe(s2.tokenFor('same', 'f'));
    expect(randomToken()).toHaveLength(36);
  });

  it('merges supplied tokens after a format check; an extra token for a known value stays resolvable', () => {
    const store = createReplacementsStore();
    const own = store.tokenFor('bob', 'user.name');
    const alias = '33333333-3333-4333-8333-333333333333';
    const rejected = store.merge({
      [alias]: 'BOB',
      'not-a-token': 'x',
      '44444444-4444-4444-c444-444444444444': 'bad variant',
      [own]: 'someone else',
      '55555555-5555-4555-9555-555555555555': '',
    });
    expect(rejected).toEqual([
      'not-a-token',
      '44444444-4444-4444-c444-444444444444',
      own,
      '55555555-5555-4555-9555-555555555555',
    ]);
    expect(store.originalOf(alias)).toBe('BOB');
    expect(store.tokenFor('bob', 'user.name')).toBe(own);
  });

  it('loads stored entries and refuses corrupted ones', () => {
    const t = '66666666-6666-4666-b666-666666666666';
    const store = createReplacementsStore([{ uuid: t, value: 'v1', field: 'host.name' }]);
    expect(store.findToken('V1')).toBe(t);
    expect(store.drainNew()).toEqual({});
    expect(() => createReplacementsStore({ nope: 'x' })).toThrow('Stored replacements hold invalid tokens: nope');
  });

  it('enforces the per-conversation limit with an actionable message', () => {
    const store = createReplacementsStore({}, { maxEntries: 2 });
    store.tokenFor('a1', 'f');
    store.tokenFor('a2', 'f');
    expect(() => store.tokenFor('a3', 'f')).toThrow('limit of 2 anonymized values; continue in a new chat');
  });

  it('uses an injected generator and rejects non-UUID output', () => {
    let n = 0;
    const store = createReplacementsStore({}, { generateToken: () => `0000000${n++}-0000-4000-8000-000000000000` });
    expect(store.tokenFor('x1', 'f')).toBe('00000000-0000-4000-8000-000000000000');
    const bad = createReplacementsStore({}, { generateToken: () => 'abc' });
    expect(() => bad.tokenFor('x', 'f')).toThrow('not a UUID v4');
  });
});
