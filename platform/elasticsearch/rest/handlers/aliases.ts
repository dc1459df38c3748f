/** `_aliases` atomic actions, `/{index}/_alias/{name}` put/delete, and the GET/HEAD alias forms. */
import { EsError, illegalArgument, parsingException } from '../../errors';
import { normalizeAliasDefinition, simpleMatch, splitExpression, type AliasAction, type IndicesOptions } from '../../node';
import type { RestRequest, RestResponse } from '../types';
import { isObject } from './common';
import { aliasView } from './indices';

const ALIAS_DEFAULTS: IndicesOptions = { ignoreUnavailable: false, allowNoIndices: true, expandWildcards: { open: true, closed: false, hidden: false } };
const GET_ALIAS_DEFAULTS: IndicesOptions = { ignoreUnavailable: false, allowNoIndices: true, expandWildcards: { open: true, closed: false, hidden: true } };

function stringList(value: unknown, field: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw parsingException(`[${field}] must be a string or an array of strings`);
}

function parseAction(raw: unknown): AliasAction {
  if (!isObject(raw) || Object.keys(raw).length !== 1) {
    throw parsingException('[aliases] failed to parse field [actions]');
  }
  const [type, spec] = Object.entries(raw)[0];
  if (type !== 'add' && type !== 'remove' && type !== 'remove_index') {
    throw parsingException(`[aliases] unknown field [${type}]`);
  }
  if (!isObject(spec)) throw parsingException(`[${type}] must be an object`);
  const indices: string[] = [];
  const aliases: string[] = [];
  const definition: Record<string, unknown> = {};
  let mustExist: boolean | undefined;
  for (const [key, value] of Object.entries(spec)) {
    switch (key) {
      case 'index':
        indices.push(...stringList(value, key));
        break;
      case 'indices':
        indices.push(...stringList(value, key));
        break;
      case 'alias':
        aliases.push(...stringList(value, key));
        break;
      case 'aliases':
        aliases.push(...stringList(value, key));
        break;
      case 'must_exist':
        mustExist = value === true || value === 'true';
        break;
      case 'filter':
      case 'routing':
      case 'index_routing':
      case 'search_routing':
      case 'is_write_index':
      case 'is_hidden':
        if (type !== 'add') throw illegalArgument(`[${key}] is unsupported for [${type}]`);
        definition[key] = value;
        break;
      default:
        throw parsingException(`[${type}] unknown field [${key}]`);
    }
  }
  const problems: string[] = [];
  if (indices.length === 0) problems.push('One of [index] or [indices] is required');
  if (type !== 'remove_index' && aliases.length === 0) problems.push('One of [alias] or [aliases] is required');
  if (type === 'remove_index' && aliases.length > 0) problems.push('[alias] is unsupported for [remove_index]');
  if (mustExist !== undefined && type !== 'remove') problems.push('[must_exist] is unsupported for [' + type + ']');
  if (problems.length > 0) {
    throw new EsError(400, 'action_request_validation_exception', `Validation Failed: ${problems.map((p, i) => `${i + 1}: ${p};`).join(' ')}`);
  }
  return { type, indices, aliases, definition: normalizeAliasDefinition(definition), mustExist };
}

export async function updateAliases(req: RestRequest): Promise<RestResponse> {
  const body = req.body();
  if (!isObject(body)) throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: No action specified;');
  for (const key of Object.keys(body)) if (key !== 'actions') throw parsingException(`[aliases] unknown field [${key}]`);
  const rawActions = body.actions;
  const list = Array.isArray(rawActions) ? rawActions : rawActions === undefined ? [] : [rawActions];
  if (list.length === 0) throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: No action specified;');
  const actions = list.map(parseAction);
  const result = req.node.updateAliases(actions, ALIAS_DEFAULTS);
  await req.node.durable();
  const response: Record<string, unknown> = { acknowledged: true, errors: result.errors };
  if (result.errors) response.action_results = result.results;
  return { status: 200, body: response };
}

export async function putAlias(req: RestRequest): Promise<RestResponse> {
  const body = req.body();
  if (body !== undefined && !isObject(body)) throw parsingException('alias body must be an object');
  const def = { ...(body ?? {}) };
  delete def.index;
  delete def.alias;
  req.node.putAlias(splitExpression(req.pathParams.index), req.pathParams.name, normalizeAliasDefinition(def), ALIAS_DEFAULTS);
  await req.node.durable();
  return { status: 200, body: { acknowledged: true } };
}

export async function deleteAlias(req: RestRequest): Promise<RestResponse> {
  req.node.deleteAliases(splitExpression(req.pathParams.index), splitExpression(req.pathParams.name), ALIAS_DEFAULTS);
  await req.node.durable();
  return { status: 200, body: { acknowledged: true } };
}

interface AliasLookup {
  body: Record<string, unknown>;
  missing: string[];
  any: boolean;
}

function lookupAliases(req: RestRequest): AliasLookup {
  const options = req.params.indicesOptions(GET_ALIAS_DEFAULTS);
  const namePatterns = req.pathParams.name === undefined ? undefined : splitExpression(req.pathParams.name);
  const indices = req.node.resolve(req.pathParams.index, options).map((r) => r.index);
  const body: Record<string, unknown> = {};
  const seen = new Set<string>();
  const matchesName = (alias: string): boolean => {
    if (!namePatterns) return true;
    let included = false;
    for (const p of namePatterns) {
      if (p.startsWith('-')) {
        if (simpleMatch(p.slice(1), alias)) included = false;
      } else if (p === '_all' || simpleMatch(p, alias)) included = true;
    }
    return included;
  };
  for (const index of indices) {
    const state = req.node.getIndex(index);
    if (!state) continue;
    const aliases: Record<string, unknown> = {};
    for (const alias of [...state.aliases.keys()].sort()) {
      if (!matchesName(alias)) continue;
      aliases[alias] = aliasView({ ...(state.aliases.get(alias) ?? {}) });
      seen.add(alias);
    }
    if (namePatterns === undefined || Object.keys(aliases).length > 0) body[index] = { aliases };
  }
  const missing = (namePatterns ?? []).filter((p) => !p.includes('*') && p !== '_all' && !p.startsWith('-') && !seen.has(p));
  return { body, missing, any: seen.size > 0 || (namePatterns === undefined && Object.keys(body).length > 0) };
}

export function getAlias(req: RestRequest): RestResponse {
  const { body, missing } = lookupAliases(req);
  if (missing.length > 0) {
    const error = missing.length === 1 ? `alias [${missing[0]}] missing` : `aliases [${missing.join(',')}] missing`;
    return { status: 404, body: { error, status: 404, ...body } };
  }
  return { status: 200, body };
}

export function aliasExists(req: RestRequest): RestResponse {
  try {
    const { missing, any } = lookupAliases(req);
    return { status: any && missing.length === 0 ? 200 : 404 };
  } catch (e) {
    if (e instanceof EsError && e.status === 404) return { status: 404 };
    throw e;
  }
}
