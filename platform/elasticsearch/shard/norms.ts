/** Lucene `SmallFloat` int→byte4→int, the lossy field-length encoding BM25 reads (exact below 24). */
function longToInt4(i: number): number {
  const numBits = 32 - Math.clz32(i);
  if (numBits < 4) return i;
  const shift = numBits - 4;
  let encoded = i >>> shift;
  encoded &= 0x07;
  encoded |= (shift + 1) << 3;
  return encoded;
}

function int4ToLong(i: number): number {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

const NUM_FREE_VALUES = 255 - longToInt4(2147483647);

export function intToByte4(i: number): number {
  if (i < NUM_FREE_VALUES) return i;
  return NUM_FREE_VALUES + longToInt4(i - NUM_FREE_VALUES);
}

export function byte4ToInt(b: number): number {
  if (b < NUM_FREE_VALUES) return b;
  return Math.min(NUM_FREE_VALUES + int4ToLong(b - NUM_FREE_VALUES), 2147483647);
}

/** Decoded lengths for all 256 norm bytes. */
export const LENGTH_TABLE: Int32Array = (() => {
  const t = new Int32Array(256);
  for (let b = 0; b < 256; b++) t[b] = byte4ToInt(b);
  return t;
})();
