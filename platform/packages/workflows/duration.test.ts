import { isDuration, isScheduleInterval, isSize, isWaitDuration, parseDuration, parseSize } from './duration';

describe('durations', () => {
  it.each([
    ['250ms', 250],
    ['5s', 5000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['0s', 0],
    ['1h30m', 5_400_000],
    ['1w2d3h4m5s6ms', 604_800_000 + 2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5000 + 6],
  ])('parseDuration(%s) = %d', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', 's', '5 s', '1.5s', '5S', '30m1h', '-1s', '1y', '5ss'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(`Invalid duration format: ${text}`);
  });

  it('distinguishes the single-unit grammar from the wait grammar', () => {
    expect(isDuration('30s')).toBe(true);
    expect(isDuration('1h30m')).toBe(false);
    expect(isWaitDuration('1h30m')).toBe(true);
    expect(isWaitDuration('')).toBe(false);
  });

  it('checks schedule intervals', () => {
    expect(isScheduleInterval('60s')).toBe(true);
    expect(isScheduleInterval('59s')).toBe(false);
    expect(isScheduleInterval('5m')).toBe(true);
    expect(isScheduleInterval('1d')).toBe(true);
    expect(isScheduleInterval('0m')).toBe(false);
    expect(isScheduleInterval('1w')).toBe(false);
  });
});

describe('sizes', () => {
  it.each([
    ['100b', 100],
    ['1kb', 1024],
    ['10mb', 10 * 1024 * 1024],
    ['2gb', 2 * 1024 ** 3],
  ])('parseSize(%s) = %d', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
    expect(isSize(text)).toBe(true);
  });

  it.each(['', '10', 'mb', '10 mb', '10MB', '1.5mb', '1tb'])('rejects %j', (text) => {
    expect(() => parseSize(text)).toThrow(`Invalid size format: ${text}`);
  });
});
