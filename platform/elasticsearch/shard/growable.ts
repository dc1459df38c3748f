/** Append-only typed-array vectors grown by doubling. Readers may keep an old buffer: its prefix never changes. */
export class IntVector {
  data: Int32Array;
  length = 0;
  constructor(capacity = 16, readonly fill = 0) {
    this.data = new Int32Array(capacity);
    if (fill !== 0) this.data.fill(fill);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }

  /** Sets index `i`, growing (and filling with `fill`) as needed. */
  set(i: number, v: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    this.data[i] = v;
    if (i >= this.length) this.length = i + 1;
  }

  get(i: number): number {
    return i < this.length ? this.data[i] : this.fill;
  }

  private grow(min: number): void {
    let cap = Math.max(16, this.data.length * 2);
    while (cap < min) cap *= 2;
    const next = new Int32Array(cap);
    if (this.fill !== 0) next.fill(this.fill, this.data.length);
    next.set(this.data);
    this.data = next;
  }
}

export class FloatVector {
  data: Float64Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Float64Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Growable append-only Int32Array for postings (`buf` may be replaced; old buffers stay valid). */
export function appendInt(buf: Int32Array, len: number, v: number): Int32Array {
  if (len === buf.length) {
    const next = new Int32Array(buf.length * 2);
    next.set(buf);
    buf = next;
  }
  buf[len] = v;
  return buf;
}

/** First index in `arr[0..len)` whose value is > `v` (arr sorted ascending). */
export function upperBound(arr: Int32Array | Float64Array, len: number, v: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `arr[0..len)` whose value is >= `v`. */
export function lowerBound(arr: Int32Array | Float64Array, len: number, v: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A growable bitset of live docs. `snapshot` copies it for an immutable view. */
export class BitSet {
  words: Uint32Array;
  constructor(capacityBits = 1024) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(capacityBits / 32)));
  }

  set(i: number): void {
    const w = i >>> 5;
    if (w >= this.words.length) {
      let cap = this.words.length * 2;
      while (cap <= w) cap *= 2;
      const next = new Uint32Array(cap);
      next.set(this.words);
      this.words = next;
    }
    this.words[w] |= 1 << (i & 31);
  }

  clear(i: number): void {
    const w = i >>> 5;
    if (w < this.words.length) this.words[w] &= ~(1 << (i & 31));
  }

  get(i: number): boolean {
    const w = i >>> 5;
    return w < this.words.length && (this.words[w] & (1 << (i & 31))) !== 0;
  }

  snapshot(bits: number): Uint32Array {
    return this.words.slice(0, Math.ceil(bits / 32));
  }
}

export function bitGet(words: Uint32Array, i: number): boolean {
  const w = i >>> 5;
  return w < words.length && (words[w] & (1 << (i & 31))) !== 0;
}

export const EMPTY_DOCS = new Int32Array(0);
