/**
 * Proleptic Gregorian calendar arithmetic on "local milliseconds" (milliseconds since 1970-01-01T00:00
 * of a wall clock), independent of JS Date's two-digit-year quirks.
 */
export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export interface LocalFields {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function fieldsToLocalMs(f: LocalFields): number {
  return (
    daysFromCivil(f.year, f.month, f.day) * MS_PER_DAY +
    f.hour * MS_PER_HOUR +
    f.minute * MS_PER_MINUTE +
    f.second * MS_PER_SECOND +
    f.millisecond
  );
}

export function localMsToFields(localMs: number): LocalFields {
  const days = Math.floor(localMs / MS_PER_DAY);
  let rest = localMs - days * MS_PER_DAY;
  const hour = Math.floor(rest / MS_PER_HOUR);
  rest -= hour * MS_PER_HOUR;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / MS_PER_SECOND);
  const date = civilFromDays(days);
  return { year: date.year, month: date.month, day: date.day, hour, minute, second, millisecond: rest - second * MS_PER_SECOND };
}

/** ISO day of week, 1 = Monday .. 7 = Sunday. */
export function isoDayOfWeek(localMs: number): number {
  const days = Math.floor(localMs / MS_PER_DAY);
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function dayOfYear(f: { year: number; month: number; day: number }): number {
  return daysFromCivil(f.year, f.month, f.day) - daysFromCivil(f.year, 1, 1) + 1;
}

/** Java's plusMonths: the day is clamped to the target month's length. */
export function addMonths(f: LocalFields, months: number): LocalFields {
  const total = f.year * 12 + (f.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { ...f, year, month, day: Math.min(f.day, daysInMonth(year, month)) };
}
