/**
 * The host pool (§5.5): at most `max` runs interleave; the overflow waits FIFO (its executions show `pending`).
 */
export class HostPool {
  private running = 0;
  private readonly waiting: Array<{ id: string; start: () => void }> = [];

  constructor(private readonly max: number) {}

  /** Calls `start` now if a slot is free, otherwise once one frees up (FIFO). */
  acquire(id: string, start: () => void): 'started' | 'pending' {
    if (this.running < this.max) {
      this.running++;
      start();
      return 'started';
    }
    this.waiting.push({ id, start });
    return 'pending';
  }

  /** Frees a slot and hands it to the oldest waiting run. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.running = Math.max(0, this.running - 1);
  }

  /** Drops a waiting run (cancelled while pending); false when it was not waiting. */
  remove(id: string): boolean {
    const index = this.waiting.findIndex((entry) => entry.id === id);
    if (index < 0) return false;
    this.waiting.splice(index, 1);
    return true;
  }

  get activeCount(): number {
    return this.running;
  }

  get pendingCount(): number {
    return this.waiting.length;
  }
}
