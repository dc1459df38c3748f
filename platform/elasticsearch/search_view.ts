/**
 * The contract between storage (which indexes documents) and query/aggregation execution (which reads
 * them). A `SearchView` is an immutable point-in-time view of one index, taken at its last refresh
 * (Elasticsearch's "searchable view", spec §12). Doc ids are dense integers `0 .. maxDoc-1`; a doc id is
 * only meaningful inside the view that produced it.
 *
 * Readers never scan every document for term/terms/range/exists/ids: they ask a field index for
 * postings or point ranges and intersect sorted doc-id lists.
 */

export type LeafFieldType =
  | 'keyword'
  | 'constant_keyword'
  | 'wildcard'
  | 'text'
  | 'match_only_text'
  | 'long'
  | 'integer'
  | 'short'
  | 'byte'
  | 'double'
  | 'float'
  | 'half_float'
  | 'scaled_float'
  | 'date'
  | 'boolean'
  | 'ip'
  | 'flattened';

/** A resolved leaf field (aliases already followed, multi-fields have their full dotted path). */
export interface LeafFieldMapping {
  /** Full dotted path, e.g. `host.name` or `message.keyword`. */
  readonly path: string;
  readonly type: LeafFieldType;
  /** Mapping parameters as written (format, analyzer, search_analyzer, ignore_above, normalizer, null_value, scaling_factor, doc_values, index, ...). */
  readonly params: Readonly<Record<string, unknown>>;
}

/** Sorted ascending doc ids, no duplicates. May contain deleted docs: callers check `isLive`. */
export type DocIdList = Int32Array;

/**
 * keyword, constant_keyword, wildcard, boolean (terms `"false"`/`"true"`) and ip. ip terms are the
 * sortable key from `ip.ts` (`ipToKey`), so CIDR and range queries are term ranges.
 */
export interface TermsFieldIndex {
  readonly kind: 'terms';
  readonly mapping: LeafFieldMapping;
  /** Number of docs in the view with at least one value (Lucene docCount). */
  readonly docCount: number;
  /** Sum over terms of their doc frequency (for keyword BM25 avgdl). */
  readonly sumDocFreq: number;
  /** All distinct terms in byte order (UTF-16 code unit order is used; equal to byte order outside surrogates). */
  terms(): readonly string[];
  postings(term: string): DocIdList | undefined;
  /** Distinct values of one doc, sorted. Empty when the doc has none. */
  values(doc: number): readonly string[];
  /** Optional allocation-free doc values for aggregations (see `TermOrdinals`); absent means use `values`. */
  readonly ordinals?: TermOrdinals;
}

/**
 * Per-doc term ordinals of one view: `ord(doc)` is `ORD_NONE` (no value), `ORD_MULTI` (several: read
 * `values(doc)`) or an ordinal in `[0, count)` whose term is `term(ord)`. Ordinals are only meaningful
 * within the view that handed them out and follow no particular term order.
 */
export interface TermOrdinals {
  readonly count: number;
  ord(doc: number): number;
  term(ord: number): string;
}

export const ORD_NONE = -1;
export const ORD_MULTI = -2;

/** long/integer/short/byte/double/float/half_float/scaled_float and date (epoch millis). */
export interface NumericFieldIndex {
  readonly kind: 'numeric';
  readonly mapping: LeafFieldMapping;
  readonly docCount: number;
  /** Docs with at least one value in `[min, max]` (inclusive; use ±Infinity for open ends). */
  range(min: number, max: number): DocIdList;
  /** Values of one doc, sorted ascending. Empty when the doc has none. */
  values(doc: number): readonly number[];
  /** Optional allocation-free read: the doc's value when it has exactly one, else undefined (use `values`). */
  single?(doc: number): number | undefined;
}

export interface TextPostings {
  readonly docs: DocIdList;
  /** Term frequency per entry of `docs`. */
  readonly freqs: Int32Array;
}

/** text and match_only_text: analyzed postings with frequencies, positions and norms. */
export interface TextFieldIndex {
  readonly kind: 'text';
  readonly mapping: LeafFieldMapping;
  readonly docCount: number;
  /** Sum over docs of their field length in tokens (for BM25 avgdl). */
  readonly sumTotalTermFreq: number;
  terms(): readonly string[];
  postings(term: string): TextPostings | undefined;
  /** Token positions of `term` in `doc` (array values are separated by position_increment_gap). */
  positions(term: string, doc: number): Int32Array;
  /** Field length in tokens, as stored in the norm (already passed through Lucene SmallFloat). */
  fieldLength(doc: number): number;
}

export type FieldIndex = TermsFieldIndex | NumericFieldIndex | TextFieldIndex;

export interface IndexSettingsView {
  readonly maxResultWindow: number;
  readonly maxInnerResultWindow: number;
  readonly maxTermsCount: number;
  /** `index.query.default_field`, default `['*']`. */
  readonly defaultFields: readonly string[];
}

export interface SearchView {
  readonly index: string;
  readonly uuid: string;
  readonly settings: IndexSettingsView;
  /** Doc ids are `0 .. maxDoc-1`. */
  readonly maxDoc: number;
  /** Live (not deleted, not superseded) docs in this view. */
  readonly numDocs: number;
  isLive(doc: number): boolean;
  /** The field index of a leaf path (alias fields resolve to their target); undefined when unmapped. */
  field(path: string): FieldIndex | undefined;
  /** The mapping of a leaf path even when it is not indexed (e.g. `index:false`), undefined when unmapped. */
  mapping(path: string): LeafFieldMapping | undefined;
  /** Every mapped leaf path including multi-fields, sorted (for wildcards in fields and `exists`). */
  fieldPaths(): readonly string[];
  /** Mapped object paths (for `exists` on an object: true when any subfield exists). */
  objectPaths(): readonly string[];
  id(doc: number): string;
  seqNo(doc: number): number;
  version(doc: number): number;
  primaryTerm(doc: number): number;
  routing(doc: number): string | undefined;
  /** The `_source` exactly as received (the REST layer can splice it into responses unparsed). */
  rawSource(doc: number): string;
  /** Parsed `_source` (lossless for integers above 2^53 is the REST layer's job via rawSource). */
  source(doc: number): Record<string, unknown>;
}
