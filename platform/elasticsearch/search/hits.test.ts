import { decimalFormat } from '../aggs';
import { valuesAtPath } from './hits';

describe('decimalFormat', () => {
  it.each([
    [1, '#.0', '1.0'],
    [3.14159, '0.00', '3.14'],
    [1234567.891, '#,##0.##', '1,234,567.89'],
    [0.5, '#.##', '.5'],
    [-2, '0.0', '-2.0'],
    [7, '000', '007'],
  ])('%d with %s gives %s', (n, pattern, expected) => {
    expect(decimalFormat(n, pattern)).toBe(expected);
  });
});

describe('valuesAtPath', () => {
  it('reads nested, dotted and array sources alike', () => {
    expect(valuesAtPath({ a: { b: 1 } }, 'a.b')).toEqual([1]);
    expect(valuesAtPath({ 'a.b': 2 }, 'a.b')).toEqual([2]);
    expect(valuesAtPath({ a: [{ b: 1 }, { b: [2, 3] }], 'a.b': 4 }, 'a.b')).toEqual([1, 2, 3, 4]);
    expect(valuesAtPath({ a: { 'b.c': 5 } }, 'a.b.c')).toEqual([5]);
  });
});
