import type { SearchView } from '../search_view';
import { IndexShard } from './index_shard';
import { newShard, prng } from '../test_support';

const MAPPINGS = {
  properties: {
    k: { type: 'keyword', ignore_above: 6 },
    t: { type: 'text' },
    n: { type: 'integer' },
    d: { type: 'date' },
    ip: { type: 'ip' },
    b: { type: 'boolean' },
    f: { type: 'flattened' },
  },
};

function randomDoc(rand: (n: number) => number): Record<string, unknown> {
  const words = ['red', 'green', 'blue', 'cyan', 'magenta'];
  const pick = (): string => words[rand(words.length)];
  return {
    k: rand(3) === 0 ? [pick(), pick(), 'way-too-long'] : pick(),
    t: rand(2) === 0 ? [`${pick()} ${pick()}`, `${pick()} ${pick()} ${pick()}`] : `${pick()} ${pick()}`,
    n: rand(4) === 0 ? [rand(50), rand(50)] : rand(50),
    d: `2026-01-${String(rand(28) + 1).padStart(2, '0')}T00:00:00Z`,
    ip: `10.0.${rand(4)}.${rand(255)}`,
    b: rand(2) === 0,
    f: { env: pick(), nested: { x: pick() } },
  };
}

/** Everything a reader can observe, keyed by _id instead of doc id. */
function observe(view: SearchView): unknown {
  const live: number[] = [];
  for (let d = 0; d < view.maxDoc; d++) if (view.isLive(d)) live.push(d);
  const out: Record<string, unknown> = { numDocs: view.numDocs, fieldPaths: view.fieldPaths() };
  for (const path of [...view.fieldPaths(), 'f.env', 'f.nested.x', '_ignored']) {
    const f = view.field(path);
    if (f === undefined) continue;
    const perId: Record<string, unknown> = {};
    if (f.kind === 'terms') {
      const postings: Record<string, string[]> = {};
      for (const term of f.terms()) {
        const ids = Array.from(f.postings(term) ?? []).filter((d) => view.isLive(d)).map((d) => view.id(d));
        if (ids.length > 0) postings[term] = ids;
      }
      for (const d of live) perId[view.id(d)] = f.values(d);
      out[path] = { kind: f.kind, docCount: f.docCount, sumDocFreq: f.sumDocFreq, postings, perId };
    } else if (f.kind === 'numeric') {
      for (const d of live) perId[view.id(d)] = f.values(d);
      const inRange = Array.from(f.range(10, 30)).filter((d) => view.isLive(d)).map((d) => view.id(d));
      out[path] = { kind: f.kind, docCount: f.docCount, perId, inRange };
    } else {
      const postings: Record<string, unknown> = {};
      for (const term of f.terms()) {
        const p = f.postings(term);
        if (p === undefined) continue;
        const entries: unknown[] = [];
        p.docs.forEach((d, i) => {
          if (view.isLive(d)) entries.push([view.id(d), p.freqs[i], Array.from(f.positions(term, d))]);
        });
        if (entries.length > 0) postings[term] = entries;
      }
      for (const d of live) perId[view.id(d)] = f.fieldLength(d);
      out[path] = { kind: f.kind, docCount: f.docCount, sumTotalTermFreq: f.sumTotalTermFreq, postings, perId };
    }
  }
  return out;
}

describe('merges are invisible to readers', () => {
  it('a shard after many updates/deletes (and merges) reads like a fresh shard of its live docs', () => {
    const rand = prng(11);
    const churned = newShard(MAPPINGS);
    for (let i = 0; i < 3000; i++) {
      const id = `d${rand(200)}`;
      if (rand(5) === 0) churned.deleteDoc(id);
      else churned.indexDoc(id, JSON.stringify(randomDoc(rand)));
      if (i % 97 === 0) churned.refresh();
    }
    churned.refresh();
    const view = churned.searchView();
    expect(view.maxDoc).toBeLessThan(400); // merges ran
    const fresh = newShard(MAPPINGS);
    for (let d = 0; d < view.maxDoc; d++) if (view.isLive(d)) fresh.indexDoc(view.id(d), view.rawSource(d));
    fresh.refresh();
    expect(observe(view)).toEqual(observe(fresh.searchView()));
    const restored = IndexShard.restore(JSON.parse(JSON.stringify(churned.exportState())));
    expect(observe(restored.searchView())).toEqual(observe(view));
  });
});
