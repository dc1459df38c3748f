import {
  categoryIs,
  createAlertFieldReader,
  datasetIs,
  num,
  readRaw,
  ruleTypeIs,
  stringLeaves,
  text,
  truncateValue,
  values,
} from './field_access';

describe('readRaw', () => {
  it('reads flat dotted, nested and mixed forms', () => {
    expect(readRaw({ 'kibana.alert.rule.name': 'R' }, 'kibana.alert.rule.name')).toBe('R');
    expect(readRaw({ host: { name: 'h' } }, 'host.name')).toBe('h');
    expect(readRaw({ 'kibana.alert': { rule: { name: 'R' } } }, 'kibana.alert.rule.name')).toBe('R');
    expect(readRaw({ kibana: { 'alert.rule': { name: 'R' } } }, 'kibana.alert.rule.name')).toBe('R');
  });

  it('prefers the longest own-key prefix', () => {
    expect(readRaw({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
  });

  it('falls back to a shorter prefix when the longest leads nowhere', () => {
    expect(readRaw({ 'a.b': { x: 1 }, a: { b: { c: 2 } } }, 'a.b.c')).toBe(2);
  });

  it('maps the rest of the path over arrays and flattens', () => {
    const src = { threat: { enrichments: [{ matched: { atomic: 'a' } }, { matched: { atomic: ['b', 'c'] } }, {}] } };
    expect(readRaw(src, 'threat.enrichments.matched.atomic')).toEqual(['a', 'b', 'c']);
    expect(readRaw({ a: [] }, 'a.b')).toBeUndefined();
  });

  it('returns arrays and objects at the end of the path as they are', () => {
    expect(readRaw({ a: { b: [1, 2] } }, 'a.b')).toEqual([1, 2]);
    expect(readRaw({ a: { b: { c: 1 } } }, 'a.b')).toEqual({ c: 1 });
  });

  it('returns undefined for missing paths, scalars on the way and the empty path', () => {
    expect(readRaw({ a: 1 }, 'a.b')).toBeUndefined();
    expect(readRaw(null, 'a')).toBeUndefined();
    expect(readRaw({ '': 1 }, '')).toBeUndefined();
  });

  it('ignores inherited keys', () => {
    expect(readRaw({}, 'constructor')).toBeUndefined();
    expect(readRaw({}, 'toString')).toBeUndefined();
  });
});

describe('values / text / num', () => {
  const src = { a: [' x ', '', null, 3, true, { o: 1 }, ['y']], n: ['12', 5], e: '  ', inf: 'Infinity', b: false };

  it('keeps trimmed scalar values, stringifying numbers and booleans', () => {
    expect(values(src, 'a', 100)).toEqual(['x', '3', 'true', 'y']);
    expect(values(src, 'e', 100)).toBeUndefined();
    expect(values(src, 'missing', 100)).toBeUndefined();
    expect(values(src, 'b', 100)).toEqual(['false']);
  });

  it('joins every value with a comma', () => {
    expect(text(src, 'a', 100)).toBe('x, 3, true, y');
  });

  it('truncates long values with an ellipsis', () => {
    expect(values({ a: 'abcdefgh' }, 'a', 4)).toEqual(['abcd…']);
    expect(truncateValue('ab😀cd', 3)).toBe('ab…');
  });

  it('reads the first leaf as a finite number', () => {
    expect(num(src, 'n')).toBe(12);
    expect(num({ a: [null, '7'] }, 'a')).toBe(7);
    expect(num(src, 'e')).toBeUndefined();
    expect(num(src, 'inf')).toBeUndefined();
    expect(num(src, 'b')).toBeUndefined();
    expect(num({ a: 'abc' }, 'a')).toBeUndefined();
    expect(num({ a: 0 }, 'a')).toBe(0);
  });
});

describe('stringLeaves', () => {
  it('keeps only non-empty trimmed strings, never truncated', () => {
    expect(stringLeaves({ a: [' h1 ', 5, '', null, 'x'.repeat(5000)] }, 'a')).toEqual(['h1', 'x'.repeat(5000)]);
  });
});

describe('categoryIs / datasetIs / ruleTypeIs', () => {
  it('compares lowercased values of arrays and scalars', () => {
    expect(categoryIs({ event: { category: ['Process', 'network'] } }, 'network')).toBe(true);
    expect(categoryIs({ event: { category: 'process' } }, 'network')).toBe(false);
    expect(datasetIs({ 'event.dataset': 'AWS.CloudTrail' }, 'aws.cloudtrail')).toBe(true);
    expect(ruleTypeIs({ 'kibana.alert.rule.type': 'esql' }, 'esql')).toBe(true);
    expect(ruleTypeIs({}, 'esql')).toBe(false);
  });
});

describe('createAlertFieldReader', () => {
  it('binds the value length and answers has / firstText', () => {
    const reader = createAlertFieldReader({ a: 'long value', b: '', c: 'c' }, 4);
    expect(reader.text('a')).toBe('long…');
    expect(reader.has('b')).toBe(false);
    expect(reader.firstText('b', 'missing', 'c')).toBe('c');
    expect(reader.firstText('missing')).toBeUndefined();
  });
});
