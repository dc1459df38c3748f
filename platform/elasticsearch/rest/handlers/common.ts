/** Helpers shared by the document handlers: write responses, refresh policies, `_source` rendering. */
import { EsError, illegalArgument, unsupported, validationFailed } from '../../errors';
import type { EsNode, IndexState } from '../../node';
import type { WriteOutcome } from '../../shard';
import { filterSource } from '../../search';
import { RawJson } from '../json_body';
import { refreshPolicy, type QueryParams, type RefreshPolicy } from '../params';

export function shardsHeader(state: IndexState, noop = false): { total: number; successful: number; failed: number } {
  if (noop) return { total: 0, successful: 0, failed: 0 };
  return { total: 1 + state.shard.settings.numberOfReplicas, successful: 1, failed: 0 };
}

export function writeResponse(state: IndexState, outcome: WriteOutcome, policy: RefreshPolicy): Record<string, unknown> {
  const body: Record<string, unknown> = {
    _index: state.name,
    _id: outcome.id,
    _version: outcome.version,
    result: outcome.result,
  };
  if (policy === 'immediate' && outcome.result !== 'noop') body.forced_refresh = true;
  body._shards = shardsHeader(state, outcome.result === 'noop');
  body._seq_no = outcome.seqNo;
  body._primary_term = outcome.primaryTerm;
  return body;
}

export function statusOf(outcome: WriteOutcome): number {
  if (outcome.result === 'created') return 201;
  if (outcome.result === 'not_found') return 404;
  return 200;
}

/** Applies the refresh policy, then waits until the operations are durable (acknowledge after fsync). */
export async function finishWrite(node: EsNode, states: IndexState[], policy: RefreshPolicy): Promise<void> {
  const unique = [...new Set(states)];
  if (policy === 'immediate') for (const s of unique) node.refreshState(s);
  const waiting = policy === 'wait_for' ? Promise.all(unique.map((s) => node.waitForRefresh(s))) : undefined;
  // `index.translog.durability: async` acknowledges before the (still group-committed) sync.
  const asyncOnly = unique.length > 0 && unique.every((s) => s.raw['index.translog.durability'] === 'async');
  if (!asyncOnly) await node.durable();
  if (waiting) await waiting;
}

export interface CasParams {
  ifSeqNo?: number;
  ifPrimaryTerm?: number;
}

/** `if_seq_no`/`if_primary_term`, `version`, `version_type` checks shared by index/delete/update. */
export function casParams(params: QueryParams, opType: 'index' | 'create' | 'delete' | 'update'): CasParams {
  const ifSeqNo = params.long('if_seq_no');
  const ifPrimaryTerm = params.long('if_primary_term');
  validateCas(ifSeqNo, ifPrimaryTerm, opType, params.get('version'), params.get('version_type'));
  return { ifSeqNo, ifPrimaryTerm };
}

export function validateCas(
  ifSeqNo: number | undefined,
  ifPrimaryTerm: number | undefined,
  opType: 'index' | 'create' | 'delete' | 'update',
  version: unknown,
  versionType: unknown,
): void {
  if (versionType !== undefined && versionType !== 'internal') {
    throw unsupported('other', `external versioning [version_type=${String(versionType)}]`);
  }
  const messages: string[] = [];
  if (version !== undefined) {
    messages.push(
      opType === 'update'
        ? "internal versioning can not be used for optimistic concurrency control. Please use `if_seq_no` and `if_primary_term` instead"
        : 'internal versioning can not be used for optimistic concurrency control. Please use `if_seq_no` and `if_primary_term` instead',
    );
  }
  if (ifSeqNo !== undefined && ifSeqNo < 0) messages.push(`sequence numbers must be non negative. got [${ifSeqNo}].`);
  if (ifPrimaryTerm !== undefined && ifPrimaryTerm <= 0 && ifPrimaryTerm !== 0) messages.push(`primary term must be positive. got [${ifPrimaryTerm}]`);
  if (ifSeqNo !== undefined && ifPrimaryTerm === undefined) messages.push('ifSeqNo is set, but primary term is [0]');
  if (ifSeqNo === undefined && ifPrimaryTerm !== undefined) messages.push(`ifSeqNo is unassigned, but primary term is [${ifPrimaryTerm}]`);
  if (opType === 'create' && ifSeqNo !== undefined) messages.push('create operations do not support compare and set. use index instead');
  if (messages.length > 0) throw validationFailed(messages);
}

export function validateId(id: string | undefined): void {
  if (id === undefined) return;
  if (id.length === 0) throw illegalArgument('if _id is specified it must not be empty');
  const bytes = Buffer.byteLength(id, 'utf8');
  if (bytes > 512) {
    throw validationFailed([`id [${id}] is too long, must be no longer than 512 bytes but was: ${bytes}`]);
  }
}

export function rejectPipeline(params: QueryParams): void {
  if (params.has('pipeline') && params.get('pipeline') !== '_none') throw unsupported('pipeline', 'ingest pipelines [pipeline]');
}

export { refreshPolicy };

/** The `_source` filter from URL params (`_source`, `_source_includes`, `_source_excludes`); undefined = whole. */
export function sourceFilterFromParams(params: QueryParams): unknown {
  const source = params.get('_source');
  const includes = params.list('_source_includes') ?? params.list('_source_include');
  const excludes = params.list('_source_excludes') ?? params.list('_source_exclude');
  if (includes || excludes) {
    const filter: Record<string, string[]> = {};
    if (includes) filter.includes = includes;
    else if (source !== undefined && source !== 'true' && source !== 'false' && source !== '') filter.includes = source.split(',');
    if (excludes) filter.excludes = excludes;
    return filter;
  }
  if (source === undefined) return undefined;
  if (source === 'false') return false;
  if (source === 'true' || source === '') return true;
  return source.split(',').map((s) => s.trim());
}

/** `_source` in a GET-style reply: raw bytes when unfiltered, undefined when filtered away. */
export function renderSource(raw: string, filter: unknown): RawJson | Record<string, unknown> | undefined {
  if (filter === undefined || filter === true) return new RawJson(raw);
  if (filter === false) return undefined;
  const parsed = JSON.parse(raw) as Record<string, unknown>;
  return filterSource(parsed, filter);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function requireObjectBody(body: unknown, what: string): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isObject(body)) throw new EsError(400, 'parsing_exception', `request body of ${what} must be an object`);
  return body;
}

/** Cooperative yielding for long jobs (spec §1: at least every 50 ms). */
export class Yielder {
  private sliceStart = performance.now();
  shouldYield(): boolean {
    return performance.now() - this.sliceStart >= 50;
  }
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}
