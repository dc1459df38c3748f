/** The routing table: every endpoint of the subset with its accepted query parameters (rest-api-spec). */
import type { RouteDefinition } from './router';
import { INDICES_OPTIONS, MASTER } from './params';
import { rootInfo, clusterHealth, getClusterSettings, putClusterSettings } from './handlers/cluster';
import {
  createIndex,
  deleteIndex,
  flushIndices,
  getIndex,
  getMapping,
  getSettings,
  indexExists,
  putMapping,
  putSettings,
  refreshIndices,
} from './handlers/indices';
import { aliasExists, deleteAlias, getAlias, putAlias, updateAliases } from './handlers/aliases';
import {
  componentTemplateExists,
  deleteComponentTemplate,
  deleteIndexTemplate,
  getComponentTemplate,
  getIndexTemplate,
  indexTemplateExists,
  putComponentTemplate,
  putIndexTemplate,
  simulateIndex,
} from './handlers/templates';
import { createDoc, deleteDoc, docExists, getDoc, getSource, indexDoc, updateDoc } from './handlers/documents';
import { bulk } from './handlers/bulk';
import { mget } from './handlers/mget';
import { COUNT_PARAMS, MSEARCH_PARAMS, SEARCH_PARAMS, count, msearch, search } from './handlers/search';
import { BY_QUERY_PARAMS, deleteByQuery, updateByQuery } from './handlers/by_query';
import { catIndices } from './handlers/cat_indices';
import { UNSUPPORTED_ROUTES } from './handlers/unsupported';

const WRITE_PARAMS = ['if_seq_no', 'if_primary_term', 'op_type', 'pipeline', 'refresh', 'routing', 'timeout', 'version', 'version_type', 'wait_for_active_shards', 'require_alias', 'require_data_stream', 'include_source_on_error', 'list_executed_pipelines'];
const GET_PARAMS = ['_source', '_source_excludes', '_source_includes', '_source_exclude', '_source_include', 'preference', 'realtime', 'refresh', 'routing', 'stored_fields', 'version', 'version_type', 'force_synthetic_source'];
const DELETE_PARAMS = ['if_seq_no', 'if_primary_term', 'refresh', 'routing', 'timeout', 'version', 'version_type', 'wait_for_active_shards'];
const UPDATE_PARAMS = ['_source', '_source_excludes', '_source_includes', 'if_seq_no', 'if_primary_term', 'lang', 'refresh', 'require_alias', 'retry_on_conflict', 'routing', 'timeout', 'wait_for_active_shards', 'include_source_on_error'];
const BULK_PARAMS = ['_source', '_source_excludes', '_source_includes', 'pipeline', 'refresh', 'require_alias', 'require_data_stream', 'routing', 'timeout', 'wait_for_active_shards', 'list_executed_pipelines', 'include_source_on_error'];
const MGET_PARAMS = ['_source', '_source_excludes', '_source_includes', 'preference', 'realtime', 'refresh', 'routing', 'stored_fields', 'force_synthetic_source'];
const GET_INDEX_PARAMS = [...INDICES_OPTIONS, 'flat_settings', 'include_defaults', 'local', 'master_timeout', 'features'];
const HEALTH_PARAMS = ['expand_wildcards', 'level', 'local', 'master_timeout', 'timeout', 'wait_for_active_shards', 'wait_for_events', 'wait_for_nodes', 'wait_for_no_initializing_shards', 'wait_for_no_relocating_shards', 'wait_for_status', 'ignore_unavailable', 'allow_no_indices'];
const CAT_PARAMS = ['bytes', 'expand_wildcards', 'format', 'h', 'health', 'help', 'include_unloaded_segments', 'local', 'master_timeout', 'pri', 's', 'time', 'v'];
const SETTINGS_GET = [...INDICES_OPTIONS, 'flat_settings', 'include_defaults', 'local', 'master_timeout'];
const SETTINGS_PUT = [...INDICES_OPTIONS, 'flat_settings', 'master_timeout', 'preserve_existing', 'reopen', 'timeout'];
const MAPPING_GET = [...INDICES_OPTIONS, 'local', 'master_timeout'];
const MAPPING_PUT = [...INDICES_OPTIONS, 'master_timeout', 'timeout', 'write_index_only'];
const ALIAS_GET = [...INDICES_OPTIONS, 'local', 'master_timeout'];
const TEMPLATE_PUT = ['create', 'cause', 'master_timeout'];
const TEMPLATE_GET = ['flat_settings', 'local', 'master_timeout', 'include_defaults'];

function r(methods: string[], path: string, params: readonly string[], handler: RouteDefinition['handler']): RouteDefinition {
  return { methods, path, params, handler };
}

export const ROUTES: RouteDefinition[] = [
  r(['GET', 'HEAD'], '/', [], rootInfo),
  r(['GET'], '/_cluster/health', HEALTH_PARAMS, clusterHealth),
  r(['GET'], '/_cluster/health/{index}', HEALTH_PARAMS, clusterHealth),
  r(['GET'], '/_cluster/settings', ['flat_settings', 'include_defaults', 'master_timeout', 'timeout'], getClusterSettings),
  r(['PUT'], '/_cluster/settings', ['flat_settings', 'master_timeout', 'timeout'], putClusterSettings),
  r(['GET'], '/_cat/indices', CAT_PARAMS, catIndices),
  r(['GET'], '/_cat/indices/{index}', CAT_PARAMS, catIndices),

  r(['PUT'], '/{index}', ['master_timeout', 'timeout', 'wait_for_active_shards'], createIndex),
  r(['DELETE'], '/{index}', [...INDICES_OPTIONS, ...MASTER], deleteIndex),
  r(['GET'], '/{index}', GET_INDEX_PARAMS, getIndex),
  r(['HEAD'], '/{index}', GET_INDEX_PARAMS, indexExists),

  r(['GET'], '/_mapping', MAPPING_GET, getMapping),
  r(['GET'], '/{index}/_mapping', MAPPING_GET, getMapping),
  r(['PUT', 'POST'], '/{index}/_mapping', MAPPING_PUT, putMapping),
  r(['PUT', 'POST'], '/{index}/_mappings', MAPPING_PUT, putMapping),
  r(['GET'], '/_settings', SETTINGS_GET, getSettings),
  r(['GET'], '/_settings/{name}', SETTINGS_GET, getSettings),
  r(['GET'], '/{index}/_settings', SETTINGS_GET, getSettings),
  r(['GET'], '/{index}/_settings/{name}', SETTINGS_GET, getSettings),
  r(['PUT'], '/_settings', SETTINGS_PUT, putSettings),
  r(['PUT'], '/{index}/_settings', SETTINGS_PUT, putSettings),
  r(['GET', 'POST'], '/_refresh', INDICES_OPTIONS, refreshIndices),
  r(['GET', 'POST'], '/{index}/_refresh', INDICES_OPTIONS, refreshIndices),
  r(['GET', 'POST'], '/_flush', [...INDICES_OPTIONS, 'force', 'wait_if_ongoing'], flushIndices),
  r(['GET', 'POST'], '/{index}/_flush', [...INDICES_OPTIONS, 'force', 'wait_if_ongoing'], flushIndices),

  r(['POST'], '/_aliases', MASTER, updateAliases),
  r(['PUT', 'POST'], '/{index}/_alias/{name}', MASTER, putAlias),
  r(['PUT', 'POST'], '/{index}/_aliases/{name}', MASTER, putAlias),
  r(['DELETE'], '/{index}/_alias/{name}', MASTER, deleteAlias),
  r(['DELETE'], '/{index}/_aliases/{name}', MASTER, deleteAlias),
  r(['GET'], '/_alias', ALIAS_GET, getAlias),
  r(['GET'], '/_alias/{name}', ALIAS_GET, getAlias),
  r(['GET'], '/{index}/_alias', ALIAS_GET, getAlias),
  r(['GET'], '/{index}/_alias/{name}', ALIAS_GET, getAlias),
  r(['HEAD'], '/_alias/{name}', ALIAS_GET, aliasExists),
  r(['HEAD'], '/{index}/_alias/{name}', ALIAS_GET, aliasExists),
  r(['HEAD'], '/{index}/_alias', ALIAS_GET, aliasExists),

  r(['PUT', 'POST'], '/_index_template/{name}', TEMPLATE_PUT, putIndexTemplate),
  r(['GET'], '/_index_template', TEMPLATE_GET, getIndexTemplate),
  r(['GET'], '/_index_template/{name}', TEMPLATE_GET, getIndexTemplate),
  r(['HEAD'], '/_index_template/{name}', TEMPLATE_GET, indexTemplateExists),
  r(['DELETE'], '/_index_template/{name}', MASTER, deleteIndexTemplate),
  r(['POST'], '/_index_template/_simulate_index/{name}', ['cause', 'create', 'master_timeout', 'include_defaults'], simulateIndex),
  r(['PUT', 'POST'], '/_component_template/{name}', TEMPLATE_PUT, putComponentTemplate),
  r(['GET'], '/_component_template', TEMPLATE_GET, getComponentTemplate),
  r(['GET'], '/_component_template/{name}', TEMPLATE_GET, getComponentTemplate),
  r(['HEAD'], '/_component_template/{name}', TEMPLATE_GET, componentTemplateExists),
  r(['DELETE'], '/_component_template/{name}', MASTER, deleteComponentTemplate),

  r(['PUT', 'POST'], '/{index}/_doc/{id}', WRITE_PARAMS, indexDoc),
  r(['POST'], '/{index}/_doc', WRITE_PARAMS, indexDoc),
  r(['GET'], '/{index}/_doc/{id}', GET_PARAMS, getDoc),
  r(['HEAD'], '/{index}/_doc/{id}', GET_PARAMS, docExists),
  r(['DELETE'], '/{index}/_doc/{id}', DELETE_PARAMS, deleteDoc),
  r(['PUT', 'POST'], '/{index}/_create/{id}', WRITE_PARAMS, createDoc),
  r(['POST'], '/{index}/_update/{id}', UPDATE_PARAMS, updateDoc),
  r(['GET'], '/{index}/_source/{id}', GET_PARAMS, getSource),
  r(['POST', 'PUT'], '/_bulk', BULK_PARAMS, bulk),
  r(['POST', 'PUT'], '/{index}/_bulk', BULK_PARAMS, bulk),
  r(['GET', 'POST'], '/_mget', MGET_PARAMS, mget),
  r(['GET', 'POST'], '/{index}/_mget', MGET_PARAMS, mget),

  r(['GET', 'POST'], '/_search', SEARCH_PARAMS, search),
  r(['GET', 'POST'], '/{index}/_search', SEARCH_PARAMS, search),
  r(['GET', 'POST'], '/_count', COUNT_PARAMS, count),
  r(['GET', 'POST'], '/{index}/_count', COUNT_PARAMS, count),
  r(['GET', 'POST'], '/_msearch', MSEARCH_PARAMS, msearch),
  r(['GET', 'POST'], '/{index}/_msearch', MSEARCH_PARAMS, msearch),
  r(['POST'], '/{index}/_update_by_query', BY_QUERY_PARAMS, updateByQuery),
  r(['POST'], '/{index}/_delete_by_query', BY_QUERY_PARAMS, deleteByQuery),

  ...UNSUPPORTED_ROUTES,
];
