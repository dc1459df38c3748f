/** Index admin: create/delete/exists/get, `_mapping`, `_settings`, `_refresh`, `_flush`. */
import { EsError } from '../../errors';
import {
  nestSettings,
  resolveForDelete,
  SETTING_DEFAULTS,
  simpleMatch,
  type AliasDefinition,
  type IndexState,
  type IndicesOptions,
} from '../../node';
import type { RestRequest, RestResponse } from '../types';
import { isObject } from './common';

const OPEN: IndicesOptions = { ignoreUnavailable: false, allowNoIndices: true, expandWildcards: { open: true, closed: false, hidden: false } };
const STRICT: IndicesOptions = { ignoreUnavailable: false, allowNoIndices: false, expandWildcards: { open: true, closed: false, hidden: false } };

export function statesFor(req: RestRequest, defaults: IndicesOptions): IndexState[] {
  return req.node
    .resolve(req.pathParams.index, req.params.indicesOptions(defaults))
    .map((r) => req.node.getIndex(r.index))
    .filter((s): s is IndexState => s !== undefined);
}

export async function createIndex(req: RestRequest): Promise<RestResponse> {
  const name = req.pathParams.index;
  const body = req.body();
  if (body !== undefined && !isObject(body)) throw new EsError(400, 'parse_exception', 'request body is required to be an object');
  const input = body ?? {};
  for (const key of Object.keys(input)) {
    if (key !== 'settings' && key !== 'mappings' && key !== 'aliases') {
      throw new EsError(400, 'parse_exception', `unknown key [${key}] for create index`);
    }
  }
  const { settings, mappings, aliases } = input;
  if (settings !== undefined && !isObject(settings)) throw new EsError(400, 'parse_exception', 'key [settings] must be an object');
  if (mappings !== undefined && !isObject(mappings)) throw new EsError(400, 'parse_exception', 'key [mappings] must be an object');
  if (aliases !== undefined && !isObject(aliases)) throw new EsError(400, 'parse_exception', 'key [aliases] must be an object');
  const state = req.node.createIndex(name, {
    settings,
    mappings,
    aliases: aliases as Record<string, AliasDefinition> | undefined,
  });
  await req.node.durable();
  return { status: 200, body: { acknowledged: true, shards_acknowledged: true, index: state.name } };
}

export async function deleteIndex(req: RestRequest): Promise<RestResponse> {
  const options = req.params.indicesOptions(OPEN);
  const names = resolveForDelete(req.pathParams.index, options, req.node);
  for (const n of names) req.node.deleteIndex(n);
  await req.node.durable();
  return { status: 200, body: { acknowledged: true } };
}

export function indexExists(req: RestRequest): RestResponse {
  try {
    const states = statesFor(req, STRICT);
    return { status: states.length > 0 ? 200 : 404 };
  } catch (e) {
    if (e instanceof EsError && e.status === 404) return { status: 404 };
    throw e;
  }
}

function aliasesBody(state: IndexState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [...state.aliases.keys()].sort()) out[name] = aliasView({ ...(state.aliases.get(name) ?? {}) });
  return out;
}

export function aliasView(def: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (def.filter !== undefined) out.filter = def.filter;
  if (def.index_routing !== undefined) out.index_routing = def.index_routing;
  if (def.search_routing !== undefined) out.search_routing = def.search_routing;
  if (def.is_write_index !== undefined) out.is_write_index = def.is_write_index;
  if (def.is_hidden !== undefined) out.is_hidden = def.is_hidden;
  return out;
}

function settingsBody(req: RestRequest, state: IndexState, nameFilter?: string[]): Record<string, unknown> {
  const flat = req.params.bool('flat_settings', false);
  let raw = state.raw;
  if (nameFilter) raw = filterSettings(raw, nameFilter);
  const out: Record<string, unknown> = { settings: nestSettings(raw, flat) };
  if (req.params.bool('include_defaults', false)) {
    const defaults: Record<string, string> = {};
    for (const [k, v] of Object.entries(SETTING_DEFAULTS)) if (state.raw[k] === undefined) defaults[k] = v;
    out.defaults = nestSettings(nameFilter ? filterSettings(defaults, nameFilter) : defaults, flat);
  }
  return out;
}

function filterSettings(raw: Record<string, string>, patterns: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (patterns.some((p) => p === '_all' || simpleMatch(p, k) || simpleMatch(`index.${p}`, k))) out[k] = v;
  }
  return out;
}

export function getIndex(req: RestRequest): RestResponse {
  const states = statesFor(req, OPEN);
  const features = req.params.list('features') ?? ['aliases', 'mappings', 'settings'];
  const body: Record<string, unknown> = {};
  for (const state of states) {
    const entry: Record<string, unknown> = {};
    if (features.includes('aliases')) entry.aliases = aliasesBody(state);
    if (features.includes('mappings')) entry.mappings = state.shard.mappingJson();
    if (features.includes('settings')) Object.assign(entry, settingsBody(req, state));
    body[state.name] = entry;
  }
  return { status: 200, body };
}

export function getMapping(req: RestRequest): RestResponse {
  const states = statesFor(req, OPEN);
  const body: Record<string, unknown> = {};
  for (const state of states) body[state.name] = { mappings: state.shard.mappingJson() };
  return { status: 200, body };
}

export async function putMapping(req: RestRequest): Promise<RestResponse> {
  const body = req.body();
  if (!isObject(body)) throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: mapping source is missing;');
  const states = statesFor(req, OPEN);
  if (states.length === 0 && req.pathParams.index === undefined) {
    throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: index is missing;');
  }
  for (const state of states) req.node.putMapping(state.name, body);
  await req.node.durable();
  return { status: 200, body: { acknowledged: true } };
}

export function getSettings(req: RestRequest): RestResponse {
  const states = statesFor(req, OPEN);
  const names = req.pathParams.name?.split(',');
  const body: Record<string, unknown> = {};
  for (const state of states) {
    const entry = settingsBody(req, state, names);
    if (names && Object.keys(entry.settings as object).length === 0 && !entry.defaults) continue;
    body[state.name] = entry;
  }
  return { status: 200, body };
}

export async function putSettings(req: RestRequest): Promise<RestResponse> {
  let body = req.body();
  if (!isObject(body) || Object.keys(body).length === 0) {
    throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: no settings to update;');
  }
  if (isObject(body.settings) && Object.keys(body).length === 1) body = body.settings;
  const states = statesFor(req, OPEN);
  req.node.putSettings(states, body, req.params.bool('preserve_existing', false));
  await req.node.durable();
  return { status: 200, body: { acknowledged: true } };
}

export function refreshIndices(req: RestRequest): RestResponse {
  const states = statesFor(req, OPEN);
  let total = 0;
  let successful = 0;
  for (const state of states) {
    req.node.refreshState(state);
    const pri = state.shard.settings.numberOfShards;
    total += pri * (1 + state.shard.settings.numberOfReplicas);
    successful += pri;
  }
  return { status: 200, body: { _shards: { total, successful, failed: 0 } } };
}

export async function flushIndices(req: RestRequest): Promise<RestResponse> {
  const response = refreshIndices(req);
  await req.node.flush();
  return response;
}
