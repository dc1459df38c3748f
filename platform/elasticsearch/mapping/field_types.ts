import type { LeafFieldType } from '../search_view';

/** Parameters each supported leaf type accepts (besides `type` and `fields`). */
const COMMON = ['meta', 'boost', 'store'];
const NUMERIC = [...COMMON, 'coerce', 'doc_values', 'ignore_malformed', 'index', 'null_value', 'time_series_dimension', 'time_series_metric', 'on_script_error'];

export const LEAF_PARAMS: Readonly<Record<LeafFieldType, readonly string[]>> = {
  keyword: [...COMMON, 'index', 'doc_values', 'ignore_above', 'null_value', 'normalizer', 'eager_global_ordinals', 'similarity', 'split_queries_on_whitespace', 'index_options', 'norms', 'time_series_dimension', 'on_script_error'],
  constant_keyword: ['meta', 'value'],
  wildcard: ['meta', 'ignore_above', 'null_value'],
  text: [...COMMON, 'analyzer', 'search_analyzer', 'search_quote_analyzer', 'index', 'index_options', 'norms', 'position_increment_gap', 'fielddata', 'fielddata_frequency_filter', 'eager_global_ordinals', 'index_prefixes', 'index_phrases', 'term_vector', 'similarity'],
  match_only_text: ['meta'],
  long: NUMERIC,
  integer: NUMERIC,
  short: NUMERIC,
  byte: NUMERIC,
  double: NUMERIC,
  float: NUMERIC,
  half_float: NUMERIC,
  scaled_float: [...NUMERIC, 'scaling_factor'],
  date: [...COMMON, 'format', 'locale', 'ignore_malformed', 'index', 'doc_values', 'null_value', 'on_script_error'],
  boolean: [...COMMON, 'doc_values', 'index', 'null_value', 'ignore_malformed', 'on_script_error'],
  ip: [...COMMON, 'doc_values', 'ignore_malformed', 'index', 'null_value', 'on_script_error', 'time_series_dimension'],
  flattened: ['meta', 'boost', 'depth_limit', 'doc_values', 'eager_global_ordinals', 'ignore_above', 'index', 'index_options', 'null_value', 'similarity', 'split_queries_on_whitespace', 'time_series_dimensions'],
};

export function isLeafType(type: string): type is LeafFieldType {
  return Object.prototype.hasOwnProperty.call(LEAF_PARAMS, type);
}

/** Mapping types outside the subset (spec §3/§11) and the feature id each is rejected with. */
export const UNSUPPORTED_TYPES: Readonly<Record<string, string>> = {
  date_nanos: 'date_nanos',
  unsigned_long: 'unsigned_long',
  geo_point: 'geo',
  geo_shape: 'geo',
  shape: 'geo',
  point: 'geo',
  binary: 'binary',
  integer_range: 'range_fields',
  float_range: 'range_fields',
  long_range: 'range_fields',
  double_range: 'range_fields',
  date_range: 'range_fields',
  ip_range: 'range_fields',
  join: 'join',
  dense_vector: 'knn',
  sparse_vector: 'knn',
  rank_vectors: 'knn',
  semantic_text: 'semantic',
  percolator: 'percolator',
  rank_feature: 'rank_feature',
  rank_features: 'rank_feature',
  search_as_you_type: 'search_as_you_type',
  completion: 'completion',
  token_count: 'token_count',
  histogram: 'histogram',
  aggregate_metric_double: 'aggregate_metric_double',
  annotated_text: 'annotated_text',
  version: 'version_field',
  murmur3: 'murmur3',
  counted_keyword: 'counted_keyword',
  passthrough: 'passthrough',
};

export const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  long: [-9223372036854775808, 9223372036854775807],
};

export function isNumericType(type: LeafFieldType): boolean {
  switch (type) {
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return true;
    default:
      return false;
  }
}

export function isTextType(type: LeafFieldType): boolean {
  return type === 'text' || type === 'match_only_text';
}

/** keyword-like types indexed as terms (boolean and ip too, with their own term encodings). */
export function isTermsType(type: LeafFieldType): boolean {
  return type === 'keyword' || type === 'constant_keyword' || type === 'wildcard' || type === 'boolean' || type === 'ip' || type === 'flattened';
}
