/** Per-document values of a field for aggregations, with Elasticsearch's per-index type errors. */
import { DEFAULT_DATE_FORMAT } from '../dates';
import { EsError, illegalArgument, unsupported } from '../errors';
import { fieldGroup, type FieldGroup } from '../query';
import type { LeafFieldMapping, NumericFieldIndex, SearchView, TermsFieldIndex } from '../search_view';

export type ValueSource =
  | { kind: 'numeric'; mapping: LeafFieldMapping; group: FieldGroup; fi: NumericFieldIndex }
  | { kind: 'terms'; mapping: LeafFieldMapping; group: FieldGroup; fi: TermsFieldIndex }
  | { kind: 'unmapped' };

export function fielddataError(field: string): EsError {
  return illegalArgument(
    `Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [${field}] in order to load field data by uninverting the inverted index. Note that this can use significant memory.`,
  );
}

export function unsupportedFieldType(field: string, type: string, agg: string): EsError {
  return illegalArgument(`Field [${field}] of type [${type}] is not supported for aggregation [${agg}]`);
}

/** Resolves the values of `field`; `accept` lists the field groups the aggregation supports. */
export function valueSource(view: SearchView, field: string, agg: string, accept: readonly FieldGroup[]): ValueSource {
  const fi = view.field(field);
  const mapping = fi?.mapping ?? view.mapping(field);
  if (!mapping) return { kind: 'unmapped' };
  const group = fieldGroup(mapping.type);
  if (group === 'text') throw fielddataError(field);
  if (!accept.includes(group)) throw unsupportedFieldType(field, mapping.type, agg);
  if (!fi) {
    throw illegalArgument(`Can't load fielddata on [${field}] because fielddata is unsupported on fields of type [${mapping.type}]. Use doc values instead.`);
  }
  if (fi.kind === 'numeric') return { kind: 'numeric', mapping, group, fi };
  if (fi.kind === 'terms') return { kind: 'terms', mapping, group, fi };
  throw fielddataError(field);
}

/** Numeric view of values: numbers as stored, booleans as 0/1. */
export function numericValues(src: ValueSource, doc: number): readonly number[] {
  if (src.kind === 'numeric') return src.fi.values(doc);
  if (src.kind === 'terms' && src.group === 'boolean') return src.fi.values(doc).map((v) => (v === 'true' ? 1 : 0));
  return [];
}

/** The doc's only numeric value without allocating; undefined when it has none or several (read `numericValues`). */
export function singleNumber(src: ValueSource, doc: number): number | undefined {
  return src.kind === 'numeric' && src.fi.single !== undefined ? src.fi.single(doc) : undefined;
}

export function dateFormatFor(src: ValueSource, override: string | undefined): string {
  if (override !== undefined) return override;
  if (src.kind !== 'unmapped' && typeof src.mapping.params.format === 'string') return src.mapping.params.format;
  return DEFAULT_DATE_FORMAT;
}

export function requireField(agg: string, params: Record<string, unknown>): string {
  const field = params.field;
  if (typeof field === 'string') return field;
  if (params.script !== undefined) throw scriptUnsupported(agg);
  throw illegalArgument(`Required one of fields [field, script], but none were specified.`);
}

export function scriptUnsupported(agg: string): EsError {
  return unsupported('script', `a script in the [${agg}] aggregation`);
}
