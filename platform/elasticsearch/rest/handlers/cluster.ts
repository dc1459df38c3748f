/** `GET /`, `_cluster/health`, `_cluster/settings`. */
import { EsError, illegalArgument } from '../../errors';
import { flattenSettings, nestSettings, parseTimeValue, type IndexState } from '../../node';
import type { RestRequest, RestResponse } from '../types';
import { isObject } from './common';

export const LUCENE_VERSION = '10.1.0';

export function rootInfo(req: RestRequest): RestResponse {
  return {
    status: 200,
    body: {
      name: req.info.nodeName,
      cluster_name: req.info.clusterName,
      cluster_uuid: req.node.clusterUuid,
      version: {
        number: req.info.version,
        build_flavor: 'default',
        build_type: 'tar',
        build_hash: 'embedded',
        build_date: '2025-04-08T00:00:00.000Z',
        build_snapshot: false,
        lucene_version: LUCENE_VERSION,
        minimum_wire_compatibility_version: '8.18.0',
        minimum_index_compatibility_version: '8.0.0',
      },
      tagline: 'You Know, for Search',
    },
  };
}

type Health = 'green' | 'yellow' | 'red';
const RANK: Record<Health, number> = { green: 0, yellow: 1, red: 2 };

function indexHealth(state: IndexState): Health {
  return state.shard.settings.numberOfReplicas > 0 ? 'yellow' : 'green';
}

interface HealthSnapshot {
  body: Record<string, unknown>;
  status: Health;
}

function computeHealth(req: RestRequest): HealthSnapshot {
  const target = req.pathParams.index;
  const options = req.params.indicesOptions({
    ignoreUnavailable: false,
    allowNoIndices: true,
    expandWildcards: { open: true, closed: true, hidden: true },
  });
  let states: IndexState[] = [];
  let missing = false;
  try {
    states = req.node.resolve(target, options).map((r) => req.node.getIndex(r.index)).filter((s): s is IndexState => !!s);
  } catch (e) {
    if (!(e instanceof EsError) || e.type !== 'index_not_found_exception') throw e;
    missing = true;
  }
  let status: Health = missing ? 'red' : 'green';
  let primaries = 0;
  let unassigned = 0;
  const perIndex: Record<string, unknown> = {};
  for (const s of states) {
    const h = indexHealth(s);
    if (RANK[h] > RANK[status]) status = h;
    const pri = s.shard.settings.numberOfShards;
    const rep = s.shard.settings.numberOfReplicas;
    primaries += pri;
    unassigned += pri * rep;
    perIndex[s.name] = {
      status: h,
      number_of_shards: pri,
      number_of_replicas: rep,
      active_primary_shards: pri,
      active_shards: pri,
      relocating_shards: 0,
      initializing_shards: 0,
      unassigned_shards: pri * rep,
      unassigned_primary_shards: 0,
    };
    if (req.params.get('level') === 'shards') {
      const shards: Record<string, unknown> = {};
      for (let n = 0; n < pri; n++) {
        shards[String(n)] = {
          status: h,
          primary_active: true,
          active_shards: 1,
          relocating_shards: 0,
          initializing_shards: 0,
          unassigned_shards: rep,
          unassigned_primary_shards: 0,
        };
      }
      (perIndex[s.name] as Record<string, unknown>).shards = shards;
    }
  }
  const total = primaries + unassigned;
  const body: Record<string, unknown> = {
    cluster_name: req.info.clusterName,
    status,
    timed_out: false,
    number_of_nodes: 1,
    number_of_data_nodes: 1,
    active_primary_shards: primaries,
    active_shards: primaries,
    relocating_shards: 0,
    initializing_shards: 0,
    unassigned_shards: unassigned,
    unassigned_primary_shards: 0,
    delayed_unassigned_shards: 0,
    number_of_pending_tasks: 0,
    number_of_in_flight_fetch: 0,
    task_max_waiting_in_queue_millis: 0,
    active_shards_percent_as_number: total === 0 ? 100.0 : (primaries / total) * 100,
  };
  const level = req.params.get('level') ?? 'cluster';
  if (level === 'indices' || level === 'shards') body.indices = perIndex;
  return { body, status };
}

export async function clusterHealth(req: RestRequest): Promise<RestResponse> {
  const waitFor = req.params.get('wait_for_status') as Health | undefined;
  if (waitFor !== undefined && !(waitFor in RANK)) {
    throw illegalArgument(`unknown cluster health status [${waitFor}]`);
  }
  const timeoutMs = parseTimeValue('timeout', req.params.get('timeout') ?? '30s');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snapshot = computeHealth(req);
    const indexMissing = snapshot.status === 'red' && req.pathParams.index !== undefined;
    const satisfied = waitFor === undefined ? !indexMissing : RANK[snapshot.status] <= RANK[waitFor];
    if (satisfied) return { status: 200, body: snapshot.body };
    if (Date.now() >= deadline) {
      snapshot.body.timed_out = true;
      return { status: 408, body: snapshot.body };
    }
    await new Promise((r) => setTimeout(r, Math.min(50, Math.max(1, deadline - Date.now()))));
  }
}

export function getClusterSettings(req: RestRequest): RestResponse {
  const flat = req.params.bool('flat_settings', false);
  const { persistent, transient } = req.node.clusterSettings;
  const body: Record<string, unknown> = {
    persistent: flat ? persistent : nestPlain(persistent),
    transient: flat ? transient : nestPlain(transient),
  };
  if (req.params.bool('include_defaults', false)) body.defaults = {};
  return { status: 200, body };
}

function nestPlain(flat: Record<string, string>): Record<string, unknown> {
  // Reuse the index nesting by prefixing, then unwrap.
  const prefixed: Record<string, string> = {};
  for (const [k, v] of Object.entries(flat)) prefixed[`x.${k}`] = v;
  const nested = nestSettings(prefixed);
  return (nested.x as Record<string, unknown> | undefined) ?? {};
}


export async function putClusterSettings(req: RestRequest): Promise<RestResponse> {
  const body = req.body();
  if (!isObject(body)) throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: no settings to update;');
  const persistentIn = isObject(body.persistent) ? flattenClusterKeys(body.persistent) : {};
  const transientIn = isObject(body.transient) ? flattenClusterKeys(body.transient) : {};
  for (const k of Object.keys(body)) {
    if (k !== 'persistent' && k !== 'transient') throw new EsError(400, 'x_content_parse_exception', `[cluster_update_settings_request] unknown field [${k}]`);
  }
  if (Object.keys(persistentIn).length === 0 && Object.keys(transientIn).length === 0) {
    throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: no settings to update;');
  }
  req.node.putClusterSettings(persistentIn, transientIn);
  await req.node.durable();
  const flat = req.params.bool('flat_settings', false);
  const shown = (m: Record<string, string | null>): Record<string, unknown> => {
    const kept: Record<string, string> = {};
    for (const [k, v] of Object.entries(m)) if (v !== null) kept[k] = v;
    return flat ? kept : nestPlain(kept);
  };
  return { status: 200, body: { acknowledged: true, persistent: shown(persistentIn), transient: shown(transientIn) } };
}

/** Cluster settings keys are not `index.`-prefixed. */
function flattenClusterKeys(value: Record<string, unknown>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const walk = (v: unknown, prefix: string): void => {
    if (isObject(v)) {
      for (const [k, child] of Object.entries(v)) walk(child, prefix ? `${prefix}.${k}` : k);
      return;
    }
    out[prefix] = v === null ? null : Array.isArray(v) ? v.map(String).join(',') : String(v);
  };
  walk(value, '');
  return out;
}

