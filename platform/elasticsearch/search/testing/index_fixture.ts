/** Test fixture: a real IndexShard filled with documents, refreshed, as a search target. */
import { IndexShard, type IndexSettings } from '../../shard';
import type { SearchView } from '../../search_view';

export function fixtureSettings(overrides: Partial<IndexSettings> = {}): IndexSettings {
  return {
    numberOfShards: 1,
    numberOfReplicas: 1,
    hidden: false,
    refreshInterval: 1000,
    maxResultWindow: 10000,
    maxInnerResultWindow: 100,
    maxTermsCount: 65536,
    totalFieldsLimit: 1000,
    ignoreMalformed: false,
    defaultFields: ['*'],
    raw: {},
    ...overrides,
  };
}

export interface FixtureOptions {
  name?: string;
  mappings?: unknown;
  settings?: Partial<IndexSettings>;
}

/** Indexes `docs` (ids "1", "2", ... unless a doc is given as [id, source]) and refreshes. */
export function indexFixture(docs: readonly (Record<string, unknown> | [string, Record<string, unknown>])[], options: FixtureOptions = {}): { shard: IndexShard; view: () => SearchView } {
  const name = options.name ?? 'test';
  const shard = IndexShard.create({ name, uuid: `uuid-${name}`, settings: fixtureSettings(options.settings), mappings: options.mappings });
  docs.forEach((d, i) => {
    const [id, source] = Array.isArray(d) ? d : [String(i + 1), d];
    shard.indexDoc(id, JSON.stringify(source));
  });
  shard.refresh();
  return { shard, view: () => shard.searchView() };
}
