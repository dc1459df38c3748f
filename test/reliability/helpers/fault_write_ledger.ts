import { createHash } from 'node:crypto';

/** One document version as written by the load generator; `sum` lets a reader spot a torn or mixed body. */
export interface LedgerDoc {
  key: string;
  rev: number;
  writer: number;
  payload: string;
  sum: string;
}

export interface LedgerReport {
  /** Documents whose write was acknowledged at least once. */
  acknowledged: number;
  /** Acknowledged documents found with their last acknowledged content or a later attempted one. */
  verified: number;
  /** Acknowledged writes whose content is gone (missing document, or an older revision). */
  lost: Array<{ key: string; acknowledgedRev: number; found: number | 'missing' }>;
  /** Stored bodies that match no attempted write, fail their checksum, or belong to no attempted key. */
  corrupt: Array<{ key: string; reason: string }>;
  /** Unacknowledged (in-flight at the kill) documents that made it to disk anyway: allowed, reported. */
  unacknowledgedPresent: number;
  acknowledgedWrites: number;
  attemptedWrites: number;
}

const checksum = (payload: string) => createHash('sha256').update(payload).digest('hex').slice(0, 16);

/**
 * Records every write the load generator attempts and every acknowledgement it gets, then checks a read-back of the
 * store against them. Writes to one key happen in order (one writer owns a key), so "acknowledged content or a
 * later attempt" is the exact durability promise: nothing acknowledged may be lost or replaced by older content.
 */
export class WriteLedger {
  private readonly attempts = new Map<string, LedgerDoc[]>();
  private readonly acked = new Map<string, number>();
  private attemptedWrites = 0;
  private acknowledgedWrites = 0;

  /** The next revision of `key` (1 for a new key), recorded as attempted. */
  attempt(key: string, writer: number, payload: string): LedgerDoc {
    const list = this.attempts.get(key) ?? [];
    const doc: LedgerDoc = { key, rev: (list.at(-1)?.rev ?? 0) + 1, writer, payload, sum: checksum(payload) };
    list.push(doc);
    this.attempts.set(key, list);
    this.attemptedWrites += 1;
    return doc;
  }

  acknowledge(doc: LedgerDoc): void {
    const previous = this.acked.get(doc.key) ?? 0;
    if (doc.rev > previous) this.acked.set(doc.key, doc.rev);
    this.acknowledgedWrites += 1;
  }

  keys(): string[] {
    return [...this.attempts.keys()];
  }

  /** Keys with at least one acknowledged write. */
  acknowledgedKeys(): string[] {
    return [...this.acked.keys()];
  }

  /** `stored`: every attempted key → its stored source (undefined when absent); `extraKeys`: ids found that were never attempted. */
  verify(stored: ReadonlyMap<string, unknown>, extraKeys: readonly string[] = []): LedgerReport {
    const lost: LedgerReport['lost'] = [];
    const corrupt: LedgerReport['corrupt'] = extraKeys.map((key) => ({ key, reason: 'a document that was never written' }));
    let verified = 0;
    let unacknowledgedPresent = 0;
    for (const [key, attempts] of this.attempts) {
      const ackRev = this.acked.get(key);
      const source = stored.get(key);
      if (source === undefined) {
        if (ackRev !== undefined) lost.push({ key, acknowledgedRev: ackRev, found: 'missing' });
        continue;
      }
      const doc = source as Partial<LedgerDoc>;
      const match = attempts.find((a) => a.rev === doc.rev);
      if (!match || JSON.stringify(sorted(match)) !== JSON.stringify(sorted(source))) {
        corrupt.push({ key, reason: `stored body matches no attempted write: ${JSON.stringify(source).slice(0, 200)}` });
        continue;
      }
      if (typeof doc.payload !== 'string' || checksum(doc.payload) !== doc.sum) {
        corrupt.push({ key, reason: 'payload checksum mismatch' });
        continue;
      }
      if (ackRev === undefined) {
        unacknowledgedPresent += 1;
      } else if (match.rev < ackRev) {
        lost.push({ key, acknowledgedRev: ackRev, found: match.rev });
      } else {
        verified += 1;
      }
    }
    return {
      acknowledged: this.acked.size,
      verified,
      lost,
      corrupt,
      unacknowledgedPresent,
      acknowledgedWrites: this.acknowledgedWrites,
      attemptedWrites: this.attemptedWrites,
    };
  }
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}
