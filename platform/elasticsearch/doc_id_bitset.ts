/** Dense doc-id unions: mark ids in a bitset, then read them back ascending and deduplicated. */
import type { DocIdList } from './search_view';

/** The set bits of `words` (bit `i & 31` of word `i >>> 5` is doc `i`) as a sorted doc-id list. */
export function docsFromBitset(words: Uint32Array): DocIdList {
  let count = 0;
  for (let w = 0; w < words.length; w++) {
    let x = words[w];
    while (x !== 0) {
      x &= x - 1;
      count++;
    }
  }
  const out = new Int32Array(count);
  let k = 0;
  for (let w = 0; w < words.length; w++) {
    let x = words[w];
    while (x !== 0) {
      const t = x & -x;
      out[k++] = (w << 5) + 31 - Math.clz32(t);
      x ^= t;
    }
  }
  return out;
}
