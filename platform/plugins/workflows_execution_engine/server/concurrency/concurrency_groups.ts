export interface ConcurrencyPolicy {
  strategy: 'queue' | 'drop' | 'cancel-in-progress';
  max: number;
  queueSize: number;
  queueTtlMs: number;
}

export type AdmissionDecision =
  | { decision: 'run'; cancel: string[] }
  | { decision: 'queued' }
  | { decision: 'skipped'; reason: string };

interface QueuedEntry {
  id: string;
  queuedAtMs: number;
  ttlMs: number;
}

interface Group {
  /** Admitted runs holding a slot of the key, oldest first. */
  active: string[];
  queue: QueuedEntry[];
}

/**
 * Per-workflow concurrency (§5.5), keyed by the rendered `concurrency.key`. Pure bookkeeping: the caller starts,
 * cancels and skips executions according to the decisions.
 */
export class ConcurrencyGroups {
  private readonly groups = new Map<string, Group>();

  private group(key: string): Group {
    let group = this.groups.get(key);
    if (!group) {
      group = { active: [], queue: [] };
      this.groups.set(key, group);
    }
    return group;
  }

  admit(key: string, id: string, policy: ConcurrencyPolicy, nowMs: number): AdmissionDecision {
    const group = this.group(key);
    if (group.active.length < policy.max) {
      group.active.push(id);
      return { decision: 'run', cancel: [] };
    }
    switch (policy.strategy) {
      case 'drop':
        this.cleanup(key, group);
        return { decision: 'skipped', reason: `Dropped: ${group.active.length} execution(s) with concurrency key "${key}" are already running (max ${policy.max}).` };
      case 'cancel-in-progress': {
        const cancel = group.active.splice(0, group.active.length - policy.max + 1);
        group.active.push(id);
        return { decision: 'run', cancel };
      }
      case 'queue':
      default:
        if (group.queue.length >= policy.queueSize) {
          return { decision: 'skipped', reason: `Skipped: the queue of concurrency key "${key}" is full (${policy.queueSize}).` };
        }
        group.queue.push({ id, queuedAtMs: nowMs, ttlMs: policy.queueTtlMs });
        return { decision: 'queued' };
    }
  }

  /**
   * Frees the slot of `id` and promotes queued runs while slots are free. Entries older than their queue-ttl are
   * returned as `expired` (to be skipped).
   */
  release(key: string, id: string, max: number, nowMs: number): { start: string[]; expired: string[] } {
    const group = this.groups.get(key);
    const out = { start: [] as string[], expired: [] as string[] };
    if (!group) return out;
    const index = group.active.indexOf(id);
    if (index >= 0) group.active.splice(index, 1);
    while (group.active.length < max && group.queue.length > 0) {
      const next = group.queue.shift();
      if (!next) break;
      if (nowMs - next.queuedAtMs > next.ttlMs) {
        out.expired.push(next.id);
        continue;
      }
      group.active.push(next.id);
      out.start.push(next.id);
    }
    this.cleanup(key, group);
    return out;
  }

  /** Drops a queued run (cancelled while queued); false when it was not queued. */
  removeQueued(key: string, id: string): boolean {
    const group = this.groups.get(key);
    if (!group) return false;
    const index = group.queue.findIndex((entry) => entry.id === id);
    if (index < 0) return false;
    group.queue.splice(index, 1);
    this.cleanup(key, group);
    return true;
  }

  activeIds(key: string): readonly string[] {
    return this.groups.get(key)?.active ?? [];
  }

  private cleanup(key: string, group: Group): void {
    if (group.active.length === 0 && group.queue.length === 0) this.groups.delete(key);
  }
}
