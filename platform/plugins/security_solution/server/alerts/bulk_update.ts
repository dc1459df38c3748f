/**
 * Read-modify-write of many alerts with optimistic concurrency: every write carries the `if_seq_no` /
 * `if_primary_term` it read; a 409 means someone else wrote first, so that alert is re-read and the change
 * re-applied on top of their version. Concurrent writers therefore never lose each other's updates.
 */
import type { Client } from '@elastic/elasticsearch';
import type { BulkUpdateSummary } from '../../common/api';

export type AlertSource = Record<string, unknown>;

export interface AlertTarget {
  _id: string;
  _index: string;
  _seq_no: number;
  _primary_term: number;
  _source: AlertSource;
}

export type AlertTransform = (source: AlertSource) => AlertSource | undefined;

export const MAX_CONFLICT_RETRIES = 20;

export function emptySummary(): BulkUpdateSummary {
  return {
    took: 0,
    timed_out: false,
    total: 0,
    updated: 0,
    deleted: 0,
    batches: 0,
    version_conflicts: 0,
    noops: 0,
    retries: { bulk: 0, search: 0 },
    throttled_millis: 0,
    requests_per_second: -1,
    throttled_until_millis: 0,
    failures: [],
  };
}

interface BulkItem {
  _id?: string | null;
  status: number;
  error?: { type?: string; reason?: string | null };
}

/** Re-reads documents by id with their current seq_no/primary_term (missing ones are dropped). */
export async function fetchTargets(esClient: Client, index: string, ids: string[]): Promise<AlertTarget[]> {
  if (ids.length === 0) return [];
  const res = await esClient.mget<AlertSource>({ index, ids });
  const out: AlertTarget[] = [];
  for (const doc of res.docs) {
    if ('found' in doc && doc.found && doc._source && doc._seq_no !== undefined && doc._primary_term !== undefined) {
      out.push({ _id: doc._id, _index: doc._index, _seq_no: doc._seq_no, _primary_term: doc._primary_term, _source: doc._source });
    }
  }
  return out;
}

/** Applies `transform` to one batch of targets, retrying conflicts; adds the outcome to `summary`. */
export async function updateBatch(options: {
  esClient: Client;
  readIndex: string;
  targets: AlertTarget[];
  transform: AlertTransform;
  summary: BulkUpdateSummary;
  maxRetries?: number;
}): Promise<void> {
  const { esClient, transform, summary } = options;
  const maxRetries = options.maxRetries ?? MAX_CONFLICT_RETRIES;
  summary.total += options.targets.length;
  summary.batches++;
  let pending = options.targets;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const operations: unknown[] = [];
    for (const t of pending) {
      const next = transform(t._source);
      if (!next) {
        summary.noops++;
        continue;
      }
      operations.push({ index: { _index: t._index, _id: t._id, if_seq_no: t._seq_no, if_primary_term: t._primary_term } }, next);
    }
    if (operations.length === 0) return;
    const res = await esClient.bulk({ operations, refresh: false });
    const conflicted: string[] = [];
    for (const item of res.items) {
      const r = item.index as BulkItem | undefined;
      if (!r) continue;
      const id = r._id ?? '';
      if (r.status < 300) summary.updated++;
      else if (r.status === 409) conflicted.push(id);
      else summary.failures.push({ id, status: r.status, cause: { type: r.error?.type ?? 'unknown', reason: r.error?.reason ?? 'unknown error' } });
    }
    if (conflicted.length === 0) return;
    if (attempt >= maxRetries) {
      summary.version_conflicts += conflicted.length;
      return;
    }
    summary.retries.bulk++;
    pending = await fetchTargets(esClient, options.readIndex, conflicted);
  }
}
