import fc from 'fast-check';
import { docsFromBitset } from './doc_id_bitset';

describe('docsFromBitset', () => {
  it('reads word boundaries and the sign bit back as doc ids', () => {
    const words = new Uint32Array(3);
    for (const id of [0, 31, 32, 63, 95]) words[id >>> 5] |= 1 << (id & 31);
    expect(Array.from(docsFromBitset(words))).toEqual([0, 31, 32, 63, 95]);
    expect(docsFromBitset(new Uint32Array(4))).toHaveLength(0);
  });

  it('returns exactly the marked ids, ascending and deduplicated', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 300 }), (ids) => {
        const words = new Uint32Array((2000 >>> 5) + 1);
        for (const id of ids) words[id >>> 5] |= 1 << (id & 31);
        expect(Array.from(docsFromBitset(words))).toEqual([...new Set(ids)].sort((a, b) => a - b));
      }),
    );
  });
});
