import fc from 'fast-check';
import { advance, intersectAll, subtract, unionAll } from './doc_set';

const sortedSet = fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { maxLength: 400 }).map((a) => Int32Array.from(a.sort((x, y) => x - y)));

describe('doc_set', () => {
  it('advance finds the first position at or above a target', () => {
    const l = Int32Array.from([1, 3, 5, 7, 9, 11]);
    expect(advance(l, 0, 0)).toBe(0);
    expect(advance(l, 0, 6)).toBe(3);
    expect(advance(l, 2, 11)).toBe(5);
    expect(advance(l, 0, 12)).toBe(6);
  });

  it('union, intersection and difference agree with Set algebra', () => {
    fc.assert(
      fc.property(fc.array(sortedSet, { minLength: 0, maxLength: 12 }), (lists) => {
        const sets = lists.map((l) => new Set(l));
        const union = [...new Set(lists.flatMap((l) => [...l]))].sort((a, b) => a - b);
        expect([...unionAll(lists)]).toEqual(union);
        const inter = lists.length === 0 ? [] : [...lists[0]].filter((d) => sets.every((s) => s.has(d)));
        expect([...intersectAll(lists)]).toEqual(inter);
        if (lists.length > 0) {
          const diff = [...lists[0]].filter((d) => !sets.slice(1).some((s) => s.has(d)));
          expect([...subtract(lists[0], lists.slice(1))]).toEqual(diff);
        }
      }),
      { numRuns: 300 },
    );
  });
});
