import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['5s', 5_000],
    ['100ms', 100],
    ['5ms', 5],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['1w1d', 691_200_000],
    ['1h1m1s1ms', 3_661_001],
    ['0s', 0],
  ])('%s → %d ms', (value, ms) => {
    expect(parseDuration(value)).toBe(ms);
  });

  it.each(['', '5', 's', '1.5s', '5 s', '1s1m', '5sec', '-1s', '1M'])('rejects %p', (value) => {
    expect(parseDuration(value)).toBeUndefined();
  });
});
