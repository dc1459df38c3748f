/** Real Elasticsearch routes outside the subset: 400 with `embedded_unsupported` and no side effect (§11). */
import { unsupported } from '../../errors';
import type { RouteDefinition } from '../router';

const ALL = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'];

function reject(feature: string, what: string): RouteDefinition['handler'] {
  return () => {
    throw unsupported(feature, what);
  };
}

/** Paths are matched like any route; every query parameter is accepted so the §11 answer wins. */
function route(path: string, feature: string, what: string, methods: string[] = ALL): RouteDefinition {
  return { methods, path, params: ANY_PARAMS, handler: reject(feature, what) };
}

/** A marker list: the server accepts any parameter for these routes. */
export const ANY_PARAMS: readonly string[] = Object.freeze(['*']);

export const UNSUPPORTED_ROUTES: RouteDefinition[] = [
  route('/_query', 'esql', 'ES|QL [/_query]'),
  route('/_query/async', 'esql', 'ES|QL [/_query/async]'),
  route('/_query/async/{id}', 'esql', 'ES|QL [/_query/async]'),
  route('/_query/async/{id}/stop', 'esql', 'ES|QL [/_query/async]'),
  route('/_scripts/{id}', 'script', 'stored scripts [/_scripts]'),
  route('/_scripts/{id}/{context}', 'script', 'stored scripts [/_scripts]'),
  route('/_scripts/painless/_execute', 'script', 'the painless execute API'),
  route('/_ingest/pipeline', 'pipeline', 'ingest pipelines [/_ingest]'),
  route('/_ingest/pipeline/{id}', 'pipeline', 'ingest pipelines [/_ingest]'),
  route('/_ingest/pipeline/_simulate', 'pipeline', 'ingest pipelines [/_ingest]'),
  route('/_ingest/pipeline/{id}/_simulate', 'pipeline', 'ingest pipelines [/_ingest]'),
  route('/_ingest/processor/grok', 'pipeline', 'ingest pipelines [/_ingest]'),
  route('/_inference/{id}', 'semantic', 'inference endpoints [/_inference]'),
  route('/_inference/{type}/{id}', 'semantic', 'inference endpoints [/_inference]'),
  route('/_inference', 'semantic', 'inference endpoints [/_inference]'),
  route('/_reindex', 'other', 'reindex [/_reindex]'),
  route('/{index}/_rollover', 'other', 'rollover [/_rollover]'),
  route('/{index}/_rollover/{new_index}', 'other', 'rollover [/_rollover]'),
  route('/_search/scroll', 'other', 'scroll searches [/_search/scroll]'),
  route('/_search/scroll/{id}', 'other', 'scroll searches [/_search/scroll]'),
  route('/_pit', 'other', 'point in time [/_pit]'),
  route('/{index}/_pit', 'other', 'point in time [/_pit]'),
  route('/_tasks', 'other', 'the task management API [/_tasks]'),
  route('/_tasks/{task_id}', 'other', 'the task management API [/_tasks]'),
  route('/_tasks/{task_id}/_cancel', 'other', 'the task management API [/_tasks]'),
  route('/_template', 'other', 'legacy index templates [/_template]'),
  route('/_template/{name}', 'other', 'legacy index templates [/_template]'),
  route('/_data_stream', 'other', 'data streams [/_data_stream]'),
  route('/_data_stream/{name}', 'other', 'data streams [/_data_stream]'),
  route('/_data_stream/_stats', 'other', 'data streams [/_data_stream]'),
  route('/{index}/_open', 'other', 'open/close index'),
  route('/{index}/_close', 'other', 'open/close index'),
  route('/{index}/_shrink/{target}', 'other', 'shrink'),
  route('/{index}/_split/{target}', 'other', 'split'),
  route('/{index}/_clone/{target}', 'other', 'clone'),
  route('/_async_search', 'other', 'async search [/_async_search]'),
  route('/{index}/_async_search', 'other', 'async search [/_async_search]'),
  route('/_async_search/{id}', 'other', 'async search [/_async_search]'),
  route('/{index}/_explain/{id}', 'other', 'explain [/_explain]'),
  route('/_validate/query', 'other', 'query validation [/_validate/query]'),
  route('/{index}/_validate/query', 'other', 'query validation [/_validate/query]'),
  route('/_field_caps', 'other', 'field capabilities [/_field_caps]'),
  route('/{index}/_field_caps', 'other', 'field capabilities [/_field_caps]'),
  route('/{index}/_termvectors', 'other', 'term vectors [/_termvectors]'),
  route('/{index}/_termvectors/{id}', 'other', 'term vectors [/_termvectors]'),
  route('/_mtermvectors', 'other', 'term vectors [/_mtermvectors]'),
  route('/_search/template', 'script', 'search templates [/_search/template]'),
  route('/{index}/_search/template', 'script', 'search templates [/_search/template]'),
  route('/_msearch/template', 'script', 'search templates [/_msearch/template]'),
  route('/_render/template', 'script', 'search templates [/_render/template]'),
  route('/_analyze', 'custom_analysis', 'the analyze API [/_analyze]'),
  route('/{index}/_analyze', 'custom_analysis', 'the analyze API [/_analyze]'),
  route('/_update_by_query/{task_id}/_rethrottle', 'other', 'rethrottling'),
  route('/_delete_by_query/{task_id}/_rethrottle', 'other', 'rethrottling'),
  route('/_reindex/{task_id}/_rethrottle', 'other', 'rethrottling'),
  route('/_snapshot', 'other', 'snapshots [/_snapshot]'),
  route('/_snapshot/{repository}', 'other', 'snapshots [/_snapshot]'),
  route('/_ilm/policy', 'other', 'index lifecycle management [/_ilm]'),
  route('/_ilm/policy/{policy}', 'other', 'index lifecycle management [/_ilm]'),
  route('/_security/{path}', 'other', 'the security API [/_security]'),
  route('/_security/{path}/{name}', 'other', 'the security API [/_security]'),
  route('/_transform/{id}', 'other', 'transforms [/_transform]'),
  route('/_ml/{path}', 'other', 'machine learning [/_ml]'),
  route('/_enrich/policy/{name}', 'other', 'enrich policies [/_enrich]'),
  route('/_stats', 'other', 'index statistics [/_stats]'),
  route('/{index}/_stats', 'other', 'index statistics [/_stats]'),
  route('/_segments', 'other', 'segments [/_segments]'),
  route('/{index}/_forcemerge', 'other', 'force merge [/_forcemerge]'),
  route('/_forcemerge', 'other', 'force merge [/_forcemerge]'),
  route('/_resolve/index/{name}', 'other', 'index resolution [/_resolve/index]'),
  route('/_license', 'other', 'licensing [/_license]'),
  route('/_xpack', 'other', 'the X-Pack info API [/_xpack]'),
  route('/_cat/{what}', 'other', 'this cat API'),
];
