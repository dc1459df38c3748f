/**
 * The crash harness's expectations. Every acknowledged write fixes a document's exact state
 * (_version, _seq_no, source, or deleted). A write whose reply never arrived (the process died) may or
 * may not have been applied, so it adds an alternative outcome. After a restart each document must be
 * in its last acknowledged state or in one of those alternatives, never older.
 */
export type Source = Record<string, unknown>;

export interface DocState {
  exists: boolean;
  version: number;
  seqNo: number;
  source?: Source;
}

/** A possible outcome of an unacknowledged write (version and seq_no are unknown, only newer). */
export interface PendingOutcome {
  exists: boolean;
  source?: Source;
}

export interface ActualDoc {
  found: boolean;
  version?: number;
  seqNo?: number;
  source?: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Partial-document update semantics (§4): key by key, recursing only where both sides are objects. */
export function mergeDoc(base: Source, patch: Source): Source {
  const out: Source = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isRecord(current) && isRecord(value) ? mergeDoc(current, value) : value;
  }
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

export class DurabilityModel {
  private readonly acked = new Map<string, DocState>();
  private readonly pending = new Map<string, PendingOutcome[]>();
  private readonly maxSeqNo = new Map<string, number>();

  static key(index: string, id: string): string {
    return `${index}/${id}`;
  }

  /** The state the model currently predicts (the last acknowledged one). */
  current(key: string): DocState | undefined {
    return this.acked.get(key);
  }

  keys(): string[] {
    return [...new Set([...this.acked.keys(), ...this.pending.keys()])].sort();
  }

  recordAck(key: string, state: DocState): void {
    const previous = this.acked.get(key);
    if (previous !== undefined && state.seqNo < previous.seqNo) {
      throw new Error(`acknowledged seq_no went backwards for ${key}: ${state.seqNo} after ${previous.seqNo}`);
    }
    this.acked.set(key, state);
    const index = key.slice(0, key.indexOf('/'));
    this.maxSeqNo.set(index, Math.max(this.maxSeqNo.get(index) ?? -1, state.seqNo));
  }

  /** A write that was sent but whose reply never came. */
  recordUncertain(key: string, outcome: PendingOutcome): void {
    const list = this.pending.get(key) ?? [];
    list.push(outcome);
    this.pending.set(key, list);
  }

  maxAckedSeqNo(index: string): number {
    return this.maxSeqNo.get(index) ?? -1;
  }

  indices(): string[] {
    return [...this.maxSeqNo.keys()].sort();
  }

  /** Why the recovered document violates durability, or undefined when it is acceptable. */
  violation(key: string, actual: ActualDoc): string | undefined {
    const acked = this.acked.get(key);
    const pending = this.pending.get(key) ?? [];
    if (!actual.found) {
      if (acked === undefined || !acked.exists) return undefined;
      if (pending.some((p) => !p.exists)) return undefined;
      return `${key}: acknowledged version ${acked.version} (seq_no ${acked.seqNo}) is lost: document not found`;
    }
    if (acked?.exists === true && actual.version === acked.version && actual.seqNo === acked.seqNo && deepEqual(actual.source, acked.source)) {
      return undefined;
    }
    const newer = (actual.seqNo ?? -1) > (acked?.seqNo ?? -1) && (actual.version ?? 0) > (acked?.version ?? 0);
    if (newer && pending.some((p) => p.exists && deepEqual(actual.source, p.source))) return undefined;
    const expected = acked === undefined ? 'no document' : acked.exists ? `version ${acked.version}, seq_no ${acked.seqNo}, source ${JSON.stringify(acked.source)}` : 'deleted';
    return `${key}: found version ${actual.version}, seq_no ${actual.seqNo}, source ${JSON.stringify(actual.source)}; expected ${expected}${pending.length > 0 ? ` or one of ${pending.length} unacknowledged writes` : ''}`;
  }

  /** After verification the recovered state becomes the new truth (for the next crash cycle). */
  resetTo(key: string, actual: ActualDoc): void {
    this.pending.delete(key);
    if (actual.found && actual.version !== undefined && actual.seqNo !== undefined && isRecord(actual.source)) {
      this.acked.set(key, { exists: true, version: actual.version, seqNo: actual.seqNo, source: actual.source });
    } else {
      const previous = this.acked.get(key);
      this.acked.set(key, { exists: false, version: previous?.version ?? 0, seqNo: previous?.seqNo ?? -1 });
    }
  }
}
