/**
 * Sorted doc-id set algebra. Every list is ascending without duplicates (the `DocIdList` contract), so
 * conjunctions gallop from the rarest list and never touch documents no clause matched.
 */
import { docsFromBitset } from '../doc_id_bitset';

export const EMPTY_DOCS = new Int32Array(0);

/** First index `i >= from` with `list[i] >= target` (exponential then binary search). */
export function advance(list: Int32Array, from: number, target: number): number {
  let lo = from;
  if (lo >= list.length || list[lo] >= target) return lo;
  let step = 1;
  let hi = lo + step;
  while (hi < list.length && list[hi] < target) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > list.length) hi = list.length;
  // invariant: list[lo] < target, answer in (lo, hi]
  lo += 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function contains(list: Int32Array, doc: number): boolean {
  const i = advance(list, 0, doc);
  return i < list.length && list[i] === doc;
}

/** Leapfrog intersection, starting from the shortest list. */
export function intersectAll(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 0) return EMPTY_DOCS;
  if (lists.length === 1) return lists[0];
  const ordered = [...lists].sort((a, b) => a.length - b.length);
  const lead = ordered[0];
  if (lead.length === 0) return EMPTY_DOCS;
  const cursors = new Array<number>(ordered.length).fill(0);
  const out = new Int32Array(lead.length);
  let n = 0;
  outer: for (let i = 0; i < lead.length; i++) {
    const doc = lead[i];
    for (let k = 1; k < ordered.length; k++) {
      const list = ordered[k];
      const c = advance(list, cursors[k], doc);
      cursors[k] = c;
      if (c >= list.length) break outer;
      if (list[c] !== doc) continue outer;
    }
    out[n++] = doc;
  }
  return out.subarray(0, n);
}

/** Docs of `base` that are in none of `excluded`. */
export function subtract(base: Int32Array, excluded: readonly Int32Array[]): Int32Array {
  const lists = excluded.filter((l) => l.length > 0);
  if (lists.length === 0) return base;
  const cursors = new Array<number>(lists.length).fill(0);
  const out = new Int32Array(base.length);
  let n = 0;
  for (let i = 0; i < base.length; i++) {
    const doc = base[i];
    let hit = false;
    for (let k = 0; k < lists.length; k++) {
      const c = advance(lists[k], cursors[k], doc);
      cursors[k] = c;
      if (c < lists[k].length && lists[k][c] === doc) {
        hit = true;
        break;
      }
    }
    if (!hit) out[n++] = doc;
  }
  return out.subarray(0, n);
}

/** Union of sorted lists: linear merges for a few lists, concatenate + sort + dedupe for many. */
export function unionAll(lists: readonly Int32Array[]): Int32Array {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return EMPTY_DOCS;
  if (nonEmpty.length === 1) return nonEmpty[0];
  if (nonEmpty.length <= 8) {
    let acc = nonEmpty[0];
    for (let i = 1; i < nonEmpty.length; i++) acc = mergeTwo(acc, nonEmpty[i]);
    return acc;
  }
  let total = 0;
  let maxValue = 0;
  for (const l of nonEmpty) {
    total += l.length;
    if (l[l.length - 1] > maxValue) maxValue = l[l.length - 1];
  }
  // Many postings over a dense range: mark a bitset instead of sorting everything.
  if (total * 32 > maxValue) return unionByBitset(nonEmpty, maxValue);
  const all = new Int32Array(total);
  let off = 0;
  for (const l of nonEmpty) {
    all.set(l, off);
    off += l.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) {
    if (n === 0 || all[n - 1] !== all[i]) all[n++] = all[i];
  }
  return all.subarray(0, n);
}

function unionByBitset(lists: readonly Int32Array[], maxValue: number): Int32Array {
  const words = new Uint32Array((maxValue >>> 5) + 1);
  for (const l of lists) for (let i = 0; i < l.length; i++) words[l[i] >>> 5] |= 1 << (l[i] & 31);
  return docsFromBitset(words);
}

function mergeTwo(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x < y) {
      out[n++] = x;
      i++;
    } else if (y < x) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out.subarray(0, n);
}

/** Positions of each doc of `docs` inside `list` (which must contain them all). */
export function locate(list: Int32Array, docs: Int32Array): Int32Array {
  const out = new Int32Array(docs.length);
  let c = 0;
  for (let i = 0; i < docs.length; i++) {
    c = advance(list, c, docs[i]);
    out[i] = c;
  }
  return out;
}

export function rangeDocs(maxDoc: number): Int32Array {
  const out = new Int32Array(maxDoc);
  for (let i = 0; i < maxDoc; i++) out[i] = i;
  return out;
}
