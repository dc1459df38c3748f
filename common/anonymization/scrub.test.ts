import { createReplacementsStore, createScrubber, findLeaks, isScrubbableInFreeText, REDACTED } from './index';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-a222-222222222222';

describe('free-text scrubbing (§5.5)', () => {
  const scrub = createScrubber({
    anonymized: [
      { value: 'bob', token: T1 },
      { value: 'web01', token: T2 },
    ],
  });

  it.each([
    ['/home/bob/.ssh', `/home/${T1}/.ssh`],
    ['ssh bob@web01.corp', `ssh ${T1}@${T2}.corp`],
    ['BOB logged in to Web01', `${T1} logged in to ${T2}`],
    ['bobby web012 kebab', 'bobby web012 kebab'],
    ['bob_x', 'bob_x'.replace('bob', T1)],
  ])('AN-T5 %s', (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it('AN-T5: values with separators and symbols (C:\\Temp\\x.exe, a+b)', () => {
    const s = createScrubber({
      anonymized: [{ value: 'C:\\Temp\\x.exe', token: T1 }],
      denied: ['a+b'],
    });
    expect(s('ran C:\\temp\\X.EXE twice')).toBe(`ran ${T1} twice`);
    expect(s('x a+b y, (a+b), a+bc, ca+b')).toBe(`x ${REDACTED} y, (${REDACTED}), a+bc, ca+b`);
  });

  it('AN-T4: short values, numbers and literals are not scrubbed from free text', () => {
    const s = createScrubber({
      anonymized: [
        { value: 'a', token: T1 },
        { value: '443', token: T2 },
        { value: 'true', token: T2 },
      ],
    });
    expect(s('a process wrote a file on 443: true')).toBe('a process wrote a file on 443: true');
    expect(isScrubbableInFreeText('ab')).toBe(false);
    expect(isScrubbableInFreeText('3.14')).toBe(false);
    expect(isScrubbableInFreeText('NULL')).toBe(false);
    expect(isScrubbableInFreeText('abc')).toBe(true);
    expect(isScrubbableInFreeText('203.0.113.77')).toBe(true);
    expect(isScrubbableInFreeText('-1.5e3')).toBe(false);
    expect(isScrubbableInFreeText('ab', 2)).toBe(true);
  });

  it('matches the longest value first in a single pass, denied winning over anonymized', () => {
    const s = createScrubber({
      anonymized: [
        { value: 'web01', token: T1 },
        { value: 'web01.corp.local', token: T2 },
      ],
      denied: ['secret-host'],
    });
    expect(s('web01.corp.local and web01 and secret-host')).toBe(`${T2} and ${T1} and ${REDACTED}`);
    const both = createScrubber({ anonymized: [{ value: 'shared', token: T1 }], denied: ['SHARED'] });
    expect(both('shared')).toBe(REDACTED);
  });

  it('never rematches inserted tokens, and leaves known tokens intact even if a value looks like a segment', () => {
    const known = 'beefbeef-beef-4eef-beef-beefbeefbeef';
    const s = createScrubber({ anonymized: [{ value: 'beef', token: T2 }], knownTokens: [known] });
    expect(s(`${known} beef`)).toBe(`${known} ${T2}`);
    const unprotected = createScrubber({ anonymized: [{ value: 'beef', token: T2 }] });
    expect(unprotected(known)).not.toBe(known);
  });

  it('normalises to NFC so composed and decomposed forms match', () => {
    const s = createScrubber({ anonymized: [{ value: 'josé', token: T1 }] });
    expect(s('user jose\u0301 here')).toBe(`user ${T1} here`);
  });

  it('findLeaks reports values left at token boundaries only', () => {
    expect(findLeaks('bobby met web01', ['bob', 'web01', 'x'])).toEqual(['web01']);
  });

  it('a store-backed scrub reuses the conversation tokens', () => {
    const store = createReplacementsStore();
    const token = store.tokenFor('Alice', 'user.name');
    const s = createScrubber({ anonymized: [{ value: 'Alice', token }] });
    expect(s('alice!')).toBe(`${token}!`);
  });
});
