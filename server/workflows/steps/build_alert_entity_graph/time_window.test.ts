import { lookaheadSlices, parseTimeWindow, roundWindows, spanContains, timestampMs, toIso } from './time_window';

describe('parseTimeWindow', () => {
  it.each([
    ['15s', 15_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['7d', 604_800_000],
    ['0m', 0],
  ])('parses %s', (text, ms) => {
    expect(parseTimeWindow(text, 'w')).toEqual({ ms });
  });

  it.each(['1H', '1w', '-1h', '1.5h', 'h', '', ' 1h'])('defaults %p to 1h with a warning', (text) => {
    const parsed = parseTimeWindow(text, 'expand_window');
    expect(parsed.ms).toBe(3_600_000);
    expect(parsed.warning).toContain('expand_window');
  });
});

describe('roundWindows', () => {
  it('adds left and right slices only where the expansion passes the searched span', () => {
    expect(roundWindows({ minTs: 100, maxTs: 200 }, { from: 50, to: 250 }, 50)).toEqual({
      expanded: { from: 50, to: 250 },
      left: undefined,
      right: undefined,
    });
    expect(roundWindows({ minTs: 80, maxTs: 240 }, { from: 50, to: 250 }, 50)).toEqual({
      expanded: { from: 30, to: 290 },
      left: { from: 30, to: 50 },
      right: { from: 250, to: 290 },
    });
  });
});

describe('timestampMs', () => {
  it('reads ISO strings, epoch numbers and numeric strings; rejects invalid values', () => {
    expect(timestampMs('2026-01-01T00:00:00.000Z')).toBe(Date.UTC(2026, 0, 1));
    expect(timestampMs(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(timestampMs('1700000000000')).toBe(1_700_000_000_000);
    expect(timestampMs(['2026-01-01T00:00:00Z'])).toBe(Date.UTC(2026, 0, 1));
    for (const bad of ['not a date', '', null, undefined, Number.NaN, {}]) expect(timestampMs(bad)).toBeUndefined();
    expect(toIso(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('lookaheadSlices', () => {
  it('bounds the next round’s slices by one window beyond the searched and expanded spans', () => {
    // Searched ±60, expanded [−90, 70]: the next expansion starts at least at −90 − 60 and ends at most at 70 + 60.
    const ahead = lookaheadSlices({ from: -60, to: 60 }, { from: -90, to: 70 }, 60);
    expect(ahead).toEqual({ left: { from: -150, to: -90 }, right: { from: 70, to: 130 } });
    // Every next-round slice roundWindows can produce from alerts inside searched ∪ expanded lies inside them.
    for (const [minTs, maxTs] of [[-90, 70], [-60, 60], [0, 0], [-90, -90], [70, 70]]) {
      const next = roundWindows({ minTs, maxTs }, { from: -90, to: 70 }, 60);
      if (next.left) expect(spanContains(ahead.left, next.left)).toBe(true);
      if (next.right) expect(spanContains(ahead.right, next.right)).toBe(true);
    }
  });

  it('spanContains is inclusive', () => {
    expect(spanContains({ from: 0, to: 10 }, { from: 0, to: 10 })).toBe(true);
    expect(spanContains({ from: 0, to: 10 }, { from: -1, to: 10 })).toBe(false);
    expect(spanContains({ from: 0, to: 10 }, { from: 0, to: 11 })).toBe(false);
  });
});
