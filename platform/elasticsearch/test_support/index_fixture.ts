/** Test fixtures: a real IndexShard, empty or filled with documents and refreshed as a search target. */
import { IndexShard, type IndexSettings } from '../shard';
import type { SearchView } from '../search_view';
import { testIndexSettings } from './index_settings';

export interface FixtureOptions {
  name?: string;
  mappings?: unknown;
  settings?: Partial<IndexSettings>;
}

/** Indexes `docs` (ids "1", "2", ... unless a doc is given as [id, source]) and refreshes. */
export function indexFixture(docs: readonly (Record<string, unknown> | [string, Record<string, unknown>])[], options: FixtureOptions = {}): { shard: IndexShard; view: () => SearchView } {
  const name = options.name ?? 'test';
  const shard = IndexShard.create({ name, uuid: `uuid-${name}`, settings: testIndexSettings(options.settings), mappings: options.mappings });
  docs.forEach((d, i) => {
    const [id, source] = Array.isArray(d) ? d : [String(i + 1), d];
    shard.indexDoc(id, JSON.stringify(source));
  });
  shard.refresh();
  return { shard, view: () => shard.searchView() };
}

/** An empty shard named `test`, for tests that drive writes themselves. */
export function newShard(mappings?: unknown, overrides: Partial<IndexSettings> = {}): IndexShard {
  return IndexShard.create({ name: 'test', uuid: 'uuid-1', settings: testIndexSettings(overrides), mappings });
}
