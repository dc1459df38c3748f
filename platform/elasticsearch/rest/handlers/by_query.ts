/**
 * `_update_by_query` / `_delete_by_query` (spec §5): snapshot ids and seq_nos from the searchable view,
 * then re-index or delete each document with compare-and-set against that snapshot, in `scroll_size`
 * batches (one durability wait and one yield per batch).
 */
import { EsError, illegalArgument, parsingException, unsupported } from '../../errors';
import { SEARCH_DEFAULT_OPTIONS, type IndexState } from '../../node';
import { matchingDocs } from '../../search';
import type { RestRequest, RestResponse } from '../types';
import { isObject, Yielder } from './common';

export const BY_QUERY_PARAMS = [
  'allow_no_indices',
  'analyzer',
  'analyze_wildcard',
  'conflicts',
  'default_operator',
  'df',
  'expand_wildcards',
  'from',
  'ignore_unavailable',
  'lenient',
  'max_docs',
  'pipeline',
  'preference',
  'q',
  'refresh',
  'request_cache',
  'requests_per_second',
  'routing',
  'scroll',
  'scroll_size',
  'search_timeout',
  'search_type',
  'slices',
  'sort',
  'stats',
  'terminate_after',
  'timeout',
  'version',
  'version_type',
  'wait_for_active_shards',
  'wait_for_completion',
];

interface SnapshotDoc {
  state: IndexState;
  id: string;
  seqNo: number;
  primaryTerm: number;
  source: string;
  routing?: string;
}

interface ParsedRequest {
  query: unknown;
  maxDocs: number | undefined;
  conflicts: 'abort' | 'proceed';
}

function parseRequest(req: RestRequest): ParsedRequest {
  const params = req.params;
  if (params.has('q')) throw unsupported('other', 'the query string search parameter [q]');
  if (params.has('pipeline')) throw unsupported('pipeline', 'ingest pipelines [pipeline]');
  if (!params.bool('wait_for_completion', true)) throw unsupported('other', 'asynchronous by-query tasks [wait_for_completion=false]');
  if (params.has('scroll')) void params.get('scroll');
  const slices = params.get('slices');
  if (slices !== undefined && slices !== 'auto' && !/^\d+$/.test(slices)) {
    throw illegalArgument(`Failed to parse int parameter [slices] with value [${slices}]`);
  }
  const body = req.body();
  if (body !== undefined && !isObject(body)) throw parsingException('request body must be an object');
  let query: unknown = { match_all: {} };
  let maxDocs: number | undefined = params.int('max_docs');
  let conflicts = params.get('conflicts') ?? 'abort';
  for (const [key, value] of Object.entries(body ?? {})) {
    switch (key) {
      case 'query':
        query = value;
        break;
      case 'max_docs':
      case 'size':
        if (typeof value !== 'number' || !Number.isInteger(value)) throw parsingException(`[${key}] must be an integer`);
        maxDocs = value;
        break;
      case 'conflicts':
        conflicts = String(value);
        break;
      case 'script':
        throw unsupported('script', 'by-query scripts [script]');
      case 'slice':
        throw unsupported('other', 'manual slicing [slice]');
      default:
        throw parsingException(`Unknown key for a ${isObject(value) ? 'START_OBJECT' : 'VALUE'} in [${key}].`);
    }
  }
  if (conflicts !== 'abort' && conflicts !== 'proceed') {
    throw illegalArgument(`conflicts may only be "proceed" or "abort" but was [${conflicts}]`);
  }
  if (maxDocs !== undefined && maxDocs < 0) {
    throw new EsError(400, 'action_request_validation_exception', `Validation Failed: 1: maxDocs should be greater than 0 if the request is limited to some number of documents or -1 if it isn't but it was [${maxDocs}];`);
  }
  const scrollSize = params.int('scroll_size');
  if (scrollSize !== undefined && scrollSize <= 0) {
    throw illegalArgument(`[size] parameter cannot be negative, found [${scrollSize}]`);
  }
  return { query, maxDocs: maxDocs === -1 ? undefined : maxDocs, conflicts };
}

function takeSnapshot(req: RestRequest, query: unknown): SnapshotDoc[] {
  const now = Date.now();
  const docs: SnapshotDoc[] = [];
  for (const { state, aliasFilters } of req.node.resolveWithFilters(req.pathParams.index, req.params.indicesOptions(SEARCH_DEFAULT_OPTIONS))) {
    req.node.prepareSearch(state);
    const view = state.shard.searchView();
    const target = aliasFilters ? { view, aliasFilters } : { view };
    for (const doc of matchingDocs(target, query, now)) {
      docs.push({
        state,
        id: view.id(doc),
        seqNo: view.seqNo(doc),
        primaryTerm: view.primaryTerm(doc),
        source: view.rawSource(doc),
        routing: view.routing(doc),
      });
    }
  }
  return docs;
}

async function runByQuery(req: RestRequest, kind: 'update' | 'delete'): Promise<RestResponse> {
  const started = performance.now();
  const parsed = parseRequest(req);
  const scrollSize = req.params.int('scroll_size') ?? 1000;
  const snapshot = takeSnapshot(req, parsed.query);
  let candidates = snapshot;
  if (parsed.conflicts === 'abort' && parsed.maxDocs !== undefined) candidates = snapshot.slice(0, parsed.maxDocs);
  let updated = 0;
  let deleted = 0;
  let conflicts = 0;
  let batches = 0;
  let total = 0;
  const failures: unknown[] = [];
  const touched = new Set<IndexState>();
  let aborted = false;
  const yielder = new Yielder();
  for (let start = 0; start < candidates.length && !aborted; start += scrollSize) {
    if (parsed.maxDocs !== undefined && updated + deleted >= parsed.maxDocs) break;
    batches++;
    for (const doc of candidates.slice(start, start + scrollSize)) {
      if (parsed.maxDocs !== undefined && updated + deleted >= parsed.maxDocs) break;
      // Long batches still let other requests in (spec §1); the CAS check covers any interleaved write.
      if (yielder.shouldYield()) await yielder.yield();
      total++;
      try {
        const cas = { ifSeqNo: doc.seqNo, ifPrimaryTerm: doc.primaryTerm, routing: doc.routing };
        if (kind === 'update') {
          req.node.indexDoc(doc.state, doc.id, doc.source, cas);
          updated++;
        } else {
          req.node.deleteDoc(doc.state, doc.id, cas);
          deleted++;
        }
        touched.add(doc.state);
      } catch (e) {
        if (e instanceof EsError && e.type === 'index_not_found_exception') {
          // The index was deleted while the job yielded.
          failures.push({ index: doc.state.name, id: doc.id, cause: e.toCause(), status: 404 });
          aborted = true;
          break;
        }
        if (!(e instanceof EsError) || e.status !== 409) throw e;
        conflicts++;
        if (parsed.conflicts === 'abort') {
          failures.push({ index: doc.state.name, id: doc.id, cause: e.toCause(), status: 409 });
          aborted = true;
          break;
        }
      }
    }
    await req.node.durable();
    await yielder.yield();
  }
  if (req.params.bool('refresh', false)) {
    const all = new Set(snapshot.map((d) => d.state));
    for (const s of all) if (req.node.getIndex(s.name) === s) req.node.refreshState(s);
  }
  await req.node.durable();
  const body: Record<string, unknown> = {
    took: Math.round(performance.now() - started),
    timed_out: false,
    total: parsed.conflicts === 'proceed' ? total : Math.max(total, candidates.length),
  };
  if (kind === 'update') body.updated = updated;
  body.deleted = deleted;
  body.batches = batches;
  body.version_conflicts = conflicts;
  body.noops = 0;
  body.retries = { bulk: 0, search: 0 };
  body.throttled_millis = 0;
  body.requests_per_second = -1.0;
  body.throttled_until_millis = 0;
  body.failures = failures;
  const status = failures.length > 0 ? ((failures[0] as { status: number }).status) : 200;
  return { status, body };
}

export const updateByQuery = (req: RestRequest): Promise<RestResponse> => runByQuery(req, 'update');
export const deleteByQuery = (req: RestRequest): Promise<RestResponse> => runByQuery(req, 'delete');
