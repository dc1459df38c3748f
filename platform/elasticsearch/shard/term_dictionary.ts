const EMPTY_SLOT = -1;

/** FNV-1a over UTF-16 code units with a final avalanche, so the low bits index the table well. */
function hashTerm(term: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

/**
 * Terms by insertion id. Ids are assigned in order of first appearance, so the first doc of a term is
 * non-decreasing in its id: a view taken when there were T terms sees exactly the ids `0..T-1`.
 *
 * The lookup table is open addressing over typed arrays (term id per slot, hash per id) rather than a
 * `Map`: fields with a new term in almost every document (alert ids, IPs) make the table large, and a
 * probe here touches one or two adjacent slots plus the hash array, where a `Map` miss walks a chain of
 * heap entries and key strings. The lookup that misses remembers its slot for the `add` that follows.
 */
export class TermDictionary {
  readonly terms: string[] = [];
  private hashes = new Int32Array(16);
  private slots = new Int32Array(16).fill(EMPTY_SLOT);
  private mask = 15;
  /** The last `idOf` miss: `add` of that same term reuses its hash and free slot. */
  private missTerm: string | undefined;
  private missHash = 0;
  private missSlot = 0;
  /** Sorted ids of the first `sortedFor` terms, merged incrementally. */
  private sorted: Int32Array = new Int32Array(0);
  private sortedFor = 0;

  idOf(term: string): number | undefined {
    const h = hashTerm(term);
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const id = slots[i];
      if (id === EMPTY_SLOT) {
        this.missTerm = term;
        this.missHash = h;
        this.missSlot = i;
        return undefined;
      }
      if (this.hashes[id] === h && this.terms[id] === term) return id;
      i = (i + 1) & mask;
    }
  }

  /** Adds a term that is not in the dictionary (callers check with `idOf`, or add distinct terms). */
  add(term: string): number {
    const id = this.terms.length;
    let h: number;
    let slot: number;
    if (this.missTerm === term && (id + 1) * 2 <= this.slots.length) {
      h = this.missHash;
      slot = this.missSlot;
    } else {
      h = hashTerm(term);
      if ((id + 1) * 2 > this.slots.length) this.grow();
      slot = h & this.mask;
      while (this.slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & this.mask;
    }
    this.missTerm = undefined;
    if (id === this.hashes.length) {
      const next = new Int32Array(id * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[id] = h;
    this.slots[slot] = id;
    this.terms.push(term);
    return id;
  }

  /** Doubles the table (load stays at most 1/2) and reinserts every id by its stored hash. */
  private grow(): void {
    const capacity = this.slots.length * 2;
    const slots = new Int32Array(capacity).fill(EMPTY_SLOT);
    const mask = capacity - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let i = this.hashes[id] & mask;
      while (slots[i] !== EMPTY_SLOT) i = (i + 1) & mask;
      slots[i] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }

  get size(): number {
    return this.terms.length;
  }

  /** Term ids `0..count-1` in term order (UTF-16 code unit order). */
  sortedIds(count: number): Int32Array {
    const terms = this.terms;
    const cmp = (a: number, b: number): number => {
      const x = terms[a];
      const y = terms[b];
      return x < y ? -1 : x > y ? 1 : 0;
    };
    if (count === this.sortedFor) return this.sorted;
    if (count < this.sortedFor) return this.sorted.filter((id) => id < count);
    const fresh = new Int32Array(count - this.sortedFor);
    for (let i = 0; i < fresh.length; i++) fresh[i] = this.sortedFor + i;
    fresh.sort(cmp);
    const old = this.sorted;
    const merged = new Int32Array(count);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < fresh.length) merged[k++] = cmp(old[i], fresh[j]) <= 0 ? old[i++] : fresh[j++];
    while (i < old.length) merged[k++] = old[i++];
    while (j < fresh.length) merged[k++] = fresh[j++];
    this.sorted = merged;
    this.sortedFor = count;
    return merged;
  }

  sortedTerms(count: number): string[] {
    const ids = this.sortedIds(count);
    const out = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = this.terms[ids[i]];
    return out;
  }
}
