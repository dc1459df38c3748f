import { type Element, fraction, lit, num, offset, opt, zoneOrOffset } from './elements';

/** A built-in format: how it parses and how it prints (they differ, as in Elasticsearch). */
export interface NamedFormat {
  parser: Element[];
  printer: Element[];
}

// Strict building blocks: fixed widths, 4-digit year (a sign is needed for more digits).
const YEAR = num('year', 4, 9, true);
const MONTH = num('month', 2);
const DAY = num('day', 2);
const HOUR = num('hour', 2);
const MINUTE = num('minute', 2);
const SECOND = num('second', 2);
const FRACTION = fraction(1, 9, true);
const PRINT_MILLIS = fraction(3, 3, true);
const ZONE = offset('XXX');

/** Lenient variants accept 1–2 digit fields and a 1–9 digit year, but print like the strict ones. */
function lenient(elements: Element[]): Element[] {
  return elements.map((e): Element => {
    if (e.kind === 'optional') return { kind: 'optional', elements: lenient(e.elements) };
    if (e.kind !== 'number' || (e.minWidth !== e.maxWidth && e.field !== 'year')) return e;
    if (e.field === 'year') return { ...num('year', 1, 9), printWidth: 4 };
    if (e.field === 'dayOfYear') return { ...num('dayOfYear', 1, 3), printWidth: 3 };
    return { ...num(e.field, 1, 2), printWidth: 2 };
  });
}

const DATE = [YEAR, lit('-'), MONTH, lit('-'), DAY];
const TIME_SECONDS = [HOUR, lit(':'), MINUTE, lit(':'), SECOND];

/** Elasticsearch's STRICT_DATE_OPTIONAL_TIME parser: every part after the year is optional. */
const DATE_OPTIONAL_TIME_PARSER: Element[] = [
  YEAR,
  opt(
    lit('-'),
    MONTH,
    opt(
      lit('-'),
      DAY,
      opt(
        lit('T'),
        opt(
          HOUR,
          opt(lit(':'), MINUTE, opt(lit(':'), SECOND, opt(FRACTION), opt(lit(','), fraction(1, 9, false)))),
          opt(zoneOrOffset),
          opt(offset('Z')),
        ),
      ),
    ),
  ),
];
const DATE_OPTIONAL_TIME_PRINTER: Element[] = [...DATE, lit('T'), ...TIME_SECONDS, PRINT_MILLIS, ZONE];

function fixed(parser: Element[], printer: Element[] = parser): NamedFormat {
  return { parser, printer };
}

const STRICT: Record<string, NamedFormat> = {
  strict_date_optional_time: fixed(DATE_OPTIONAL_TIME_PARSER, DATE_OPTIONAL_TIME_PRINTER),
  strict_date_optional_time_nanos: fixed(DATE_OPTIONAL_TIME_PARSER, DATE_OPTIONAL_TIME_PRINTER),
  strict_date: fixed(DATE),
  strict_date_time: fixed([...DATE, lit('T'), ...TIME_SECONDS, FRACTION, zoneOrOffset], [...DATE, lit('T'), ...TIME_SECONDS, PRINT_MILLIS, ZONE]),
  strict_date_time_no_millis: fixed([...DATE, lit('T'), ...TIME_SECONDS, zoneOrOffset], [...DATE, lit('T'), ...TIME_SECONDS, ZONE]),
  strict_date_hour: fixed([...DATE, lit('T'), HOUR]),
  strict_date_hour_minute: fixed([...DATE, lit('T'), HOUR, lit(':'), MINUTE]),
  strict_date_hour_minute_second: fixed([...DATE, lit('T'), ...TIME_SECONDS]),
  strict_date_hour_minute_second_millis: fixed([...DATE, lit('T'), ...TIME_SECONDS, FRACTION], [...DATE, lit('T'), ...TIME_SECONDS, PRINT_MILLIS]),
  strict_date_hour_minute_second_fraction: fixed([...DATE, lit('T'), ...TIME_SECONDS, FRACTION], [...DATE, lit('T'), ...TIME_SECONDS, PRINT_MILLIS]),
  strict_year_month_day: fixed(DATE),
  strict_year_month: fixed([YEAR, lit('-'), MONTH]),
  strict_year: fixed([YEAR]),
  strict_ordinal_date: fixed([YEAR, lit('-'), num('dayOfYear', 3)]),
  strict_hour_minute_second: fixed(TIME_SECONDS),
  strict_hour_minute_second_millis: fixed([...TIME_SECONDS, FRACTION], [...TIME_SECONDS, PRINT_MILLIS]),
  strict_hour_minute_second_fraction: fixed([...TIME_SECONDS, FRACTION], [...TIME_SECONDS, PRINT_MILLIS]),
  strict_hour_minute: fixed([HOUR, lit(':'), MINUTE]),
  strict_hour: fixed([HOUR]),
  strict_time: fixed([...TIME_SECONDS, FRACTION, zoneOrOffset], [...TIME_SECONDS, PRINT_MILLIS, ZONE]),
  strict_time_no_millis: fixed([...TIME_SECONDS, zoneOrOffset], [...TIME_SECONDS, ZONE]),
  strict_t_time: fixed([lit('T'), ...TIME_SECONDS, FRACTION, zoneOrOffset], [lit('T'), ...TIME_SECONDS, PRINT_MILLIS, ZONE]),
  strict_t_time_no_millis: fixed([lit('T'), ...TIME_SECONDS, zoneOrOffset], [lit('T'), ...TIME_SECONDS, ZONE]),
};

const BASIC_DATE = [num('year', 4), num('month', 2), num('day', 2)];
const BASIC_TIME = [HOUR, MINUTE, SECOND];
const BASIC: Record<string, NamedFormat> = {
  basic_date: fixed(BASIC_DATE),
  basic_date_time: fixed([...BASIC_DATE, lit('T'), ...BASIC_TIME, FRACTION, zoneOrOffset], [...BASIC_DATE, lit('T'), ...BASIC_TIME, PRINT_MILLIS, offset('XX')]),
  basic_date_time_no_millis: fixed([...BASIC_DATE, lit('T'), ...BASIC_TIME, zoneOrOffset], [...BASIC_DATE, lit('T'), ...BASIC_TIME, offset('XX')]),
  basic_ordinal_date: fixed([num('year', 4), num('dayOfYear', 3)]),
  basic_time: fixed([...BASIC_TIME, FRACTION, zoneOrOffset], [...BASIC_TIME, PRINT_MILLIS, offset('XX')]),
  basic_time_no_millis: fixed([...BASIC_TIME, zoneOrOffset], [...BASIC_TIME, offset('XX')]),
};

function buildNamedFormats(): Map<string, NamedFormat> {
  const all = new Map<string, NamedFormat>();
  for (const [name, format] of Object.entries(STRICT)) {
    all.set(name, format);
    // Every strict_x has a lenient x (date_optional_time, date, date_time, year_month, ...).
    all.set(name.replace(/^strict_/, ''), { parser: lenient(format.parser), printer: format.printer });
  }
  for (const [name, format] of Object.entries(BASIC)) all.set(name, format);
  all.set('iso8601', all.get('date_optional_time') as NamedFormat);
  return all;
}

export const NAMED_FORMATS: ReadonlyMap<string, NamedFormat> = buildNamedFormats();

export const EPOCH_MILLIS = 'epoch_millis';
export const EPOCH_SECOND = 'epoch_second';
