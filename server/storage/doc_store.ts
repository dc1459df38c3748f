import type { estypes } from '@elastic/elasticsearch';
import { conflictError, esStatus } from './errors';
import type { ResourceName } from './mappings';
import type { StorageIndices } from './storage_indices';

export interface StoredHit<S> {
  id: string;
  source: S;
  seqNo: number;
  primaryTerm: number;
  /** Relevance, for scored searches. */
  score?: number;
}

export interface SearchOptions {
  query: estypes.QueryDslQueryContainer;
  sort?: estypes.Sort;
  from?: number;
  size?: number;
  sourceExcludes?: string[];
  aggs?: Record<string, estypes.AggregationsAggregationContainer>;
}

export interface SearchResult<S> {
  total: number;
  hits: StoredHit<S>[];
  aggregations?: Record<string, unknown>;
}

/** Upper bound of documents one scroll-free pass reads (`search_after` pages of this size). */
const PAGE = 1_000;

/**
 * Document I/O for one resource over the internal client: get with seq_no, create (409 on duplicate id), OCC
 * replace, delete, search and a search_after walk. Visibility (namespace, owner) is the caller's query or check.
 */
export class DocStore<S extends object> {
  constructor(
    private readonly indices: StorageIndices,
    readonly resource: ResourceName,
  ) {}

  private get es() {
    return this.indices.esClient;
  }

  async alias(spaceId: string): Promise<string> {
    await this.indices.ensure(this.resource, spaceId);
    return this.indices.alias(this.resource, spaceId);
  }

  async get(spaceId: string, id: string): Promise<StoredHit<S> | undefined> {
    const index = await this.alias(spaceId);
    try {
      const res = await this.es.get<S>({ index, id });
      if (!res.found || !res._source || res._seq_no === undefined || res._primary_term === undefined) return undefined;
      return { id: res._id, source: res._source, seqNo: res._seq_no, primaryTerm: res._primary_term };
    } catch (error) {
      if (esStatus(error) === 404) return undefined;
      throw error;
    }
  }

  /** Rejects with a 409 when the id exists. */
  async create(spaceId: string, id: string, doc: S, conflictMessage: string): Promise<StoredHit<S>> {
    const index = await this.alias(spaceId);
    try {
      const res = await this.es.index({ index, id, document: doc, op_type: 'create', refresh: true });
      return { id, source: doc, seqNo: res._seq_no ?? 0, primaryTerm: res._primary_term ?? 1 };
    } catch (error) {
      if (esStatus(error) === 409) throw conflictError(conflictMessage);
      throw error;
    }
  }

  /** Compare-and-set write; a concurrent change rejects with the client's 409 (callers retry once). */
  async replace(spaceId: string, hit: StoredHit<S>, doc: S): Promise<StoredHit<S>> {
    const index = await this.alias(spaceId);
    const res = await this.es.index({ index, id: hit.id, document: doc, if_seq_no: hit.seqNo, if_primary_term: hit.primaryTerm, refresh: true });
    return { id: hit.id, source: doc, seqNo: res._seq_no ?? 0, primaryTerm: res._primary_term ?? 1 };
  }

  async delete(spaceId: string, id: string): Promise<boolean> {
    const index = await this.alias(spaceId);
    try {
      await this.es.delete({ index, id, refresh: true });
      return true;
    } catch (error) {
      if (esStatus(error) === 404) return false;
      throw error;
    }
  }

  async search(spaceId: string, options: SearchOptions): Promise<SearchResult<S>> {
    const index = await this.alias(spaceId);
    const res = await this.es.search<S>({
      index,
      query: options.query,
      ...(options.sort ? { sort: options.sort } : {}),
      from: options.from ?? 0,
      size: options.size ?? 10,
      seq_no_primary_term: true,
      track_total_hits: true,
      ...(options.sourceExcludes?.length ? { _source: { excludes: options.sourceExcludes } } : {}),
      ...(options.aggs ? { aggs: options.aggs } : {}),
    });
    const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
    const hits = res.hits.hits.flatMap((h) =>
      h._source && h._id !== undefined
        ? [{ id: h._id, source: h._source, seqNo: h._seq_no ?? 0, primaryTerm: h._primary_term ?? 1, ...(typeof h._score === 'number' ? { score: h._score } : {}) }]
        : [],
    );
    return { total, hits, ...(res.aggregations ? { aggregations: res.aggregations as Record<string, unknown> } : {}) };
  }

  async count(spaceId: string, query: estypes.QueryDslQueryContainer): Promise<number> {
    return (await this.search(spaceId, { query, size: 0 })).total;
  }

  /** Every matching document, in `_id` order, by `search_after` pages (beyond the 10,000 window). */
  async *scan(spaceId: string, query: estypes.QueryDslQueryContainer): AsyncGenerator<StoredHit<S>> {
    const index = await this.alias(spaceId);
    let after: estypes.SortResults | undefined;
    for (;;) {
      const res = await this.es.search<S>({
        index,
        query,
        size: PAGE,
        sort: [{ id: 'asc' }],
        seq_no_primary_term: true,
        ...(after ? { search_after: after } : {}),
      });
      const hits = res.hits.hits;
      for (const h of hits) {
        if (h._source && h._id !== undefined) yield { id: h._id, source: h._source, seqNo: h._seq_no ?? 0, primaryTerm: h._primary_term ?? 1 };
      }
      if (hits.length < PAGE) return;
      after = hits[hits.length - 1].sort;
      if (!after) return;
    }
  }

  /**
   * Read-modify-write with optimistic concurrency (assistant.md §3.1): one retry on a version conflict, then 409.
   * `mutate` returns the new document, or undefined when the hit is not visible (→ undefined).
   */
  async update(
    spaceId: string,
    id: string,
    mutate: (current: StoredHit<S>) => S | undefined | Promise<S | undefined>,
    what: string,
  ): Promise<StoredHit<S> | undefined> {
    for (let attempt = 0; ; attempt += 1) {
      const current = await this.get(spaceId, id);
      if (!current) return undefined;
      const next = await mutate(current);
      if (!next) return undefined;
      try {
        return await this.replace(spaceId, current, next);
      } catch (error) {
        if (esStatus(error) !== 409) throw error;
        if (attempt >= 1) throw conflictError(`${what} ${id} was changed by another request at the same time; reload it and try again`);
      }
    }
  }
}
