/** Search execution over SearchViews (no HTTP): `_search`, `_count`, by-query selection, `_source` filtering. */
export { executeSearch, executeCount, matchingDocs, type SearchTarget, type SearchOptions } from './execute_search';
export { filterSource } from './source_filter';
export { float32Number } from './float32';
