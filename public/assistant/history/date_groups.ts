/**
 * UX-1: history groups by `updatedAt` in the user's local calendar: Today, Yesterday, This week, Last week,
 * This month, Last month, This year, Older. Each conversation lands in the first group that contains it;
 * empty groups are dropped. Weeks start on Monday (ISO).
 */
export type DateGroupId = 'today' | 'yesterday' | 'this_week' | 'last_week' | 'this_month' | 'last_month' | 'this_year' | 'older';

export const DATE_GROUP_ORDER: readonly DateGroupId[] = ['today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'this_year', 'older'];

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
}

/** Monday 00:00 of the week containing `d`. */
function startOfWeek(d: Date): Date {
  const day = (d.getDay() + 6) % 7;
  return addDays(startOfDay(d), -day);
}

export function dateGroupOf(updatedAt: Date, now: Date): DateGroupId {
  const t = updatedAt.getTime();
  const today = startOfDay(now);
  if (t >= today.getTime()) return 'today';
  if (t >= addDays(today, -1).getTime()) return 'yesterday';
  const week = startOfWeek(now);
  if (t >= week.getTime()) return 'this_week';
  if (t >= addDays(week, -7).getTime()) return 'last_week';
  const month = new Date(now.getFullYear(), now.getMonth(), 1);
  if (t >= month.getTime()) return 'this_month';
  if (t >= new Date(now.getFullYear(), now.getMonth() - 1, 1).getTime()) return 'last_month';
  if (t >= new Date(now.getFullYear(), 0, 1).getTime()) return 'this_year';
  return 'older';
}

export interface DateGroup<T> {
  id: DateGroupId;
  items: T[];
}

/** Groups items (already sorted newest first) keeping their order inside each group. Future dates count as today. */
export function groupByDate<T>(items: readonly T[], getDate: (item: T) => string | undefined, now: Date): Array<DateGroup<T>> {
  const buckets = new Map<DateGroupId, T[]>();
  for (const item of items) {
    const raw = getDate(item);
    const date = raw ? new Date(raw) : undefined;
    const id = date && !Number.isNaN(date.getTime()) ? dateGroupOf(date, now) : 'older';
    const list = buckets.get(id) ?? [];
    list.push(item);
    buckets.set(id, list);
  }
  return DATE_GROUP_ORDER.filter((id) => buckets.has(id)).map((id) => ({ id, items: buckets.get(id) ?? [] }));
}
