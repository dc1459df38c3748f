import type { SearchView } from '../search_view';
import { newShard, prng } from '../test_support';

interface ModelDoc {
  source: { k: string; n: number; t: string };
  version: number;
  seqNo: number;
}

/** Every observable of the view must equal the model as of the refresh. */
function checkView(view: SearchView, model: Map<string, ModelDoc>): void {
  expect(view.numDocs).toBe(model.size);
  const byId = new Map<string, number>();
  for (let d = 0; d < view.maxDoc; d++) if (view.isLive(d)) byId.set(view.id(d), d);
  expect(new Set(byId.keys())).toEqual(new Set(model.keys()));
  const k = view.field('k');
  const n = view.field('n');
  const t = view.field('t');
  if (k?.kind !== 'terms' || n?.kind !== 'numeric' || t?.kind !== 'text') throw new Error('unexpected field kinds');
  const expectedTerms = new Map<string, string[]>();
  let totalLen = 0;
  for (const [id, doc] of model) {
    const d = byId.get(id) as number;
    expect(view.version(d)).toBe(doc.version);
    expect(view.seqNo(d)).toBe(doc.seqNo);
    expect(view.source(d)).toEqual(doc.source);
    expect(k.values(d)).toEqual([doc.source.k]);
    expect(n.values(d)).toEqual([doc.source.n]);
    (expectedTerms.get(doc.source.k) ?? expectedTerms.set(doc.source.k, []).get(doc.source.k) ?? []).push(id);
    totalLen += doc.source.t.split(' ').length;
    expect(Array.from(t.positions(doc.source.t.split(' ')[0], d))).toContain(0);
  }
  for (const [term, ids] of expectedTerms) {
    const live = Array.from(k.postings(term) ?? []).filter((d) => view.isLive(d));
    expect(live.map((d) => view.id(d)).sort()).toEqual([...ids].sort());
  }
  for (const term of k.terms()) {
    const live = Array.from(k.postings(term) ?? []).filter((d) => view.isLive(d));
    expect(live.length).toBe(expectedTerms.get(term)?.length ?? 0);
  }
  const inRange = Array.from(n.range(10, 20)).filter((d) => view.isLive(d)).map((d) => view.id(d)).sort();
  expect(inRange).toEqual([...model].filter(([, m]) => m.source.n >= 10 && m.source.n <= 20).map(([id]) => id).sort());
  expect(k.docCount).toBe(model.size);
  expect(n.docCount).toBe(model.size);
  expect(t.docCount).toBe(model.size);
  expect(t.sumTotalTermFreq).toBe(totalLen);
}

describe('IndexShard against a model (random ops, refreshes and merges)', () => {
  it.each([1, 2, 3])('stays consistent with seed %i', (seed) => {
    const rand = prng(seed);
    const shard = newShard({ properties: { k: { type: 'keyword' }, n: { type: 'long' }, t: { type: 'text' } } });
    const model = new Map<string, ModelDoc>();
    const versions = new Map<string, number>();
    let seqNo = -1;
    const views: { view: SearchView; model: Map<string, ModelDoc> }[] = [];
    const words = ['alpha', 'beta', 'gamma', 'delta'];
    for (let op = 0; op < 1200; op++) {
      const id = `id${rand(60)}`;
      const r = rand(10);
      if (r < 5) {
        const source = { k: `k${rand(8)}`, n: rand(40), t: `${words[rand(4)]} ${words[rand(4)]} x${rand(100)}` };
        const out = shard.indexDoc(id, JSON.stringify(source));
        seqNo++;
        const version = (versions.get(id) ?? 0) + 1;
        versions.set(id, version);
        expect(out).toMatchObject({ version, seqNo });
        model.set(id, { source, version, seqNo });
      } else if (r < 7) {
        const out = shard.deleteDoc(id);
        seqNo++;
        const version = (versions.get(id) ?? 0) + 1;
        versions.set(id, version);
        expect(out).toMatchObject({ version, seqNo, result: model.has(id) ? 'deleted' : 'not_found' });
        model.delete(id);
      } else if (r < 9) {
        const prev = model.get(id);
        if (prev === undefined) continue;
        const n = rand(40);
        const out = shard.updateDoc(id, { doc: { n } });
        if (n === prev.source.n) {
          expect(out.result).toBe('noop');
          continue;
        }
        seqNo++;
        const version = (versions.get(id) ?? 0) + 1;
        versions.set(id, version);
        model.set(id, { source: { ...prev.source, n }, version, seqNo });
      } else {
        shard.refresh();
        views.push({ view: shard.searchView(), model: new Map(model) });
      }
      const got = shard.getDoc(id, true);
      const want = model.get(id);
      if (want === undefined) expect(got.found).toBe(false);
      else expect(got).toMatchObject({ found: true, version: want.version, seqNo: want.seqNo });
    }
    shard.refresh();
    views.push({ view: shard.searchView(), model: new Map(model) });
    // old views stay valid after later writes and merges (every 4th checked to keep the test quick)
    views.forEach(({ view, model: m }, i) => {
      if (i % 4 === 0 || i === views.length - 1) checkView(view, m);
    });
    // merges dropped superseded docs: far fewer physical docs than documents ever written
    expect(shard.searchView().maxDoc).toBeLessThan(seqNo / 2);
  });
});
