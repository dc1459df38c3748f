import { newShard } from '../test_support';

describe('a published view looks up ids of its own docs', () => {
  it('after enough later updates to grow the shard columns', () => {
    const shard = newShard({ properties: { tag: { type: 'keyword' } } });
    for (let i = 0; i < 1500; i++) shard.indexDoc(`d${i}`, JSON.stringify({ tag: 'a' }));
    shard.refresh();
    const view = shard.searchView();
    // 1,000 unrefreshed updates append docs past the view and past the first column buffers.
    for (let i = 0; i < 1000; i++) shard.updateDoc(`d${i}`, { doc: { tag: 'b' } });

    const idField = view.field('_id');
    if (idField?.kind !== 'terms') throw new Error('expected _id to be a terms field');
    for (let i = 0; i < 1500; i++) {
      const docs = idField.postings(`d${i}`);
      expect(docs).toHaveLength(1);
      const doc = docs?.[0] ?? -1;
      expect(view.id(doc)).toBe(`d${i}`);
      expect(JSON.parse(view.rawSource(doc))).toEqual({ tag: 'a' });
    }
  });
});
