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
