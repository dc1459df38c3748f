/** Validation and parsing of a `_search` body (§5) into a request object; these are top-level 400s. */
import { EsError, illegalArgument, parsingException, unsupported, validationFailed } from '../errors';
import { isPlainObject, parseQuery, tokenName, type QueryNode } from '../query';
import { parseFieldRequests, type FieldRequest } from './hits';
import { parseSort, type SortSpec } from './sort';
import { parseSourceFilter, type SourceFilter } from './source_filter';

export interface SearchRequest {
  query: QueryNode | undefined;
  from: number;
  size: number;
  sort: SortSpec[] | undefined;
  searchAfter: unknown[] | undefined;
  source: SourceFilter | false | undefined;
  /** true = exact, false = off, number = count up to. */
  trackTotalHits: boolean | number;
  trackTotalHitsSet: boolean;
  trackScores: boolean;
  minScore: number | undefined;
  aggs: unknown;
  postFilter: QueryNode | undefined;
  version: boolean;
  seqNoPrimaryTerm: boolean;
  storedFieldsNone: boolean;
  /** stored_fields given (without `_source` requested explicitly) drops `_source`. */
  storedFieldsOnly: boolean;
  terminateAfter: number | undefined;
  fields: FieldRequest[] | undefined;
}

const UNSUPPORTED_KEYS: Record<string, [string, string]> = {
  highlight: ['other', 'highlight'],
  collapse: ['other', 'collapse'],
  suggest: ['other', 'suggest'],
  rescore: ['other', 'rescore'],
  explain: ['other', 'explain'],
  profile: ['other', 'profile'],
  script_fields: ['script', 'script_fields'],
  runtime_mappings: ['runtime_mappings', 'runtime_mappings'],
  knn: ['knn', 'knn search'],
  retriever: ['knn', 'retrievers'],
  rank: ['other', 'rank'],
  sub_searches: ['other', 'sub_searches'],
  pit: ['other', 'point in time'],
  slice: ['other', 'slice'],
  indices_boost: ['other', 'indices_boost'],
  scroll: ['other', 'scroll'],
};

const KNOWN_KEYS = new Set([
  'query', 'from', 'size', 'sort', 'search_after', '_source', 'track_total_hits', 'track_scores', 'min_score', 'aggs',
  'aggregations', 'post_filter', 'version', 'seq_no_primary_term', 'stored_fields', 'timeout', 'terminate_after', 'fields',
  'docvalue_fields', 'stats', 'ext', '_name',
]);

/** Off-by-default flags whose `false` value is harmless. */
const FALSE_IS_FINE = new Set(['explain', 'profile']);

function integer(name: string, v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw parsingException(`[${name}] failed to parse field [${name}]`);
  return n;
}

function bool(name: string, v: unknown): boolean {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw parsingException(`[${name}] failed to parse field [${name}]`);
}

export function parseSearchBody(body: unknown): SearchRequest {
  const b = body === undefined || body === null ? {} : body;
  if (!isPlainObject(b)) throw parsingException('Expected [START_OBJECT] but found [' + tokenName(b) + ']');
  for (const [key, value] of Object.entries(b)) {
    const u = UNSUPPORTED_KEYS[key];
    if (u) {
      if (FALSE_IS_FINE.has(key) && (value === false || value === 'false')) continue;
      throw unsupported(u[0], `[${key}]`);
    }
    if (!KNOWN_KEYS.has(key)) throw parsingException(`Unknown key for a ${tokenName(value)} in [${key}].`);
  }
  const from = b.from === undefined || b.from === null ? 0 : integer('from', b.from);
  if (from < 0) throw illegalArgument(`[from] parameter cannot be negative but was [${from}]`);
  const size = b.size === undefined || b.size === null ? 10 : integer('size', b.size);
  if (size < 0) throw illegalArgument(`[size] parameter cannot be negative, found [${size}]`);

  let trackTotalHits: boolean | number = 10000;
  const trackTotalHitsSet = b.track_total_hits !== undefined && b.track_total_hits !== null;
  if (trackTotalHitsSet) {
    const t = b.track_total_hits;
    if (t === true || t === 'true') trackTotalHits = true;
    else if (t === false || t === 'false') trackTotalHits = false;
    else {
      const n = integer('track_total_hits', t);
      if (n < -1) throw illegalArgument(`[track_total_hits] parameter must be positive or equals to -1, got ${n}`);
      trackTotalHits = n === -1 || n === 2147483647 ? true : n;
    }
  }

  const sort = b.sort === undefined || b.sort === null ? undefined : parseSort(b.sort);
  let searchAfter: unknown[] | undefined;
  if (b.search_after !== undefined && b.search_after !== null) {
    if (!Array.isArray(b.search_after)) throw parsingException('[search_after] must be an array');
    searchAfter = b.search_after;
    if (from > 0) throw validationFailed(['`from` parameter must be set to 0 when `search_after` is used.']);
    if (!sort || sort.length === 0) throw illegalArgument('Sort must contain at least one field.');
    if (searchAfter.length !== sort.length) {
      throw illegalArgument(`search_after has ${searchAfter.length} value(s) but sort has ${sort.length}.`);
    }
  }

  let minScore: number | undefined;
  if (b.min_score !== undefined && b.min_score !== null) {
    const n = typeof b.min_score === 'number' ? b.min_score : Number(b.min_score);
    if (!Number.isFinite(n)) throw parsingException('[min_score] failed to parse field [min_score]');
    minScore = Math.fround(n);
  }
  if (b.aggs !== undefined && b.aggregations !== undefined) {
    throw parsingException('Found two aggregation definitions in [aggs] and [aggregations]');
  }

  let storedFieldsNone = false;
  let storedFieldsOnly = false;
  if (b.stored_fields !== undefined && b.stored_fields !== null) {
    const list = Array.isArray(b.stored_fields) ? b.stored_fields.map(String) : [String(b.stored_fields)];
    if (list.includes('_none_')) {
      if (list.length > 1) throw illegalArgument("The parameter [_none_] cannot be used in combination with other stored fields");
      if (b._source !== undefined && b._source !== false) {
        throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: [stored_fields] cannot be disabled if [_source] is requested;');
      }
      storedFieldsNone = true;
    } else if (b._source === undefined && !list.includes('_source')) {
      storedFieldsOnly = true;
    }
  }

  let terminateAfter: number | undefined;
  if (b.terminate_after !== undefined && b.terminate_after !== null) {
    terminateAfter = integer('terminate_after', b.terminate_after);
    if (terminateAfter < 0) throw illegalArgument('terminateAfter must be > 0');
    if (terminateAfter === 0) terminateAfter = undefined;
  }

  const fields = b.fields === undefined ? undefined : parseFieldRequests(b.fields);
  const docvalueFields = b.docvalue_fields === undefined ? [] : parseFieldRequests(b.docvalue_fields);

  return {
    query: b.query === undefined || b.query === null ? undefined : parseQuery(b.query),
    from,
    size,
    sort,
    searchAfter,
    source: storedFieldsOnly ? false : parseSourceFilter(b._source),
    trackTotalHits,
    trackTotalHitsSet,
    trackScores: b.track_scores === undefined ? false : bool('track_scores', b.track_scores),
    minScore,
    aggs: b.aggs ?? b.aggregations,
    postFilter: b.post_filter === undefined || b.post_filter === null ? undefined : parseQuery(b.post_filter),
    version: b.version === undefined ? false : bool('version', b.version),
    seqNoPrimaryTerm: b.seq_no_primary_term === undefined ? false : bool('seq_no_primary_term', b.seq_no_primary_term),
    storedFieldsNone,
    storedFieldsOnly,
    terminateAfter,
    fields: fields || docvalueFields.length > 0 ? [...(fields ?? []), ...docvalueFields] : undefined,
  };
}
