/** Bounded selection of the best `k` candidates (a binary heap keeping the worst on top). */
export class TopK<T> {
  private readonly heap: T[] = [];

  /** `compare(a, b) < 0` means `a` ranks before (is better than) `b`. */
  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  get size(): number {
    return this.heap.length;
  }

  get full(): boolean {
    return this.heap.length >= this.k;
  }

  /** The worst kept candidate (only meaningful when non-empty). */
  worst(): T | undefined {
    return this.heap[0];
  }

  /** Whether a candidate would be kept (lets callers skip building it). */
  accepts(rank: (worst: T) => number): boolean {
    if (this.k <= 0) return false;
    if (!this.full) return true;
    return rank(this.heap[0]) < 0;
  }

  offer(item: T): void {
    if (this.k <= 0) return;
    const h = this.heap;
    if (h.length < this.k) {
      h.push(item);
      this.siftUp(h.length - 1);
    } else if (this.compare(item, h[0]) < 0) {
      h[0] = item;
      this.siftDown(0);
    }
  }

  /** Best first. */
  sorted(): T[] {
    return [...this.heap].sort(this.compare);
  }

  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      // worst on top: parent must rank after child
      if (this.compare(h[i], h[parent]) <= 0) break;
      const tmp = h[i];
      h[i] = h[parent];
      h[parent] = tmp;
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && this.compare(h[l], h[worst]) > 0) worst = l;
      if (r < h.length && this.compare(h[r], h[worst]) > 0) worst = r;
      if (worst === i) return;
      const tmp = h[i];
      h[i] = h[worst];
      h[worst] = tmp;
      i = worst;
    }
  }
}
