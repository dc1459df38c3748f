import { evaluateKql, hasFreeText, resolveKqlField } from './evaluator';
import { parseKql } from './parser';

const ctx = {
  str: 'hello',
  empty: '',
  num: 5,
  zero: 0,
  bool: true,
  no: false,
  nil: null,
  obj: { a: 1 },
  arr: ['x', 'y'],
  nums: [1, 10],
  emptyArr: [],
  date: '2024-05-01T10:00:00Z',
  alerts: [{ host: { name: 'h1' }, sev: 10 }, { host: { name: 'h2' } }, { other: 1 }],
  nested: [[1, 2], [3]],
};

const ev = (q: string, c: unknown = ctx) => evaluateKql(q, c);

describe('evaluateKql truth table', () => {
  it.each([
    // missing / undefined
    ['missing: x', false],
    ['missing: *', false],
    ['missing >= 1', false],
    ['not missing: *', true],
    // null and objects
    ['nil: x', false],
    ['nil: *', false],
    ['nil: nu*', false],
    ['nil >= 1', false],
    ['obj: x', false],
    ['obj: *', true],
    ['obj: a*', false],
    ['obj >= 1', false],
    // strings
    ['str: hello', true],
    ['str: Hello', false],
    ['str: "hello"', true],
    ['str: hel*', true],
    ['str: H*', false],
    ['str: *ll*', true],
    ['str: "hel*"', false],
    ['str >= hello', true],
    ['str > hello', false],
    ['str < world', true],
    ['empty: *', true],
    ['empty: ""', true],
    ['date >= 2024-01-01', true],
    ['date < "2024-05-01T09:00:00Z"', false],
    // numbers
    ['num: 5', true],
    ['num: 5.0', true],
    ['num: "5"', true],
    ['num: 6', false],
    ['num: 5*', true],
    ['num >= 5', true],
    ['num > 5', false],
    ['num <= 4.5', false],
    ['num < 10', true],
    ['num >= abc', false],
    ['zero: 0', true],
    ['zero: *', true],
    // booleans
    ['bool: true', true],
    ['bool: false', false],
    ['no: false', true],
    ['no: true', false],
    ['bool: tr*', true],
    ['bool >= true', true],
    ['no < true', true],
    // arrays
    ['arr: y', true],
    ['arr: z', false],
    ['arr: *', true],
    ['emptyArr: *', false],
    ['nums >= 10', true],
    ['nums > 10', false],
    ['arr.0: x', true],
    ['arr[1]: y', true],
    ['arr[5]: *', false],
    // crossing arrays of objects
    ['alerts.host.name: h2', true],
    ['alerts.host.name: h3', false],
    ['alerts.sev >= 10', true],
    ['alerts.host.name: *', true],
    ['alerts.missing: *', false],
    ['alerts[1].host.name: h2', true],
    ['alerts.0.host.name: h2', false],
    ['nested: 3', true],
    // free text is always false
    ['hello', false],
    ['true', false],
    ['"hello"', false],
    ['not hello', true],
    // boolean logic
    ['str: hello and num: 5', true],
    ['str: nope or num: 5', true],
    ['not (str: hello and num: 6)', true],
    ['str: hello and not bool: true', false],
  ])('%s → %s', (query, expected) => {
    expect(ev(query)).toBe(expected);
  });

  it('treats a rendered left side as a field name (false)', () => {
    expect(ev('5 > 3')).toBe(false);
  });

  it('never reads inherited members', () => {
    expect(ev('str.length: 5')).toBe(false);
    expect(ev('obj.constructor: *')).toBe(false);
    expect(ev('obj.__proto__: *')).toBe(false);
    expect(ev('toString: *')).toBe(false);
  });

  it('evaluates the retry condition shape {error}', () => {
    const c = { error: { type: 'HttpRequestError', message: 'boom', details: { status: 503 } } };
    expect(ev('error.type: HttpRequestError and error.details.status >= 500', c)).toBe(true);
    expect(ev('error.type: Timeout*', c)).toBe(false);
  });

  it('accepts a parsed node', () => {
    expect(evaluateKql(parseKql('num: 5'), ctx)).toBe(true);
  });
});

describe('resolveKqlField / hasFreeText', () => {
  it('collects values across arrays of objects', () => {
    expect(resolveKqlField(ctx, ['alerts', 'host', 'name'])).toEqual(['h1', 'h2']);
    expect(resolveKqlField(ctx, ['alerts', 'nope'])).toBeUndefined();
  });

  it('detects bare terms anywhere in the tree', () => {
    expect(hasFreeText(parseKql('a:1 and (b:2 or c)'))).toBe(true);
    expect(hasFreeText(parseKql('not x'))).toBe(true);
    expect(hasFreeText(parseKql('a:1 and not b:*'))).toBe(false);
  });
});
