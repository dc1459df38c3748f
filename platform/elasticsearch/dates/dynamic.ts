import { DEFAULT_DATE_FORMAT, isParsableDate } from './formats';

/** Elasticsearch's default `dynamic_date_formats` (RootObjectMapper). The first match becomes the mapping's format. */
export const DEFAULT_DYNAMIC_DATE_FORMATS: readonly string[] = [DEFAULT_DATE_FORMAT, 'yyyy/MM/dd HH:mm:ss||yyyy/MM/dd||epoch_millis'];

/**
 * The dynamic date format a new string field would get, or undefined when it stays text. Like
 * Elasticsearch, only strings containing `:`, `-` or `/` are tried ("1" would parse as a year).
 */
export function dynamicDateFormat(value: string, formats: readonly string[] = DEFAULT_DYNAMIC_DATE_FORMATS): string | undefined {
  if (!value.includes(':') && !value.includes('-') && !value.includes('/')) return undefined;
  return formats.find((format) => isParsableDate(value, format));
}

export function looksLikeDynamicDate(value: string): boolean {
  return dynamicDateFormat(value) !== undefined;
}
