import fc from 'fast-check';
import {
  DEFAULT_DATE_FORMAT,
  DateFormatError,
  DateMathError,
  DateParseError,
  addDateUnits,
  dynamicDateFormat,
  formatDate,
  looksLikeDynamicDate,
  parseDate,
  resolveDateMath,
  resolveTimeZone,
  roundDownToUnit,
  validateDateFormat,
} from './index';

const utc = (iso: string): number => Date.parse(iso);

describe('parseDate with named formats', () => {
  it.each([
    ['2026-01-01', '2026-01-01T00:00:00.000Z'],
    ['2026', '2026-01-01T00:00:00.000Z'],
    ['2026-05', '2026-05-01T00:00:00.000Z'],
    ['2026-01-01T10', '2026-01-01T10:00:00.000Z'],
    ['2026-01-01T10:20', '2026-01-01T10:20:00.000Z'],
    ['2026-01-01T10:20:30Z', '2026-01-01T10:20:30.000Z'],
    ['2026-01-01T10:20:30.1Z', '2026-01-01T10:20:30.100Z'],
    ['2026-01-01T10:20:30.123456789+01:00', '2026-01-01T09:20:30.123Z'],
    ['2026-01-01T10:20:30,5Z', '2026-01-01T10:20:30.500Z'],
    ['2026-01-01T10:20+0530', '2026-01-01T04:50:00.000Z'],
    ['2026-01-01T10:20:30-08', '2026-01-01T18:20:30.000Z'],
    ['2020-01-01T00:00:00Europe/Paris', '2019-12-31T23:00:00.000Z'],
    ['1420070400001', '2015-01-01T00:00:00.001Z'],
    ['-5', '1969-12-31T23:59:59.995Z'],
    // As in Elasticsearch, four digits are a year for strict_date_optional_time, which is tried first.
    ['1000', '1000-01-01T00:00:00.000Z'],
  ])('default format parses %s', (input, expected) => {
    expect(new Date(parseDate(input)).toISOString()).toBe(expected);
  });

  it('treats JSON numbers as their text', () => {
    expect(parseDate(1420070400001)).toBe(1420070400001);
    expect(parseDate(1.5, 'epoch_millis')).toBe(1);
    expect(parseDate(12, 'epoch_second')).toBe(12000);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-1', '26-01-01', '2026-01-01T25:00', '2026-01-01 10:00', 'x', '', '2026-01-01T10:00Zjunk'])(
    'default format rejects %j',
    (input) => {
      expect(() => parseDate(input)).toThrow(DateParseError);
      expect(() => parseDate(input)).toThrow(`failed to parse date field [${input}] with format [${DEFAULT_DATE_FORMAT}]`);
    },
  );

  it('handles leap days', () => {
    expect(parseDate('2024-02-29', 'strict_date')).toBe(utc('2024-02-29T00:00:00Z'));
    expect(() => parseDate('2023-02-29', 'strict_date')).toThrow(DateParseError);
  });

  it('supports the lenient variants', () => {
    expect(parseDate('2026-1-5', 'date_optional_time')).toBe(utc('2026-01-05T00:00:00Z'));
    expect(parseDate('2026-1-5T1:2:3Z', 'date_optional_time')).toBe(utc('2026-01-05T01:02:03Z'));
    expect(parseDate('2026-1-5', 'date')).toBe(utc('2026-01-05T00:00:00Z'));
    expect(() => parseDate('2026-1-5', 'strict_date')).toThrow(DateParseError);
  });

  it('parses nanosecond formats to milliseconds', () => {
    expect(parseDate('2026-01-01T00:00:00.123456789Z', 'strict_date_optional_time_nanos')).toBe(utc('2026-01-01T00:00:00.123Z'));
  });

  it('parses the other built-in formats', () => {
    expect(parseDate('2026-01-01T10:20:30.123Z', 'strict_date_time')).toBe(utc('2026-01-01T10:20:30.123Z'));
    expect(() => parseDate('2026-01-01T10:20:30Z', 'strict_date_time')).toThrow(DateParseError);
    expect(parseDate('2026-01-01T10:20:30+02:00', 'strict_date_time_no_millis')).toBe(utc('2026-01-01T08:20:30Z'));
    expect(parseDate('20260102', 'basic_date')).toBe(utc('2026-01-02T00:00:00Z'));
    expect(parseDate('20260102T030405.678Z', 'basic_date_time')).toBe(utc('2026-01-02T03:04:05.678Z'));
    expect(parseDate('2026-01-02T03:04:05', 'strict_date_hour_minute_second')).toBe(utc('2026-01-02T03:04:05Z'));
    expect(parseDate('2026-032', 'strict_ordinal_date')).toBe(utc('2026-02-01T00:00:00Z'));
    expect(parseDate('1500.5', 'epoch_second')).toBe(1500500);
    expect(parseDate('-1.5', 'epoch_millis')).toBe(-2);
  });

  it('tries every format of a || chain in order', () => {
    const format = 'yyyy/MM/dd HH:mm:ss||yyyy/MM/dd||epoch_millis';
    expect(parseDate('2015/09/02 10:11:12', format)).toBe(utc('2015-09-02T10:11:12Z'));
    expect(parseDate('2015/09/02', format)).toBe(utc('2015-09-02T00:00:00Z'));
    expect(parseDate('1000', format)).toBe(1000);
    expect(() => parseDate('2015-09-02', format)).toThrow(`failed to parse date field [2015-09-02] with format [${format}]`);
  });
});

describe('fast paths', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const isoArb = fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.integer({ min: 0, max: 60 }),
      fraction: fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 9 }),
      depth: fc.integer({ min: 0, max: 7 }),
      zone: fc.constantFrom('', 'Z', '+01:00', '-0530', '+14', '+18:30', '-23:00', '+05:30:15', 'Europe/Paris', 'UTC'),
    })
    .map((r) => {
      const parts = [pad(r.year, 4), `-${pad(r.month, 2)}`, `-${pad(r.day, 2)}`, 'T', pad(r.hour, 2), `:${pad(r.minute, 2)}`, `:${pad(r.second, 2)}`, `.${r.fraction}`];
      const base = parts.slice(0, Math.max(1, r.depth + 1)).join('');
      return r.depth >= 4 ? base + r.zone : base;
    });

  it('ISO fast path and the general parser agree (strict and lenient)', () => {
    fc.assert(
      fc.property(isoArb, fc.boolean(), fc.constantFrom(undefined, 'America/New_York', '+03:00'), (text, roundUp, tz) => {
        const outcome = (format: string) => {
          try {
            return resolveDateMath(text, { now: 0, format, roundUp, timeZone: tz });
          } catch (error) {
            return error instanceof DateParseError ? 'error' : String(error);
          }
        };
        // A custom pattern with the same grammar always takes the general element parser.
        const general = "yyyy[-MM[-dd['T'[HH[:mm[:ss[.SSSSSSSSS][.SSSSSSSS][.SSSSSSS][.SSSSSS][.SSSSS][.SSSS][.SSS][.SS][.S]]][XXX][X]]]]]";
        const viaFast = outcome('strict_date_optional_time');
        expect(outcome('date_optional_time')).toEqual(viaFast);
        if (!text.includes('/') && !/[+-]\d{2}:\d{2}:\d{2}$/.test(text) && !text.endsWith('UTC')) expect(outcome(general)).toEqual(viaFast);
      }),
      { numRuns: 3000 },
    );
  });

  it('UTC ISO printing matches the element printer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(formatDate(ms)).toBe(formatDate(ms, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
      }),
    );
  });

  it('fixed-offset unit rounding matches the general zone arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5e12, max: 5e12 }), fc.constantFrom('s', 'm', 'h', 'd', 'w'), fc.constantFrom(undefined, '+05:30', '-08:00'), (ms, unit, tz) => {
        const expected = resolveDateMath(`${formatDate(ms, 'epoch_millis')}||/${unit}`, { now: 0, timeZone: tz, format: 'epoch_millis' });
        expect(roundDownToUnit(ms, unit as 's', tz)).toBe(expected);
      }),
    );
  });
});

describe('custom patterns', () => {
  it('parses java.time-style patterns', () => {
    expect(parseDate('2015/09/02 10:11:12 +0100', 'yyyy/MM/dd HH:mm:ss Z')).toBe(utc('2015-09-02T09:11:12Z'));
    expect(parseDate('2015-09-02', 'yyyy-MM-dd')).toBe(utc('2015-09-02T00:00:00Z'));
    expect(parseDate('02/Sep/2015:10:11:12 -0700', 'dd/MMM/yyyy:HH:mm:ss Z')).toBe(utc('2015-09-02T17:11:12Z'));
    expect(parseDate("2015-09-02T10:11:12.345", "yyyy-MM-dd'T'HH:mm:ss.SSS")).toBe(utc('2015-09-02T10:11:12.345Z'));
    expect(parseDate('2015-09-02 10', 'yyyy-MM-dd[ HH[:mm]]')).toBe(utc('2015-09-02T10:00:00Z'));
    expect(parseDate('2015-09-02', 'yyyy-MM-dd[ HH[:mm]]')).toBe(utc('2015-09-02T00:00:00Z'));
    expect(parseDate('9/2/15 3:04 PM', 'M/d/yy h:mm a')).toBe(utc('2015-09-02T15:04:00Z'));
    expect(parseDate('20150902103000', 'yyyyMMddHHmmss')).toBe(utc('2015-09-02T10:30:00Z'));
    expect(parseDate('Wed, 02 Sep 2015', 'EEE, dd MMM yyyy')).toBe(utc('2015-09-02T00:00:00Z'));
    expect(() => parseDate('Thu, 02 Sep 2015', 'EEE, dd MMM yyyy')).toThrow(DateParseError);
  });

  it('rejects invalid patterns', () => {
    expect(() => validateDateFormat('yyyy-MM-dd ffff')).toThrow(DateFormatError);
    expect(() => validateDateFormat('yyyy-MM-dd ffff')).toThrow('Invalid format: [yyyy-MM-dd ffff]: Unknown pattern letter: f');
    expect(() => validateDateFormat("yyyy'T")).toThrow(DateFormatError);
    expect(() => validateDateFormat('strict_date_optional_time||epoch_millis')).not.toThrow();
  });
});

describe('time zones', () => {
  it('applies the time zone only when the text has no offset', () => {
    expect(parseDate('2015-09-02', 'yyyy-MM-dd', 'Europe/Paris')).toBe(utc('2015-09-01T22:00:00Z'));
    expect(parseDate('2015-09-02T00:00:00Z', undefined, 'Europe/Paris')).toBe(utc('2015-09-02T00:00:00Z'));
    expect(parseDate('2015-09-02T00:00:00', undefined, '-05:00')).toBe(utc('2015-09-02T05:00:00Z'));
    expect(parseDate('1420070400001', undefined, '+05:00')).toBe(1420070400001);
    expect(parseDate('-1000', 'epoch_millis', '+05:00')).toBe(-1000);
  });

  it('resolves DST gaps forward and overlaps to the earlier offset, like java.time', () => {
    // Europe/Paris springs forward at 2026-03-29 02:00 local and falls back at 2026-10-25 03:00 local.
    expect(parseDate('2026-03-29T02:30:00', undefined, 'Europe/Paris')).toBe(utc('2026-03-29T01:30:00Z'));
    expect(parseDate('2026-10-25T02:30:00', undefined, 'Europe/Paris')).toBe(utc('2026-10-25T00:30:00Z'));
  });

  it('accepts offset forms and rejects unknown zones', () => {
    expect(resolveTimeZone('+01:00').offsetAt(0)).toBe(3_600_000);
    expect(resolveTimeZone('-0530').offsetAt(0)).toBe(-19_800_000);
    expect(resolveTimeZone('+1').offsetAt(0)).toBe(3_600_000);
    expect(resolveTimeZone('UTC').offsetAt(0)).toBe(0);
    expect(resolveTimeZone('America/New_York').offsetAt(utc('2026-07-01T00:00:00Z'))).toBe(-4 * 3_600_000);
    expect(() => resolveTimeZone('Mars/Base')).toThrow('Unknown time-zone ID: Mars/Base');
    expect(() => resolveTimeZone('+25:00')).toThrow('Unknown time-zone ID: +25:00');
  });
});

describe('formatDate', () => {
  it('prints with the first format of the chain', () => {
    const t = utc('2026-01-01T00:00:00Z');
    expect(formatDate(t)).toBe('2026-01-01T00:00:00.000Z');
    expect(formatDate(t, 'epoch_millis||strict_date')).toBe(String(t));
    expect(formatDate(1500, 'epoch_second')).toBe('1.5');
    expect(formatDate(t, 'strict_date||epoch_millis')).toBe('2026-01-01');
    expect(formatDate(t, 'basic_date_time')).toBe('20260101T000000.000Z');
    expect(formatDate(utc('2026-01-02T03:04:05.006Z'), 'yyyy/MM/dd HH:mm:ss.SSS')).toBe('2026/01/02 03:04:05.006');
  });

  it('renders in a time zone', () => {
    const t = utc('2026-07-01T12:00:00Z');
    expect(formatDate(t, undefined, 'Europe/Paris')).toBe('2026-07-01T14:00:00.000+02:00');
    expect(formatDate(t, 'yyyy/MM/dd HH:mm:ss Z', 'America/New_York')).toBe('2026/07/01 08:00:00 -0400');
    expect(formatDate(t, 'yyyy-MM-dd hh:mm a EEEE MMMM', '-05:30')).toBe('2026-07-01 06:30 AM Wednesday July');
  });

  it('prints years outside 0000-9999 with a sign', () => {
    expect(formatDate(utc('0001-01-01T00:00:00Z'))).toBe('0001-01-01T00:00:00.000Z');
    expect(formatDate(Date.UTC(12000, 0, 1))).toBe('+12000-01-01T00:00:00.000Z');
  });

  it('round-trips through the default format', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), (ms) => {
        expect(parseDate(formatDate(ms))).toBe(ms);
      }),
    );
  });
});

describe('resolveDateMath', () => {
  const now = utc('2026-03-15T13:45:30.123Z');
  const math = (expr: string, roundUp = false, timeZone?: string): string =>
    new Date(resolveDateMath(expr, { now, roundUp, timeZone })).toISOString();

  it.each([
    ['now', '2026-03-15T13:45:30.123Z', '2026-03-15T13:45:30.123Z'],
    ['now-24h', '2026-03-14T13:45:30.123Z', '2026-03-14T13:45:30.123Z'],
    ['now-1H', '2026-03-15T12:45:30.123Z', '2026-03-15T12:45:30.123Z'],
    ['now+90m', '2026-03-15T15:15:30.123Z', '2026-03-15T15:15:30.123Z'],
    ['now-10s', '2026-03-15T13:45:20.123Z', '2026-03-15T13:45:20.123Z'],
    ['now-d', '2026-03-14T13:45:30.123Z', '2026-03-14T13:45:30.123Z'],
    ['now/d', '2026-03-15T00:00:00.000Z', '2026-03-15T23:59:59.999Z'],
    ['now/M', '2026-03-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z'],
    ['now/y', '2026-01-01T00:00:00.000Z', '2026-12-31T23:59:59.999Z'],
    ['now/w', '2026-03-09T00:00:00.000Z', '2026-03-15T23:59:59.999Z'],
    ['now/h', '2026-03-15T13:00:00.000Z', '2026-03-15T13:59:59.999Z'],
    ['now/m', '2026-03-15T13:45:00.000Z', '2026-03-15T13:45:59.999Z'],
    ['now/s', '2026-03-15T13:45:30.000Z', '2026-03-15T13:45:30.999Z'],
    ['now-1d/d', '2026-03-14T00:00:00.000Z', '2026-03-14T23:59:59.999Z'],
    ['now+1y-2M+1w', '2027-01-22T13:45:30.123Z', '2027-01-22T13:45:30.123Z'],
    ['2026-01-31||+1M', '2026-02-28T00:00:00.000Z', '2026-02-28T00:00:00.000Z'],
    ['2024-02-29||+1y', '2025-02-28T00:00:00.000Z', '2025-02-28T00:00:00.000Z'],
    ['2026-01-01T00:00:00Z||-30d', '2025-12-02T00:00:00.000Z', '2025-12-02T00:00:00.000Z'],
    ['2026-03-15T10:00:00Z||/d', '2026-03-15T00:00:00.000Z', '2026-03-15T23:59:59.999Z'],
    ['2026-03-15||', '2026-03-15T00:00:00.000Z', '2026-03-15T00:00:00.000Z'],
  ])('%s (down, up)', (expr, down, up) => {
    expect(math(expr)).toBe(down);
    expect(math(expr, true)).toBe(up);
  });

  it('rounds up missing time fields of a plain date like Elasticsearch (lte/gt)', () => {
    expect(math('2014-11-18', true)).toBe('2014-11-18T23:59:59.999Z');
    expect(math('2014-11-18T10', true)).toBe('2014-11-18T10:59:59.999Z');
    expect(math('2014-11-18T10:00:00', true)).toBe('2014-11-18T10:00:00.999Z');
    expect(math('2014', true)).toBe('2014-01-01T23:59:59.999Z');
    expect(math('2014-11-18T10:00:00.5', true)).toBe('2014-11-18T10:00:00.500Z');
    expect(resolveDateMath(1420070400001, { now, roundUp: true })).toBe(1420070400001);
  });

  it('rounds in the time zone', () => {
    expect(math('now/d', false, 'Europe/Paris')).toBe('2026-03-14T23:00:00.000Z');
    expect(math('now/d', true, 'Europe/Paris')).toBe('2026-03-15T22:59:59.999Z');
    expect(math('now/d', false, '-05:00')).toBe('2026-03-15T05:00:00.000Z');
    expect(math('2026-03-15||/d', false, 'Europe/Paris')).toBe('2026-03-14T23:00:00.000Z');
    // A day across the spring-forward transition is 23 hours long.
    expect(math('2026-03-29T00:00:00||+1d', false, 'Europe/Paris')).toBe('2026-03-29T22:00:00.000Z');
    expect(math('2026-03-29T00:00:00||+24h', false, 'Europe/Paris')).toBe('2026-03-29T23:00:00.000Z');
  });

  it('uses the format for the anchor date', () => {
    expect(resolveDateMath('2015/09/02||+1d', { now, format: 'yyyy/MM/dd' })).toBe(utc('2015-09-03T00:00:00Z'));
  });

  it.each([
    ['now*1d', 'operator not supported for date math [*1d]'],
    ['now-', 'truncated date math [-]'],
    ['now-1', 'truncated date math [-1]'],
    ['now/2d', 'rounding `/` can only be used on single unit types [/2d]'],
    ['now+1x', 'unit [x] not supported for date math [+1x]'],
  ])('rejects %s', (expr, message) => {
    expect(() => resolveDateMath(expr, { now })).toThrow(DateMathError);
    expect(() => resolveDateMath(expr, { now })).toThrow(message);
  });

  it('rejects an unparsable anchor', () => {
    expect(() => resolveDateMath('yesterday||+1d', { now })).toThrow(DateParseError);
  });

  it('exposes unit rounding and addition for bucketing callers', () => {
    expect(roundDownToUnit(now, 'M')).toBe(utc('2026-03-01T00:00:00Z'));
    expect(roundDownToUnit(now, 'd', 'Asia/Kolkata')).toBe(utc('2026-03-14T18:30:00Z'));
    expect(addDateUnits(utc('2026-01-31T00:00:00Z'), 'M', 1)).toBe(utc('2026-02-28T00:00:00Z'));
  });
});

describe('dynamic date detection', () => {
  it.each([
    ['2015-09-02T10:11:12Z', 'strict_date_optional_time||epoch_millis'],
    ['2015-09-02', 'strict_date_optional_time||epoch_millis'],
    ['2015/09/02', 'yyyy/MM/dd HH:mm:ss||yyyy/MM/dd||epoch_millis'],
    ['2015/09/02 10:11:12', 'yyyy/MM/dd HH:mm:ss||yyyy/MM/dd||epoch_millis'],
  ])('%s is a date with format %s', (value, format) => {
    expect(looksLikeDynamicDate(value)).toBe(true);
    expect(dynamicDateFormat(value)).toBe(format);
  });

  it.each(['2015', '1', 'hello', 'foo-bar', '10:30 meeting', '2015-13-01', '2015/9/2'])('%j stays text', (value) => {
    expect(looksLikeDynamicDate(value)).toBe(false);
  });
});
