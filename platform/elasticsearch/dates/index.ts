export { DEFAULT_DATE_FORMAT, DateParseError, parseDate, formatDate, isParsableDate, validateDateFormat } from './formats';
export { DateFormatError } from './pattern';
export { DateMathError, resolveDateMath, roundDownToUnit, addDateUnits, type DateMathOptions, type DateMathUnit } from './date_math';
export { DEFAULT_DYNAMIC_DATE_FORMATS, dynamicDateFormat, looksLikeDynamicDate } from './dynamic';
export { resolveTimeZone, TimeZoneError, type ZoneRules } from './time_zone';
