/** Single-document APIs: index/create (`_doc`, `_create`), get/exists/`_source`, delete, `_update`. */
import { randomBytes } from 'node:crypto';
import { EsError, illegalArgument, unsupported, validationFailed } from '../../errors';
import type { IndexState } from '../../node';
import type { UpdateRequest } from '../../shard';
import { didYouMean } from '../json_body';
import type { RestRequest, RestResponse } from '../types';
import {
  casParams,
  finishWrite,
  isObject,
  refreshPolicy,
  rejectPipeline,
  renderSource,
  sourceFilterFromParams,
  statusOf,
  validateCas,
  validateId,
  writeResponse,
} from './common';

/** Per-process random part of auto ids (like ES's MAC-address part of its time-based UUIDs). */
const ID_NODE_PART = randomBytes(6);
let idSequence = randomBytes(3).readUIntBE(0, 3);
const idBuffer = Buffer.alloc(15);

/**
 * Elasticsearch auto ids are 20 URL-safe base64 characters. Time + sequence + node bytes keep them
 * unique without a crypto call per document (bulk loads create many).
 */
export function autoId(): string {
  idSequence = (idSequence + 1) & 0xffffff;
  idBuffer.writeUIntBE(Date.now(), 0, 6);
  idBuffer.writeUIntBE(idSequence, 6, 3);
  ID_NODE_PART.copy(idBuffer, 9);
  return idBuffer.toString('base64url');
}

function opTypeParam(req: RestRequest, forced?: 'create'): 'index' | 'create' {
  if (forced) return forced;
  const v = req.params.get('op_type');
  if (v === undefined || v === 'index') return 'index';
  if (v === 'create') return 'create';
  throw illegalArgument(`opType must be 'create' or 'index', found: [${v}]`);
}

async function indexImpl(req: RestRequest, forced?: 'create'): Promise<RestResponse> {
  rejectPipeline(req.params);
  const opType = opTypeParam(req, forced);
  const cas = casParams(req.params, opType);
  const policy = refreshPolicy(req.params);
  const pathId = req.pathParams.id;
  validateId(pathId);
  if (req.bodyText.trim().length === 0) throw validationFailed(['source is missing', 'content type is missing']);
  const id = pathId ?? autoId();
  const routing = req.params.get('routing');
  const state = req.node.writeIndex(req.pathParams.index, req.params.bool('require_alias', false));
  try {
    const outcome = req.node.indexDoc(state, id, req.bodyText, { opType, ...cas, routing });
    await finishWrite(req.node, [state], policy);
    return { status: statusOf(outcome), body: writeResponse(state, outcome, policy) };
  } catch (e) {
    // An auto-created index stays, as in Elasticsearch: make it durable before answering.
    await req.node.durable();
    throw e;
  }
}

export const indexDoc = (req: RestRequest): Promise<RestResponse> => indexImpl(req);
export const createDoc = (req: RestRequest): Promise<RestResponse> => indexImpl(req, 'create');

export async function deleteDoc(req: RestRequest): Promise<RestResponse> {
  const cas = casParams(req.params, 'delete');
  const policy = refreshPolicy(req.params);
  const state = req.node.resolveWriteIndex(req.pathParams.index, false);
  if (!state) throw new EsError(404, 'index_not_found_exception', `no such index [${req.pathParams.index}]`, {
    'resource.type': 'index_expression',
    'resource.id': req.pathParams.index,
    index_uuid: '_na_',
    index: req.pathParams.index,
  });
  const outcome = req.node.deleteDoc(state, req.pathParams.id, { ...cas, routing: req.params.get('routing') });
  await finishWrite(req.node, [state], policy);
  return { status: statusOf(outcome), body: writeResponse(state, outcome, policy) };
}

/** Renders a GET reply (also used by mget). */
export function getReply(
  state: IndexState,
  id: string,
  realtime: boolean,
  sourceFilter: unknown,
  req: RestRequest,
): { found: boolean; body: Record<string, unknown> } {
  // realtime=false reads the searchable view (spec §12); the shard serves both.
  const result = req.node.getDoc(state, id, realtime);
  if (!result.found) return { found: false, body: { _index: state.name, _id: id, found: false } };
  const body: Record<string, unknown> = {
    _index: state.name,
    _id: result.id,
    _version: result.version,
    _seq_no: result.seqNo,
    _primary_term: result.primaryTerm,
  };
  if (result.routing !== undefined) body._routing = result.routing;
  body.found = true;
  const source = renderSource(result.source, sourceFilter);
  if (source !== undefined) body._source = source;
  return { found: true, body };
}

function sourceFilterForGet(req: RestRequest): unknown {
  const filter = sourceFilterFromParams(req.params);
  if (filter === undefined && req.params.has('stored_fields')) return false;
  return filter;
}

export function getDoc(req: RestRequest): RestResponse {
  const state = req.node.readIndex(req.pathParams.index);
  if (req.params.bool('refresh', false)) req.node.refreshState(state);
  const reply = getReply(state, req.pathParams.id, req.params.bool('realtime', true), sourceFilterForGet(req), req);
  checkReadVersion(req, state, reply.body);
  return { status: reply.found ? 200 : 404, body: reply.body };
}

/** `version` on reads: every version type compares for equality (VersionType.isVersionConflictForReads). */
function checkReadVersion(req: RestRequest, state: IndexState, body: Record<string, unknown>): void {
  const expected = req.params.long('version');
  if (expected === undefined || body.found !== true) return;
  if (body._version !== expected) {
    throw new EsError(
      409,
      'version_conflict_engine_exception',
      `[${req.pathParams.id}]: version conflict, current version [${String(body._version)}] is different than the one provided [${expected}]`,
      { index_uuid: state.uuid, shard: '0', index: state.name },
    );
  }
}

export function docExists(req: RestRequest): RestResponse {
  try {
    const state = req.node.readIndex(req.pathParams.index);
    if (req.params.bool('refresh', false)) req.node.refreshState(state);
    const realtime = req.params.bool('realtime', true);
    const result = state.shard.getDoc(req.pathParams.id, realtime);
    return { status: result.found ? 200 : 404 };
  } catch (e) {
    if (e instanceof EsError && e.status === 404) return { status: 404 };
    throw e;
  }
}

export function getSource(req: RestRequest): RestResponse {
  const state = req.node.readIndex(req.pathParams.index);
  if (req.params.bool('refresh', false)) req.node.refreshState(state);
  const result = state.shard.getDoc(req.pathParams.id, req.params.bool('realtime', true));
  if (!result.found) {
    throw new EsError(404, 'resource_not_found_exception', `Document not found [${state.name}]/[${req.pathParams.id}]`);
  }
  const filter = sourceFilterFromParams(req.params);
  return { status: 200, body: renderSource(result.source, filter) ?? {} };
}

const UPDATE_FIELDS = [
  'doc',
  'upsert',
  'doc_as_upsert',
  'detect_noop',
  'script',
  'scripted_upsert',
  '_source',
  'if_seq_no',
  'if_primary_term',
  'lang',
];

/** Parses an update body (`_update` and bulk update lines). */
export function parseUpdateBody(body: unknown): { request: UpdateRequest; sourceFilter: unknown; ifSeqNo?: number; ifPrimaryTerm?: number } {
  if (!isObject(body)) throw new EsError(400, 'x_content_parse_exception', '[UpdateRequest] request body must be an object');
  const request: UpdateRequest = {};
  let sourceFilter: unknown = undefined;
  let ifSeqNo: number | undefined;
  let ifPrimaryTerm: number | undefined;
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case 'doc':
        if (!isObject(value)) throw new EsError(400, 'x_content_parse_exception', '[UpdateRequest] failed to parse field [doc]');
        request.doc = value;
        break;
      case 'upsert':
        if (!isObject(value)) throw new EsError(400, 'x_content_parse_exception', '[UpdateRequest] failed to parse field [upsert]');
        request.upsert = value;
        break;
      case 'doc_as_upsert':
        request.docAsUpsert = value === true || value === 'true';
        break;
      case 'detect_noop':
        request.detectNoop = !(value === false || value === 'false');
        break;
      case 'script':
      case 'scripted_upsert':
      case 'lang':
        throw unsupported('script', 'scripted updates [script]');
      case '_source':
        sourceFilter = value;
        break;
      case 'if_seq_no':
        ifSeqNo = Number(value);
        break;
      case 'if_primary_term':
        ifPrimaryTerm = Number(value);
        break;
      default: {
        const suggestions = didYouMean(key, UPDATE_FIELDS);
        const hint = suggestions.length === 0 ? '' : suggestions.length === 1 ? ` did you mean [${suggestions[0]}]?` : ` did you mean any of [${suggestions.join(', ')}]?`;
        throw new EsError(400, 'x_content_parse_exception', `[UpdateRequest] unknown field [${key}]${hint}`);
      }
    }
  }
  if (request.doc === undefined) {
    throw validationFailed(['script or doc is missing']);
  }
  return { request, sourceFilter, ifSeqNo, ifPrimaryTerm };
}

export async function updateDoc(req: RestRequest): Promise<RestResponse> {
  const parsed = parseUpdateBody(req.body());
  const ifSeqNo = req.params.long('if_seq_no') ?? parsed.ifSeqNo;
  const ifPrimaryTerm = req.params.long('if_primary_term') ?? parsed.ifPrimaryTerm;
  const cas = { ifSeqNo, ifPrimaryTerm };
  validateCas(ifSeqNo, ifPrimaryTerm, 'update', req.params.get('version'), req.params.get('version_type'));
  validateId(req.pathParams.id);
  const policy = refreshPolicy(req.params);
  const urlFilter = sourceFilterFromParams(req.params);
  const sourceFilter = urlFilter ?? parsed.sourceFilter;
  const state = req.node.writeIndex(req.pathParams.index, req.params.bool('require_alias', false));
  try {
    const outcome = req.node.updateDoc(state, req.pathParams.id, parsed.request, { ...cas, routing: req.params.get('routing') });
    await finishWrite(req.node, [state], outcome.result === 'noop' ? 'none' : policy);
    const body = writeResponse(state, outcome, policy);
    if (sourceFilter !== undefined && sourceFilter !== false) {
      const get: Record<string, unknown> = { _seq_no: outcome.seqNo, _primary_term: outcome.primaryTerm, found: true };
      const source = renderSource(outcome.source, sourceFilter);
      if (source !== undefined) get._source = source;
      body.get = get;
    }
    return { status: statusOf(outcome), body };
  } catch (e) {
    await req.node.durable();
    throw e;
  }
}
