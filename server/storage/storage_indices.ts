import type { Client } from '@elastic/elasticsearch';
import type { Logger } from '../../platform/core/server';
import { AssistantStorageError, esErrorType, esStatus } from './errors';
import { META_MAPPING, RESOURCE_MAPPINGS, SCHEMA_VERSIONS, type ResourceName } from './mappings';

/** The meta document of one resource in one space (`_id` = `<resource>:<spaceId>`). */
export interface MetaDoc {
  resource: ResourceName;
  space_id: string;
  schema_version: number;
  seeded_defaults_version?: number;
  seeded_fields?: string[];
  kb_mode?: 'lexical' | 'semantic';
  kb_inference_id?: string;
  kb_backfill?: { state: 'not_started' | 'running' | 'complete' | 'failed'; processed: number; total: number };
  kb_degraded_reason?: string;
  updated_at: string;
}

export interface StorageIndicesOptions {
  esClient: Client;
  prefix: string;
  logger: Logger;
}

const INDEX_SETTINGS = { 'index.hidden': true, 'index.number_of_shards': 1, 'index.auto_expand_replicas': '0-1' };

/**
 * Names, lazy race-safe creation and meta documents of the per-space aliases `<prefix>-<resource>-<spaceId>` over
 * `<alias>-000001` (assistant.md §4). Creation is cached per process; a lost creation race
 * (`resource_already_exists_exception`) is success. An alias whose meta says an older schema gets the current
 * mapping added (additive `PUT _mapping`).
 */
export class StorageIndices {
  readonly esClient: Client;
  private readonly prefix: string;
  private readonly logger: Logger;
  private readonly ready = new Map<string, Promise<{ created: boolean }>>();

  constructor(options: StorageIndicesOptions) {
    this.esClient = options.esClient;
    this.prefix = options.prefix;
    this.logger = options.logger;
  }

  alias(resource: ResourceName, spaceId: string): string {
    return `${this.prefix}-${resource}-${spaceId}`;
  }

  get metaAlias(): string {
    return `${this.prefix}-meta`;
  }

  /** Creates the resource's alias and index on first use; resolves whether this call created it. */
  ensure(resource: ResourceName, spaceId: string): Promise<{ created: boolean }> {
    const key = `${resource}:${spaceId}`;
    let pending = this.ready.get(key);
    if (!pending) {
      pending = this.create(resource, spaceId);
      this.ready.set(key, pending);
      // A failure (cluster down) must not be cached forever: the next call tries again.
      pending.catch(() => this.ready.delete(key));
    }
    return pending;
  }

  async getMeta(resource: ResourceName, spaceId: string): Promise<MetaDoc | undefined> {
    await this.ensureMeta();
    try {
      const res = await this.esClient.get<MetaDoc>({ index: this.metaAlias, id: `${resource}:${spaceId}` });
      return res.found ? res._source : undefined;
    } catch (error) {
      if (esStatus(error) === 404) return undefined;
      throw error;
    }
  }

  async putMeta(resource: ResourceName, spaceId: string, patch: Partial<MetaDoc>): Promise<MetaDoc> {
    await this.ensureMeta();
    const current = await this.getMeta(resource, spaceId);
    const doc: MetaDoc = {
      resource,
      space_id: spaceId,
      schema_version: SCHEMA_VERSIONS[resource],
      ...current,
      ...patch,
      updated_at: new Date().toISOString(),
    };
    await this.esClient.index({ index: this.metaAlias, id: `${resource}:${spaceId}`, document: doc, refresh: true });
    return doc;
  }

  /**
   * A breaking mapping change (assistant.md §4 Migrations): copies every document of the alias's current index into
   * `<alias>-00000N+1` (created with the current mapping) through `transform`, by `search_after` pages and `_bulk`
   * (the embedded engine has no `_reindex`), then swaps the alias atomically once the counts match. The old index is
   * kept; a count mismatch leaves the alias where it was and rejects.
   */
  async migrateToNextGeneration(
    resource: ResourceName,
    spaceId: string,
    transform: (doc: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<{ from: string; to: string; copied: number }> {
    const alias = this.alias(resource, spaceId);
    await this.ensure(resource, spaceId);
    const current = Object.keys(await this.esClient.indices.getAlias({ name: alias, expand_wildcards: 'all' }));
    if (current.length !== 1) throw new Error(`Alias ${alias} points to ${current.length} indices; expected one`);
    const from = current[0];
    const generation = Number(/-(\d{6})$/.exec(from)?.[1] ?? '1');
    const to = `${alias}-${String(generation + 1).padStart(6, '0')}`;
    await this.esClient.indices.create({ index: to, settings: INDEX_SETTINGS, mappings: { dynamic: false, properties: RESOURCE_MAPPINGS[resource] as never } });
    let copied = 0;
    let after: Array<string | number> | undefined;
    for (;;) {
      const page = await this.esClient.search<Record<string, unknown>>({
        index: from,
        size: 500,
        // Every assistant document carries its id as a keyword (`_id` has no doc values to sort on).
        sort: [{ id: 'asc' }],
        ...(after ? { search_after: after } : {}),
      });
      const hits = page.hits.hits;
      if (hits.length === 0) break;
      const operations = hits.flatMap((h) => [{ index: { _index: to, _id: h._id } }, transform(h._source ?? {})]);
      const res = await this.esClient.bulk({ operations });
      if (res.errors) throw new Error(`Copying ${from} into ${to} failed: ${JSON.stringify(res.items.find((i) => i.index?.error)?.index?.error)}`);
      copied += hits.length;
      after = hits[hits.length - 1].sort as Array<string | number> | undefined;
      if (!after || hits.length < 500) break;
    }
    await this.esClient.indices.refresh({ index: to });
    const [source, target] = await Promise.all([this.esClient.count({ index: from }), this.esClient.count({ index: to })]);
    if (source.count !== target.count) {
      throw new Error(`Migration of ${alias} stopped: ${from} has ${source.count} documents but ${to} has ${target.count}; the alias still points to ${from}`);
    }
    await this.esClient.indices.updateAliases({
      actions: [{ remove: { index: from, alias } }, { add: { index: to, alias, is_write_index: true, is_hidden: true } }],
    });
    await this.putMeta(resource, spaceId, { schema_version: SCHEMA_VERSIONS[resource] });
    this.logger.info('Migrated assistant index to a new generation', { alias, from, to, copied });
    return { from, to, copied };
  }

  /** Forgets cached creations (tests delete indices behind the client's back). */
  reset(): void {
    this.ready.clear();
  }

  private metaReady: Promise<void> | undefined;
  private ensureMeta(): Promise<void> {
    if (!this.metaReady) {
      this.metaReady = this.createIndex(this.metaAlias, META_MAPPING).then(() => undefined);
      this.metaReady.catch(() => {
        this.metaReady = undefined;
      });
    }
    return this.metaReady;
  }

  private async create(resource: ResourceName, spaceId: string): Promise<{ created: boolean }> {
    const alias = this.alias(resource, spaceId);
    const created = await this.createIndex(alias, RESOURCE_MAPPINGS[resource]);
    const meta = await this.getMeta(resource, spaceId);
    if (!meta) {
      await this.putMeta(resource, spaceId, { schema_version: SCHEMA_VERSIONS[resource] });
    } else if (meta.schema_version < SCHEMA_VERSIONS[resource]) {
      // Additive upgrade: new fields are mapped; old documents are upgraded when read (migrations.ts).
      await this.esClient.indices.putMapping({ index: alias, properties: RESOURCE_MAPPINGS[resource] as never });
      await this.putMeta(resource, spaceId, { schema_version: SCHEMA_VERSIONS[resource] });
      this.logger.info('Upgraded assistant index mapping', { alias, from: meta.schema_version, to: SCHEMA_VERSIONS[resource] });
    }
    return { created };
  }

  /** Creates `<alias>-000001` behind a hidden write alias unless the alias exists. */
  private async createIndex(alias: string, properties: Record<string, unknown>): Promise<boolean> {
    if (await this.esClient.indices.exists({ index: alias, expand_wildcards: 'all' })) return false;
    try {
      await this.esClient.indices.create({
        index: `${alias}-000001`,
        settings: INDEX_SETTINGS,
        mappings: { dynamic: false, properties: properties as never },
        aliases: { [alias]: { is_write_index: true, is_hidden: true } },
      });
      this.logger.debug('Created assistant index', { alias });
      return true;
    } catch (error) {
      if (esErrorType(error) === 'resource_already_exists_exception') return false;
      throw new AssistantStorageError(503, 'storage_unavailable', `Could not create index ${alias}-000001: ${(error as Error).message}`);
    }
  }
}
