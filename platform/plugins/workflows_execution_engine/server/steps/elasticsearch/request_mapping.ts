/**
 * `elasticsearch.*` parameter mapping (workflow-engine §2.4), pure: path keys fill the URL, the API's documented
 * URL-only parameters go to the query string, a `body` key is merged into the body and every other key goes there too.
 */

export type EsStepType = 'search' | 'esql.query' | 'index' | 'update' | 'bulk' | 'request';

export interface EsTransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'PATCH';
  path: string;
  querystring: Record<string, unknown>;
  body?: unknown;
  /** NDJSON operations (bulk). */
  bulkBody?: unknown[] | string;
  headers?: Record<string, string>;
}

const COMMON = ['error_trace', 'filter_path', 'human', 'pretty'];

/** Parameters these APIs accept only in the URL; keys also accepted in the body (size, from, …) stay in the body. */
export const URL_PARAMS: Record<Exclude<EsStepType, 'request'>, ReadonlySet<string>> = {
  search: new Set([
    ...COMMON,
    'allow_no_indices',
    'allow_partial_search_results',
    'analyzer',
    'analyze_wildcard',
    'batched_reduce_size',
    'ccs_minimize_roundtrips',
    'default_operator',
    'df',
    'expand_wildcards',
    'force_synthetic_source',
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
    'suggest_field',
    'suggest_mode',
    'suggest_size',
    'suggest_text',
    'typed_keys',
    '_source_excludes',
    '_source_includes',
  ]),
  'esql.query': new Set([...COMMON, 'format', 'delimiter', 'drop_null_columns', 'allow_partial_results']),
  index: new Set([
    ...COMMON,
    'if_primary_term',
    'if_seq_no',
    'include_source_on_error',
    'op_type',
    'pipeline',
    'refresh',
    'require_alias',
    'require_data_stream',
    'routing',
    'timeout',
    'version',
    'version_type',
    'wait_for_active_shards',
  ]),
  update: new Set([
    ...COMMON,
    'if_primary_term',
    'if_seq_no',
    'include_source_on_error',
    'lang',
    'refresh',
    'require_alias',
    'retry_on_conflict',
    'routing',
    'timeout',
    'wait_for_active_shards',
    '_source_excludes',
    '_source_includes',
  ]),
  bulk: new Set([
    ...COMMON,
    'include_source_on_error',
    'list_executed_pipelines',
    'pipeline',
    'refresh',
    'require_alias',
    'require_data_stream',
    'routing',
    'timeout',
    'wait_for_active_shards',
    '_source',
    '_source_excludes',
    '_source_includes',
  ]),
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An index name or list, comma-joined, each name escaped for the URL path. */
export function indexPath(index: string | readonly string[]): string {
  const names = typeof index === 'string' ? index.split(',') : index;
  return names.map((name) => encodeURIComponent(name.trim())).join(',');
}

/** Splits the keys of `params` (minus `pathKeys`) into query string and body for one API. */
function split(
  type: Exclude<EsStepType, 'request'>,
  params: Record<string, unknown>,
  pathKeys: readonly string[],
): { querystring: Record<string, unknown>; body: Record<string, unknown> } {
  const urlParams = URL_PARAMS[type];
  const querystring: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (pathKeys.includes(key) || key === 'body' || value === undefined) continue;
    if (urlParams.has(key)) querystring[key] = value;
    else body[key] = value;
  }
  if (isRecord(params.body)) Object.assign(body, params.body);
  return { querystring, body };
}

export function mapSearch(params: Record<string, unknown> & { index?: string | string[] }): EsTransportRequest {
  const { querystring, body } = split('search', params, ['index']);
  const path = params.index === undefined || (Array.isArray(params.index) && params.index.length === 0) ? '/_search' : `/${indexPath(params.index)}/_search`;
  return { method: 'POST', path, querystring, body };
}

export function mapEsqlQuery(params: Record<string, unknown>): EsTransportRequest {
  const { querystring, body } = split('esql.query', params, []);
  return { method: 'POST', path: '/_query', querystring, body };
}

export function mapIndex(params: Record<string, unknown> & { index: string; id?: string | number }): EsTransportRequest {
  const { document, ...rest } = params;
  const { querystring, body: others } = split('index', rest, ['index', 'id']);
  const body = isRecord(document) ? { ...others, ...document } : others;
  const base = `/${indexPath(params.index)}/_doc`;
  return params.id === undefined || params.id === ''
    ? { method: 'POST', path: base, querystring, body }
    : { method: 'PUT', path: `${base}/${encodeURIComponent(String(params.id))}`, querystring, body };
}

export function mapUpdate(params: Record<string, unknown> & { index: string; id: string | number }): EsTransportRequest {
  const { querystring, body } = split('update', params, ['index', 'id']);
  return { method: 'POST', path: `/${indexPath(params.index)}/_update/${encodeURIComponent(String(params.id))}`, querystring, body };
}

export function mapBulk(params: Record<string, unknown> & { index?: string; operations?: unknown[] }): EsTransportRequest {
  const querystring: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (URL_PARAMS.bulk.has(key) && value !== undefined) querystring[key] = value;
  const path = params.index ? `/${indexPath(params.index)}/_bulk` : '/_bulk';
  const ndjson = typeof params.body === 'string' ? (params.body.endsWith('\n') ? params.body : `${params.body}\n`) : undefined;
  return { method: 'POST', path, querystring, bulkBody: params.operations ?? ndjson };
}

export function mapRequest(params: {
  method: EsTransportRequest['method'];
  path: string;
  body?: unknown;
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
}): EsTransportRequest {
  const [rawPath, inlineQuery] = params.path.split(/\?(.*)/s, 2);
  const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  // A query written into the path is kept; `query` keys win over it.
  const querystring: Record<string, unknown> = inlineQuery ? Object.fromEntries(new URLSearchParams(inlineQuery)) : {};
  return {
    method: params.method,
    path,
    querystring: { ...querystring, ...params.query },
    ...(params.body === undefined ? {} : { body: params.body }),
    ...(params.headers ? { headers: params.headers } : {}),
  };
}
