import {
  assertCloseTo,
  assertCompare,
  assertContains,
  assertIsFalse,
  assertIsTrue,
  assertLength,
  assertMatch,
  javaToString,
  regexFinds,
  stripRegexComments,
  valuesEqual,
} from './matchers';

describe('match', () => {
  it('compares numbers by value', () => {
    expect(assertMatch('f', 151, 151.0)).toBeUndefined();
    expect(assertMatch('f', { a: [1, 2.5] }, { a: [1.0, 2.5] })).toBeUndefined();
    expect(assertMatch('f', 151, 152)).toMatch(/didn't match/);
  });

  it('does not coerce between strings and numbers', () => {
    expect(assertMatch('f', '1', 1)).toBeDefined();
    expect(assertMatch('f', 1, '1')).toBeDefined();
  });

  it('compares maps regardless of key order but requires the same keys', () => {
    expect(assertMatch('f', { a: 1, b: 2 }, { b: 2, a: 1 })).toBeUndefined();
    expect(assertMatch('f', { a: 1, b: 2 }, { a: 1 })).toMatch(/unexpected/);
    expect(assertMatch('f', { a: 1 }, { a: 1, b: 2 })).toMatch(/b: missing/);
  });

  it('handles null', () => {
    expect(assertMatch('f', undefined, null)).toBeUndefined();
    expect(assertMatch('f', null, null)).toBeUndefined();
    expect(assertMatch('f', 'x', null)).toMatch(/should be null/);
    expect(assertMatch('f', undefined, 'x')).toMatch(/is null/);
  });

  it('treats /.../ strings as regular expressions with Java COMMENTS semantics', () => {
    expect(assertMatch('f', 'abc123', '/^abc\\d+$/')).toBeUndefined();
    expect(assertMatch('f', 'green open test', '/^ (green|yellow) \\s+ open \\s+ test $/')).toBeUndefined();
    expect(assertMatch('f', 'x', ' /x/ ')).toBeUndefined();
    expect(assertMatch('f', 12, '/12/')).toMatch(/expected to be a string/);
    expect(assertMatch('f', 'abd', '/abc/')).toMatch(/does not match/);
  });

  it('lets $ match before a final newline, like Java find()', () => {
    expect(regexFinds('^foo$', 'foo\n')).toBe(true);
    expect(regexFinds('^foo$', 'foo\nbar')).toBe(false);
  });

  it('renders errors like Java toString for catch regexes, which keep their spaces', () => {
    const error = { root_cause: [{ type: 'x', reason: 'bad thing' }], type: 'x', reason: 'bad thing' };
    expect(javaToString(error)).toBe('{root_cause=[{type=x, reason=bad thing}], type=x, reason=bad thing}');
    expect(regexFinds('type=x, reason=bad thing', javaToString(error), false)).toBe(true);
    expect(regexFinds('bad thing', 'badthing', true)).toBe(true);
  });

  it('strips whitespace and comments but not inside classes or escapes', () => {
    expect(stripRegexComments('a b # comment\n c [ x]\\ d')).toBe('abc[ x]\\ d');
  });

  it('deep-compares lists by position', () => {
    expect(valuesEqual([1, 2], [2, 1])).toBe(false);
    expect(valuesEqual([{ a: 1 }], [{ a: 1 }])).toBe(true);
  });
});

describe('is_true / is_false', () => {
  it.each([[true], ['x'], [1], [{}], [[]]])('%j is true-ish', (v) => {
    expect(assertIsTrue('f', v)).toBeUndefined();
    expect(assertIsFalse('f', v)).toBeDefined();
  });

  it.each([[false], [null], [undefined], [''], ['false'], ['FALSE'], [0], ['0']])('%j is false-ish', (v) => {
    expect(assertIsFalse('f', v)).toBeUndefined();
    expect(assertIsTrue('f', v)).toBeDefined();
  });
});

describe('length, comparisons, contains, close_to', () => {
  it('measures lists, maps and strings', () => {
    expect(assertLength('f', [1, 2], 2)).toBeUndefined();
    expect(assertLength('f', { a: 1 }, 1)).toBeUndefined();
    expect(assertLength('f', 'abc', 3)).toBeUndefined();
    expect(assertLength('f', [1], 2)).toMatch(/length 1/);
    expect(assertLength('f', 5, 1)).toMatch(/no length/);
  });

  it('compares numerically', () => {
    expect(assertCompare('gt', 'f', 5, 4)).toBeUndefined();
    expect(assertCompare('gte', 'f', 4, 4)).toBeUndefined();
    expect(assertCompare('lt', 'f', 4, 4)).toBeDefined();
    expect(assertCompare('lte', 'f', '10', 9)).toBeDefined();
    expect(assertCompare('gt', 'f', undefined, 0)).toMatch(/is null/);
  });

  it('finds elements in lists, with map elements matched by their given keys', () => {
    expect(assertContains('f', ['a', 'b'], 'b')).toBeUndefined();
    expect(assertContains('f', [{ a: 1, b: 2 }], { a: 1 })).toBeUndefined();
    expect(assertContains('f', [{ a: 1 }], { a: 2 })).toBeDefined();
    expect(assertContains('f', 'x', 'y')).toBeDefined();
  });

  it('checks closeness', () => {
    expect(assertCloseTo('f', 0.1234, { value: 0.123, error: 0.001 })).toBeUndefined();
    expect(assertCloseTo('f', 0.2, { value: 0.123, error: 0.001 })).toBeDefined();
    expect(assertCloseTo('f', 0.2, 0.2)).toMatch(/needs/);
  });
});
