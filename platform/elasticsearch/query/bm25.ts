/**
 * Elasticsearch's LegacyBM25Similarity (Lucene BM25 with the (k1+1) factor kept), reproduced in float32
 * arithmetic step by step so scores match Elasticsearch to the last bit of the float.
 */
const f = Math.fround;

export const K1 = f(1.2);
export const B = f(0.75);

/** Lucene BM25Similarity.idf: computed in double, stored as float. */
export function idf(docFreq: number, docCount: number): number {
  return f(Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5)));
}

/** Phrase idf: the float sum of each term's idf. */
export function sumIdf(docFreqs: readonly number[], docCount: number): number {
  let sum = f(0);
  for (const df of docFreqs) sum = f(sum + idf(df, docCount));
  return sum;
}

export function avgFieldLength(sumTotalTermFreq: number, docCount: number): number {
  return f(sumTotalTermFreq / docCount);
}

export interface Bm25Scorer {
  /** Score for a term frequency (float) and a stored field length. */
  score(freq: number, fieldLength: number): number;
}

/**
 * `boost` is the query boost (float); LegacyBM25 multiplies it by (1 + k1) before Lucene's scorer,
 * which then folds it with idf into one float weight.
 */
export function createBm25Scorer(boost: number, idfValue: number, avgdl: number): Bm25Scorer {
  const weight = f(f(f(boost) * f(1 + K1)) * idfValue);
  // Norms are small integers (SmallFloat-decoded lengths): a dense cache like Lucene's 256-entry table.
  const dense = new Float64Array(512).fill(-1);
  const sparse = new Map<number, number>();
  const normInverse = (dl: number): number => {
    if (dl < 512) {
      let v = dense[dl];
      if (v < 0) dense[dl] = v = f(1 / f(K1 * f(f(1 - B) + f(f(B * dl) / avgdl))));
      return v;
    }
    let v = sparse.get(dl);
    if (v === undefined) {
      v = f(1 / f(K1 * f(f(1 - B) + f(f(B * dl) / avgdl))));
      sparse.set(dl, v);
    }
    return v;
  };
  return {
    score(freq: number, fieldLength: number): number {
      const ni = normInverse(fieldLength);
      return f(weight - f(weight / f(1 + f(freq * ni))));
    },
  };
}

/** Lucene SmallFloat.intToByte4 / byte4ToInt: the lossy field-length encoding used by norms. */
export function smallFloatRoundTrip(length: number): number {
  return byte4ToInt(intToByte4(length));
}

const MAX_INT4 = longToInt4(2147483647);
const NUM_FREE_VALUES = 255 - MAX_INT4;

function longToInt4(i: number): number {
  const numBits = 64 - Math.clz32(i) - 32;
  if (numBits < 4) return i;
  const shift = numBits - 4;
  let encoded = Math.floor(i / 2 ** shift) & 0x07;
  encoded |= (shift + 1) << 3;
  return encoded;
}

function int4ToLong(i: number): number {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  if (shift === -1) return bits;
  return (bits | 0x08) * 2 ** shift;
}

function intToByte4(i: number): number {
  if (i < NUM_FREE_VALUES) return i;
  return NUM_FREE_VALUES + longToInt4(i - NUM_FREE_VALUES);
}

function byte4ToInt(b: number): number {
  if (b < NUM_FREE_VALUES) return b;
  return NUM_FREE_VALUES + int4ToLong(b - NUM_FREE_VALUES);
}
