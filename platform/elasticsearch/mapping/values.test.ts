import { parseDate } from '../dates';
import { ipToKey } from '../ip';
import { parseDateValue, parseIpValue, roundHalfFloat } from './values';
import { locate } from './locate';
import { prng } from '../test_support';

describe('value fast paths agree with the full parsers', () => {
  it('IPv4 keys equal ipToKey', () => {
    const rand = prng(7);
    for (let i = 0; i < 2000; i++) {
      const ip = [rand(256), rand(256), rand(256), rand(256)].join('.');
      expect(parseIpValue(ip)).toBe(ipToKey(ip));
    }
    expect(() => parseIpValue('010.0.0.1')).toThrow(/is not an IP string literal/);
    expect(parseIpValue('::1')).toBe(ipToKey('::1'));
    expect(() => parseIpValue('256.1.1.1')).toThrow();
    for (const bad of ['1.2.3', '1.2.3.4.5', '1..2.3', '1.2.3.4 ', '1.2.3.0004', '']) expect(() => parseIpValue(bad)).toThrow();
    expect(parseIpValue('0.0.0.0')).toBe(ipToKey('0.0.0.0'));
  });

  it('ISO UTC dates equal parseDate', () => {
    const rand = prng(9);
    for (let i = 0; i < 2000; i++) {
      const ms = rand(2 ** 24) * 1_000_003 + rand(1000);
      const text = new Date(ms).toISOString();
      expect(parseDateValue(text, {})).toBe(parseDate(text));
      const short = text.replace(/\.\d+Z$/, 'Z');
      expect(parseDateValue(short, {})).toBe(parseDate(short));
    }
    expect(() => parseDateValue('2026-02-30T00:00:00Z', {})).toThrow();
    for (const text of ['2026-01-01T00:00:00.5Z', '2026-01-01T00:00:00.25Z', '2024-02-29T23:59:59.999Z', '0099-01-01T00:00:00Z', '2026-01-01T00:00:00+01:00', '2026-01-01']) {
      expect(parseDateValue(text, {})).toBe(parseDate(text));
    }
    expect(parseDateValue('2026-01-01', { format: 'yyyy-MM-dd' })).toBe(Date.UTC(2026, 0, 1));
  });

  it('rounds half floats like float16', () => {
    expect(roundHalfFloat(0.1)).toBe(0.0999755859375);
    expect(roundHalfFloat(65504)).toBe(65504);
    expect(roundHalfFloat(1 / 3)).toBe(0.333251953125);
    expect(roundHalfFloat(2049)).toBe(2048);
    expect(roundHalfFloat(2051)).toBe(2052);
  });
});

describe('locate', () => {
  it('finds values by path with 1-based columns and lines', () => {
    const raw = '{\n  "a": {"b": [1, {"c": "x"}]},\n  "d.e": true\n}';
    expect(locate(raw, ['a', 'b', 1, 'c'])).toBe('[2:24]');
    expect(locate(raw, ['d.e'])).toBe('[3:10]');
    expect(locate(raw, ['d.e'], true)).toBe('[3:3]');
    expect(locate(raw, ['zz'])).toBe('[1:1]');
  });
});
