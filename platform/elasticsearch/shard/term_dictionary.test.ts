import { TermDictionary } from './term_dictionary';
import { prng } from '../test_support';

describe('TermDictionary', () => {
  it('assigns ids in order of first appearance and finds every term again, like a Map', () => {
    const dict = new TermDictionary();
    const model = new Map<string, number>();
    const next = prng(11);
    for (let i = 0; i < 20000; i++) {
      // Short, long, non-ASCII, empty and near-duplicate terms, with lookups that miss in between.
      const n = next(5000);
      const term = n % 11 === 0 ? '' : n % 5 === 0 ? `é${n}\u{1F600}` : n % 3 === 0 ? `${'x'.repeat(300)}${n}` : `t${n}`;
      expect(dict.idOf(term)).toBe(model.get(term));
      if (!model.has(term)) {
        if (i % 4 === 0) expect(dict.idOf(`${term}-other`)).toBe(model.get(`${term}-other`));
        model.set(term, dict.add(term));
      }
    }
    expect(dict.size).toBe(model.size);
    for (const [term, id] of model) {
      expect(dict.idOf(term)).toBe(id);
      expect(dict.terms[id]).toBe(term);
    }
    expect(dict.idOf('never added')).toBeUndefined();
  });

  it('adds distinct terms directly (as merges do) and sorts ids by term', () => {
    const dict = new TermDictionary();
    for (const t of ['b', 'a', 'd', 'c']) dict.add(t);
    expect(dict.idOf('c')).toBe(3);
    expect(dict.sortedTerms(4)).toEqual(['a', 'b', 'c', 'd']);
    expect(dict.sortedTerms(2)).toEqual(['a', 'b']);
  });
});
