/** `_search`, `_count`, `_msearch`: URL parameters merged into the body, targets resolved with alias filters. */
import { EsError, illegalArgument, parsingException, unsupported } from '../../errors';
import { SEARCH_DEFAULT_OPTIONS, parseExpandWildcards, type IndicesOptions } from '../../node';
import { executeCount, executeSearch, type SearchTarget } from '../../search';
import { jsonParseError, parseJsonBody } from '../json_body';
import type { QueryParams } from '../params';
import type { RestRequest, RestResponse } from '../types';
import { isObject, sourceFilterFromParams } from './common';

export const SEARCH_PARAMS = [
  'allow_no_indices',
  'allow_partial_search_results',
  'analyzer',
  'analyze_wildcard',
  'batched_reduce_size',
  'ccs_minimize_roundtrips',
  'default_operator',
  'df',
  'docvalue_fields',
  'expand_wildcards',
  'explain',
  'from',
  'ignore_throttled',
  'ignore_unavailable',
  'include_named_queries_score',
  'lenient',
  'max_concurrent_shard_requests',
  'pre_filter_shard_size',
  'preference',
  'q',
  'request_cache',
  'rest_total_hits_as_int',
  'routing',
  'scroll',
  'search_type',
  'seq_no_primary_term',
  'size',
  'sort',
  '_source',
  '_source_excludes',
  '_source_includes',
  'stats',
  'stored_fields',
  'suggest_field',
  'suggest_mode',
  'suggest_size',
  'suggest_text',
  'terminate_after',
  'timeout',
  'track_scores',
  'track_total_hits',
  'typed_keys',
  'version',
  'force_synthetic_source',
];

export const COUNT_PARAMS = [
  'allow_no_indices',
  'analyzer',
  'analyze_wildcard',
  'default_operator',
  'df',
  'expand_wildcards',
  'ignore_throttled',
  'ignore_unavailable',
  'lenient',
  'min_score',
  'preference',
  'q',
  'routing',
  'terminate_after',
];

/** Rejects URL parameters outside the subset (spec §11). */
function rejectUnsupportedParams(params: QueryParams): void {
  if (params.has('q')) throw unsupported('other', 'the query string search parameter [q]');
  if (params.has('scroll')) throw unsupported('other', 'scroll searches [scroll]');
  if (params.bool('explain', false)) throw unsupported('other', 'explain');
  if (params.has('suggest_field')) throw unsupported('other', 'suggesters');
  const searchType = params.get('search_type');
  if (searchType !== undefined && searchType !== 'query_then_fetch' && searchType !== 'dfs_query_then_fetch') {
    throw illegalArgument(`No search type for [${searchType}]`);
  }
}

function urlSort(value: string): unknown[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const i = s.lastIndexOf(':');
      if (i < 0) return s;
      return { [s.slice(0, i)]: s.slice(i + 1) };
    });
}

function trackTotalHits(value: string): boolean | number {
  if (value === 'true' || value === '') return true;
  if (value === 'false') return false;
  if (/^-?\d+$/.test(value)) return Number(value);
  throw illegalArgument(`Failed to parse value [${value}] as only [true] or [false] are allowed.`);
}

/** URL parameters win over the body, as in Elasticsearch's RestSearchAction. */
export function mergeSearchParams(body: Record<string, unknown>, params: QueryParams): Record<string, unknown> {
  const out = { ...body };
  const from = params.int('from');
  if (from !== undefined) out.from = from;
  const size = params.int('size');
  if (size !== undefined) out.size = size;
  const sort = params.get('sort');
  if (sort !== undefined) out.sort = urlSort(sort);
  const source = sourceFilterFromParams(params);
  if (source !== undefined) out._source = source;
  const storedFields = params.get('stored_fields');
  if (storedFields !== undefined) out.stored_fields = storedFields.split(',');
  const tth = params.get('track_total_hits');
  if (tth !== undefined) out.track_total_hits = trackTotalHits(tth);
  for (const flag of ['track_scores', 'version', 'seq_no_primary_term'] as const) {
    const v = params.optionalBool(flag);
    if (v !== undefined) out[flag] = v;
  }
  const timeout = params.get('timeout');
  if (timeout !== undefined) out.timeout = timeout;
  const terminateAfter = params.int('terminate_after');
  if (terminateAfter !== undefined) out.terminate_after = terminateAfter;
  const docvalueFields = params.get('docvalue_fields');
  if (docvalueFields !== undefined) out.docvalue_fields = docvalueFields.split(',');
  return out;
}

export function searchTargets(req: RestRequest, expression: string | string[] | undefined, options: IndicesOptions): SearchTarget[] {
  return req.node.resolveWithFilters(expression, options).map(({ state, aliasFilters }) => {
    req.node.prepareSearch(state);
    return aliasFilters ? { view: state.shard.searchView(), aliasFilters } : { view: state.shard.searchView() };
  });
}

function bodyObject(req: RestRequest): Record<string, unknown> {
  const body = req.body();
  if (body === undefined) return {};
  if (!isObject(body)) throw parsingException('Expected [START_OBJECT] but found [START_ARRAY]');
  return body;
}

export function search(req: RestRequest): RestResponse {
  rejectUnsupportedParams(req.params);
  const body = mergeSearchParams(bodyObject(req), req.params);
  const options = req.params.indicesOptions(SEARCH_DEFAULT_OPTIONS);
  const targets = searchTargets(req, req.pathParams.index, options);
  const result = executeSearch(targets, body, {
    now: Date.now(),
    restTotalHitsAsInt: req.params.bool('rest_total_hits_as_int', false),
    typedKeys: req.params.bool('typed_keys', false),
    ignoreUnavailable: options.ignoreUnavailable,
  });
  return { status: 200, body: result };
}

export function count(req: RestRequest): RestResponse {
  if (req.params.has('q')) throw unsupported('other', 'the query string search parameter [q]');
  const body = { ...bodyObject(req) };
  const minScore = req.params.get('min_score');
  if (minScore !== undefined) body.min_score = Number(minScore);
  const terminateAfter = req.params.int('terminate_after');
  if (terminateAfter !== undefined) body.terminate_after = terminateAfter;
  const options = req.params.indicesOptions(SEARCH_DEFAULT_OPTIONS);
  const targets = searchTargets(req, req.pathParams.index, options);
  return { status: 200, body: executeCount(targets, body, { now: Date.now(), ignoreUnavailable: options.ignoreUnavailable }) };
}

export const MSEARCH_PARAMS = [
  'allow_no_indices',
  'ccs_minimize_roundtrips',
  'expand_wildcards',
  'ignore_throttled',
  'ignore_unavailable',
  'include_named_queries_score',
  'max_concurrent_searches',
  'max_concurrent_shard_requests',
  'pre_filter_shard_size',
  'rest_total_hits_as_int',
  'routing',
  'search_type',
  'typed_keys',
];

const HEADER_KEYS = new Set([
  'index',
  'indices',
  'expand_wildcards',
  'ignore_unavailable',
  'allow_no_indices',
  'search_type',
  'preference',
  'routing',
  'request_cache',
  'allow_partial_search_results',
  'ccs_minimize_roundtrips',
  'ignore_throttled',
]);

function headerOptions(header: Record<string, unknown>, base: IndicesOptions): IndicesOptions {
  const bool = (v: unknown, fallback: boolean): boolean => (v === undefined ? fallback : v === true || v === 'true');
  const expand = header.expand_wildcards;
  return {
    ignoreUnavailable: bool(header.ignore_unavailable, base.ignoreUnavailable),
    allowNoIndices: bool(header.allow_no_indices, base.allowNoIndices),
    expandWildcards:
      expand === undefined ? base.expandWildcards : parseExpandWildcards(Array.isArray(expand) ? expand.join(',') : String(expand)),
  };
}

export async function msearch(req: RestRequest): Promise<RestResponse> {
  const started = performance.now();
  const text = req.bodyText;
  if (text.trim().length === 0) {
    throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: no requests added;');
  }
  if (!text.endsWith('\n')) throw illegalArgument('The msearch request must be terminated by a newline [\\n]');
  const lines = text.split('\n');
  lines.pop();
  const baseOptions = req.params.indicesOptions(SEARCH_DEFAULT_OPTIONS);
  const restTotalHitsAsInt = req.params.bool('rest_total_hits_as_int', false);
  const typedKeys = req.params.bool('typed_keys', false);
  const responses: unknown[] = [];
  let i = 0;
  while (i < lines.length) {
    const headerLine = lines[i++];
    if (headerLine.trim().length === 0 && i >= lines.length) break;
    let header: unknown;
    try {
      header = headerLine.trim().length === 0 ? {} : JSON.parse(headerLine);
    } catch (e) {
      throw jsonParseError(headerLine, e);
    }
    if (!isObject(header)) throw parsingException('msearch header must be an object');
    for (const key of Object.keys(header)) {
      if (!HEADER_KEYS.has(key)) throw illegalArgument(`key [${key}] is not supported in the metadata section`);
    }
    if (i >= lines.length) throw illegalArgument('The msearch request must be terminated by a newline [\\n]');
    const bodyLine = lines[i++];
    try {
      const body: unknown = bodyLine.trim().length === 0 ? {} : parseJsonBody(bodyLine);
      if (!isObject(body)) throw parsingException('Expected [START_OBJECT] but found [START_ARRAY]');
      const indexValue = header.index ?? header.indices;
      const expression =
        indexValue === undefined
          ? req.pathParams.index
          : Array.isArray(indexValue)
            ? indexValue.map(String)
            : String(indexValue);
      const options = headerOptions(header, baseOptions);
      const targets = searchTargets(req, expression, options);
      const result = executeSearch(targets, body, { now: Date.now(), restTotalHitsAsInt, typedKeys, ignoreUnavailable: options.ignoreUnavailable });
      responses.push({ ...result, status: 200 });
    } catch (e) {
      if (!(e instanceof EsError)) throw e;
      responses.push({ ...e.toBody() });
    }
    // Let other requests in between searches of a long msearch.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (responses.length === 0) {
    throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: no requests added;');
  }
  return { status: 200, body: { took: Math.round(performance.now() - started), responses } };
}
