/** `[/{index}]/_bulk`: executes items in order, each failing alone; one durability wait per request. */
import { EsError } from '../../errors';
import type { IndexState } from '../../node';
import { parseJsonBody } from '../json_body';
import type { RestRequest, RestResponse } from '../types';
import {
  finishWrite,
  refreshPolicy,
  renderSource,
  sourceFilterFromParams,
  statusOf,
  validateCas,
  writeResponse,
  Yielder,
} from './common';
import { autoId, parseUpdateBody } from './documents';
import { parseBulk, type BulkItem } from './bulk_parser';

function itemError(item: BulkItem, id: string | undefined, error: EsError, state?: IndexState): Record<string, unknown> {
  const cause = error.toCause();
  // Per-item errors carry the target index metadata like Elasticsearch's shard-level failures.
  if (state && cause.index_uuid === undefined && error.type !== 'illegal_argument_exception') {
    cause.index_uuid = state.uuid;
    cause.shard = '0';
    cause.index = state.name;
  }
  return { _index: state?.name ?? item.index, _id: id ?? null, status: error.status, error: cause };
}

export async function bulk(req: RestRequest): Promise<RestResponse> {
  const started = performance.now();
  const policy = refreshPolicy(req.params);
  const items = parseBulk(req.bodyText, {
    index: req.pathParams.index,
    routing: req.params.get('routing'),
    requireAlias: req.params.optionalBool('require_alias'),
    pipeline: req.params.get('pipeline'),
    sourceFilter: sourceFilterFromParams(req.params),
  });
  const touched = new Set<IndexState>();
  const results: Array<Record<string, unknown>> = [];
  let errors = false;
  const yielder = new Yielder();
  for (const item of items) {
    if (yielder.shouldYield()) await yielder.yield();
    let state: IndexState | undefined;
    const id = item.op === 'index' || item.op === 'create' ? item.id ?? (item.error ? undefined : autoId()) : item.id;
    try {
      if (item.error) throw item.error;
      if (id === undefined) {
        throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: id is missing;');
      }
      validateCas(item.ifSeqNo, item.ifPrimaryTerm, item.op, undefined, undefined);
      if (item.op === 'delete') {
        state = req.node.resolveWriteIndex(item.index ?? '', item.requireAlias === true);
        if (!state) throw new EsError(404, 'index_not_found_exception', `no such index [${item.index}]`, {
          'resource.type': 'index_expression',
          'resource.id': item.index,
          index_uuid: '_na_',
          index: item.index,
        });
        const outcome = req.node.deleteDoc(state, id, { ifSeqNo: item.ifSeqNo, ifPrimaryTerm: item.ifPrimaryTerm, routing: item.routing });
        touched.add(state);
        const body = writeResponse(state, outcome, policy);
        body.status = statusOf(outcome);
        results.push({ delete: body });
        continue;
      }
      state = req.node.writeIndex(item.index ?? '', item.requireAlias === true);
      touched.add(state);
      if (item.op === 'update') {
        const parsed = parseUpdateBody(parseJsonBody(item.source ?? ''));
        const outcome = req.node.updateDoc(state, id, parsed.request, {
          ifSeqNo: item.ifSeqNo ?? parsed.ifSeqNo,
          ifPrimaryTerm: item.ifPrimaryTerm ?? parsed.ifPrimaryTerm,
          routing: item.routing,
        });
        const body = writeResponse(state, outcome, policy);
        body.status = statusOf(outcome);
        const filter = parsed.sourceFilter ?? item.sourceFilter;
        if (filter !== undefined && filter !== false) {
          const get: Record<string, unknown> = { _seq_no: outcome.seqNo, _primary_term: outcome.primaryTerm, found: true };
          const source = renderSource(outcome.source, filter);
          if (source !== undefined) get._source = source;
          body.get = get;
        }
        results.push({ update: body });
        continue;
      }
      const outcome = req.node.indexDoc(state, id, item.source ?? '', {
        opType: item.op === 'create' ? 'create' : 'index',
        ifSeqNo: item.ifSeqNo,
        ifPrimaryTerm: item.ifPrimaryTerm,
        routing: item.routing,
      });
      const body = writeResponse(state, outcome, policy);
      body.status = statusOf(outcome);
      results.push(item.op === 'create' ? { create: body } : { index: body });
    } catch (e) {
      if (!(e instanceof EsError)) throw e;
      errors = true;
      results.push({ [item.op]: itemError(item, id, e, state) });
    }
  }
  await finishWrite(req.node, [...touched], policy);
  return {
    status: 200,
    body: { errors, took: Math.round(performance.now() - started), items: results },
  };
}
