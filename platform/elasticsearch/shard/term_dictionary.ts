/**
 * Terms by insertion id. Ids are assigned in order of first appearance, so the first doc of a term is
 * non-decreasing in its id: a view taken when there were T terms sees exactly the ids `0..T-1`.
 */
export class TermDictionary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  /** Sorted ids of the first `sortedFor` terms, merged incrementally. */
  private sorted: Int32Array = new Int32Array(0);
  private sortedFor = 0;

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  add(term: string): number {
    const id = this.terms.length;
    this.ids.set(term, id);
    this.terms.push(term);
    return id;
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
