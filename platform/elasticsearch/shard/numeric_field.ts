import { docsFromBitset } from '../doc_id_bitset';
import type { DocIdList, LeafFieldMapping, NumericFieldIndex } from '../search_view';
import { EMPTY_DOCS, FloatVector, IntVector, lowerBound, upperBound } from './growable';

const EMPTY: readonly number[] = Object.freeze([]);

/** An immutable sorted run of (value, doc) points, ordered by value then doc. */
export interface PointRun {
  readonly values: Float64Array;
  readonly docs: Int32Array;
}

const SMALL_INT = 2 ** 21;
const INDEX_SPACE = 2 ** 31;

/**
 * Sorts pending points into a run. Docs arrive ascending, so a stable sort by value is enough:
 * already-sorted input (timestamps) is copied as is, small integers are packed with their index into
 * one exactly-representable double and sorted natively, anything else uses a comparator.
 */
function sortRun(values: Float64Array, docs: Int32Array, len: number): PointRun {
  const v = new Float64Array(len);
  const d = new Int32Array(len);
  let sorted = true;
  let smallInts = true;
  for (let i = 0; i < len; i++) {
    const x = values[i];
    if (i > 0 && x < values[i - 1]) sorted = false;
    if (smallInts && !(Number.isInteger(x) && x >= -SMALL_INT && x < SMALL_INT)) smallInts = false;
  }
  if (sorted) {
    v.set(values.subarray(0, len));
    d.set(docs.subarray(0, len));
    return { values: v, docs: d };
  }
  if (smallInts) {
    const keys = new Float64Array(len);
    for (let i = 0; i < len; i++) keys[i] = (values[i] + SMALL_INT) * INDEX_SPACE + i;
    keys.sort();
    for (let i = 0; i < len; i++) {
      const idx = keys[i] % INDEX_SPACE;
      v[i] = values[idx];
      d[i] = docs[idx];
    }
    return { values: v, docs: d };
  }
  const order = new Int32Array(len);
  for (let i = 0; i < len; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b] || a - b);
  for (let i = 0; i < len; i++) {
    v[i] = values[order[i]];
    d[i] = docs[order[i]];
  }
  return { values: v, docs: d };
}

function mergeRuns(a: PointRun, b: PointRun): PointRun {
  const n = a.values.length + b.values.length;
  const v = new Float64Array(n);
  const d = new Int32Array(n);
  let i = 0;
  let j = 0;
  let k = 0;
  const av = a.values;
  const bv = b.values;
  while (i < av.length && j < bv.length) {
    if (av[i] < bv[j] || (av[i] === bv[j] && a.docs[i] <= b.docs[j])) {
      v[k] = av[i];
      d[k++] = a.docs[i++];
    } else {
      v[k] = bv[j];
      d[k++] = b.docs[j++];
    }
  }
  while (i < av.length) {
    v[k] = av[i];
    d[k++] = a.docs[i++];
  }
  while (j < bv.length) {
    v[k] = bv[j];
    d[k++] = b.docs[j++];
  }
  return { values: v, docs: d };
}

/** Pending points are sealed into a run when this many accumulate, even without a refresh. */
const SEAL_THRESHOLD = 1 << 16;

/**
 * Numbers and dates: per-doc values (one Float64 per doc, extra values in a side map) and points as
 * sorted runs kept in geometrically decreasing sizes (merged like an LSM tree), so `range` is a
 * binary search per run.
 */
export class NumericFieldWriter {
  readonly single = new FloatVector(16);
  /** Per doc: 0 none, 1 single value in `single`, 2+ multi (values in `multi`). */
  readonly counts = new IntVector(16);
  readonly multi = new Map<number, Float64Array>();
  private pendingValues = new FloatVector(64);
  private pendingDocs = new IntVector(64);
  runs: PointRun[] = [];
  docCount = 0;
  private curDoc = -1;
  private readonly curValues: number[] = [];

  constructor(readonly path: string) {}

  add(doc: number, value: number): void {
    if (this.curDoc !== doc) {
      this.curDoc = doc;
      this.curValues.length = 0;
    }
    this.curValues.push(value);
    this.pendingValues.push(value);
    this.pendingDocs.push(doc);
  }

  endDoc(doc: number): void {
    if (this.curDoc !== doc || this.curValues.length === 0) return;
    const vals = this.curValues;
    while (this.single.length < doc) this.single.push(NaN);
    if (vals.length === 1) {
      this.single.push(vals[0]);
      this.counts.set(doc, 1);
    } else {
      const sorted = Float64Array.from(vals).sort();
      this.single.push(sorted[0]);
      this.counts.set(doc, sorted.length);
      this.multi.set(doc, sorted);
    }
    this.docCount++;
    this.curDoc = -1;
    this.curValues.length = 0;
    if (this.pendingValues.length >= SEAL_THRESHOLD) this.seal();
  }

  removeDoc(doc: number): void {
    if (this.counts.get(doc) > 0) this.docCount--;
  }

  values(doc: number): readonly number[] {
    const c = this.counts.get(doc);
    if (c === 0) return EMPTY;
    if (c === 1) return [this.single.data[doc]];
    return Array.from(this.multi.get(doc) as Float64Array);
  }

  /** Turns pending points into a run and merges runs of similar size. */
  seal(): void {
    const n = this.pendingValues.length;
    if (n === 0) return;
    let run = sortRun(this.pendingValues.data, this.pendingDocs.data, n);
    this.pendingValues = new FloatVector(64);
    this.pendingDocs = new IntVector(64);
    const runs = this.runs.slice();
    while (runs.length > 0 && runs[runs.length - 1].values.length <= run.values.length * 2) {
      run = mergeRuns(runs.pop() as PointRun, run);
    }
    runs.push(run);
    this.runs = runs;
  }

  /** A new writer without the dropped docs (`remap[old]` is the new doc id or -1); points become one run. */
  compact(remap: Int32Array): NumericFieldWriter {
    this.seal();
    const out = new NumericFieldWriter(this.path);
    for (let old = 0; old < this.counts.length; old++) {
      const c = this.counts.data[old];
      const nd = remap[old];
      if (c === 0 || nd < 0) continue;
      while (out.single.length < nd) out.single.push(NaN);
      out.single.push(this.single.data[old]);
      out.counts.set(nd, c);
      if (c > 1) out.multi.set(nd, this.multi.get(old) as Float64Array);
    }
    let merged: PointRun | undefined;
    for (const run of this.runs) {
      let count = 0;
      for (let i = 0; i < run.docs.length; i++) if (remap[run.docs[i]] >= 0) count++;
      const values = new Float64Array(count);
      const docs = new Int32Array(count);
      let k = 0;
      for (let i = 0; i < run.docs.length; i++) {
        const nd = remap[run.docs[i]];
        if (nd >= 0) {
          values[k] = run.values[i];
          docs[k++] = nd;
        }
      }
      const filtered = { values, docs };
      merged = merged === undefined ? filtered : mergeRuns(merged, filtered);
    }
    out.runs = merged === undefined || merged.values.length === 0 ? [] : [merged];
    out.docCount = this.docCount;
    return out;
  }

  view(mapping: LeafFieldMapping, maxDoc: number): NumericFieldIndex {
    this.seal();
    return new NumericFieldView(this, mapping, maxDoc, this.runs, this.docCount);
  }
}

class NumericFieldView implements NumericFieldIndex {
  readonly kind = 'numeric' as const;

  constructor(
    private readonly writer: NumericFieldWriter,
    readonly mapping: LeafFieldMapping,
    private readonly maxDoc: number,
    private readonly runs: readonly PointRun[],
    readonly docCount: number,
  ) {}

  range(min: number, max: number): DocIdList {
    if (Number.isNaN(min) || Number.isNaN(max) || min > max) return EMPTY_DOCS;
    const slices: [Int32Array, number, number][] = [];
    let total = 0;
    for (const run of this.runs) {
      const lo = min === -Infinity ? 0 : lowerBound(run.values, run.values.length, min);
      const hi = max === Infinity ? run.values.length : upperBound(run.values, run.values.length, max);
      if (hi > lo) {
        slices.push([run.docs, lo, hi]);
        total += hi - lo;
      }
    }
    if (total === 0) return EMPTY_DOCS;
    if (total * 8 > this.maxDoc) {
      // dense result: a bitset dedupes and sorts in O(maxDoc/32 + total)
      const words = new Uint32Array((this.maxDoc + 31) >>> 5);
      for (const [docs, lo, hi] of slices) for (let i = lo; i < hi; i++) words[docs[i] >>> 5] |= 1 << (docs[i] & 31);
      return docsFromBitset(words);
    }
    const all = new Int32Array(total);
    let k = 0;
    for (const [docs, lo, hi] of slices) {
      all.set(docs.subarray(lo, hi), k);
      k += hi - lo;
    }
    all.sort();
    let w = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[w++] = all[i];
    return w === all.length ? all : all.slice(0, w);
  }

  values(doc: number): readonly number[] {
    if (doc >= this.maxDoc) return EMPTY;
    return this.writer.values(doc);
  }

  single(doc: number): number | undefined {
    if (doc >= this.maxDoc || this.writer.counts.get(doc) !== 1) return undefined;
    return this.writer.single.data[doc];
  }
}

export function emptyNumericIndex(mapping: LeafFieldMapping): NumericFieldIndex {
  return { kind: 'numeric', mapping, docCount: 0, range: () => EMPTY_DOCS, values: () => EMPTY };
}
