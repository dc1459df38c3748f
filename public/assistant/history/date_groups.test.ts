import { dateGroupOf, groupByDate } from './date_groups';

// Wednesday 2026-06-17 15:00 local time.
const now = new Date(2026, 5, 17, 15, 0, 0);
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m, d, h);

describe('dateGroupOf', () => {
  it.each([
    ['later today', at(2026, 5, 17, 23), 'today'],
    ['midnight today', new Date(2026, 5, 17, 0, 0, 0), 'today'],
    ['just before midnight', new Date(2026, 5, 16, 23, 59, 59), 'yesterday'],
    ['Monday of this week', at(2026, 5, 15), 'this_week'],
    ['Sunday before', at(2026, 5, 14), 'last_week'],
    ['Monday of last week', at(2026, 5, 8, 0), 'last_week'],
    ['Sunday two weeks ago', at(2026, 5, 7), 'this_month'],
    ['first of the month', at(2026, 5, 1, 0), 'this_month'],
    ['last month', at(2026, 4, 20), 'last_month'],
    ['first of last month', at(2026, 4, 1, 0), 'last_month'],
    ['earlier this year', at(2026, 1, 3), 'this_year'],
    ['last year', at(2025, 11, 31, 23), 'older'],
  ])('%s', (_name, date, group) => {
    expect(dateGroupOf(date, now)).toBe(group);
  });

  it('puts "yesterday" before "this week" on a Monday (yesterday is last week\'s Sunday)', () => {
    const monday = new Date(2026, 5, 15, 9);
    expect(dateGroupOf(at(2026, 5, 14), monday)).toBe('yesterday');
    expect(dateGroupOf(at(2026, 5, 13), monday)).toBe('last_week');
  });

  it('handles January: last month is December of the previous year', () => {
    const jan = new Date(2027, 0, 20, 10);
    expect(dateGroupOf(at(2026, 11, 10), jan)).toBe('last_month');
    expect(dateGroupOf(at(2026, 10, 10), jan)).toBe('older');
  });
});

describe('groupByDate', () => {
  it('keeps order, drops empty groups and puts unparsable dates in Older', () => {
    const items = [
      { id: 'a', updatedAt: at(2026, 5, 17, 14).toISOString() },
      { id: 'b', updatedAt: at(2026, 5, 17, 9).toISOString() },
      { id: 'c', updatedAt: at(2026, 4, 2).toISOString() },
      { id: 'd', updatedAt: 'not a date' },
    ];
    const groups = groupByDate(items, (i) => i.updatedAt, now);
    expect(groups.map((g) => [g.id, g.items.map((i) => i.id)])).toEqual([
      ['today', ['a', 'b']],
      ['last_month', ['c']],
      ['older', ['d']],
    ]);
  });
});
