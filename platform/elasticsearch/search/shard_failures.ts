/**
 * Per-index failures. Some indices failing gives a 200 with `_shards.failures`; all failing gives
 * `search_phase_execution_exception` "all shards failed" with the first cause's status.
 */
import { EsError, type EsErrorCause } from '../errors';

export interface ShardFailure {
  index: string;
  error: EsError;
}

export function failureEntry(f: ShardFailure, nodeId: string): Record<string, unknown> {
  return { shard: 0, index: f.index, node: nodeId, reason: f.error.toCause() };
}

export class SearchPhaseExecutionError extends EsError {
  constructor(
    private readonly failures: readonly ShardFailure[],
    nodeId: string,
    phase = 'query',
  ) {
    super(
      failures[0].error.status,
      'search_phase_execution_exception',
      'all shards failed',
      { phase, grouped: true, failed_shards: groupFailures(failures).map((f) => failureEntry(f, nodeId)) },
      failures[0].error,
    );
  }

  override rootCauses(): EsErrorCause[] {
    const out: EsErrorCause[] = [];
    const seen = new Set<string>();
    for (const f of groupFailures(this.failures)) {
      for (const c of f.error.rootCauses()) {
        const key = JSON.stringify(c);
        if (!seen.has(key)) {
          seen.add(key);
          out.push(c);
        }
      }
    }
    return out;
  }
}

/** Elasticsearch groups failures with the same cause on the same index ("grouped": true). */
export function groupFailures(failures: readonly ShardFailure[]): ShardFailure[] {
  const seen = new Set<string>();
  const out: ShardFailure[] = [];
  for (const f of failures) {
    const key = `${f.index}\u0000${f.error.type}\u0000${f.error.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
