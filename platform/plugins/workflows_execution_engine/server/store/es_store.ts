import type { Client } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import type { ExecutionDoc, ExecutionLogDoc, FindExecutionsQuery, StepExecutionDoc, WorkflowsStore } from './types';
import { executionLogsMappings, executionsMappings, stepExecutionsMappings } from './mappings';

export interface EsWorkflowsStoreOptions {
  client: Client;
  /** `workflows.indexPrefix` (default `.workflows-`). */
  indexPrefix: string;
}

export interface WorkflowsIndexNames {
  executions: string;
  stepExecutions: string;
  logs: string;
}

export const indexNames = (prefix: string): WorkflowsIndexNames => ({
  executions: `${prefix}executions`,
  stepExecutions: `${prefix}step-executions`,
  logs: `${prefix}execution-logs`,
});

const refreshOf = (options?: { refresh?: boolean }) => (options?.refresh ? ('wait_for' as const) : false);
const PAGE = 1000;

function isNotFound(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.meta.statusCode === 404;
}

interface BulkResponseLike {
  errors: boolean;
  items: Array<Record<string, { status: number; error?: { type?: string; reason?: string | null } } | undefined>>;
}

function throwOnBulkErrors(response: BulkResponseLike, what: string): void {
  if (!response.errors) return;
  const failed = response.items.map((item) => Object.values(item)[0]).filter((result) => result?.error);
  const first = failed[0]?.error;
  throw new Error(`Failed to write ${failed.length} ${what}: ${first?.type ?? 'error'}: ${first?.reason ?? 'unknown reason'}`);
}

/**
 * `WorkflowsStore` over Elasticsearch (§5.8): three hidden indices with explicit mappings; writes use
 * `refresh: false` unless the caller asks for the final `wait_for`; every read filters by space.
 */
export function createEsWorkflowsStore(options: EsWorkflowsStoreOptions): WorkflowsStore & { readonly indices: WorkflowsIndexNames } {
  const { client } = options;
  const indices = indexNames(options.indexPrefix);

  const createIndex = async (index: string, mappings: Record<string, unknown>) => {
    try {
      await client.indices.create({ index, settings: { index: { hidden: true, number_of_shards: 1, auto_expand_replicas: '0-1' } }, mappings });
    } catch (error) {
      if (error instanceof errors.ResponseError && error.body && JSON.stringify(error.body).includes('resource_already_exists_exception')) return;
      throw error;
    }
  };

  const searchAll = async <T>(index: string, query: Record<string, unknown>, sort: Array<Record<string, 'asc' | 'desc'>>): Promise<T[]> => {
    const out: T[] = [];
    let searchAfter: unknown[] | undefined;
    for (;;) {
      const response = await client.search<T>({
        index,
        query,
        sort,
        size: PAGE,
        ignore_unavailable: true,
        ...(searchAfter ? { search_after: searchAfter as Array<string | number> } : {}),
      });
      const hits = response.hits.hits;
      for (const hit of hits) if (hit._source) out.push(hit._source);
      if (hits.length < PAGE) return out;
      searchAfter = hits[hits.length - 1].sort;
      if (!searchAfter) return out;
    }
  };

  return {
    indices,
    init: async () => {
      await createIndex(indices.executions, executionsMappings);
      await createIndex(indices.stepExecutions, stepExecutionsMappings);
      await createIndex(indices.logs, executionLogsMappings);
    },
    putExecution: async (doc, opts) => {
      await client.index({ index: indices.executions, id: doc.id, document: doc, refresh: refreshOf(opts) });
    },
    updateExecution: async (id, patch, opts) => {
      await client.update({ index: indices.executions, id, doc: patch, refresh: refreshOf(opts), retry_on_conflict: 3 });
    },
    getExecution: async (spaceId, id) => {
      try {
        const response = await client.get<ExecutionDoc>({ index: indices.executions, id });
        const doc = response._source;
        return doc && doc.spaceId === spaceId ? doc : undefined;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    findExecutions: async (query: FindExecutionsQuery) => {
      const filter: Array<Record<string, unknown>> = [{ term: { spaceId: query.spaceId } }, { term: { workflowId: query.workflowId } }];
      if (query.statuses) filter.push({ terms: { status: query.statuses } });
      if (query.isTestRun !== undefined) filter.push({ term: { isTestRun: query.isTestRun } });
      const mustNot = query.excludeIds && query.excludeIds.length > 0 ? [{ ids: { values: query.excludeIds } }] : [];
      const response = await client.search<ExecutionDoc>({
        index: indices.executions,
        query: { bool: { filter, must_not: mustNot } },
        sort: [{ createdAt: 'desc' }],
        from: query.from,
        size: query.size,
        track_total_hits: true,
        ignore_unavailable: true,
      });
      const total = response.hits.total;
      return {
        docs: response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : [])),
        total: typeof total === 'number' ? total : (total?.value ?? 0),
      };
    },
    findExecutionsByStatus: async (statuses) => searchAll<ExecutionDoc>(indices.executions, { terms: { status: statuses } }, [{ createdAt: 'asc' }]),
    getLatestExecutions: async (spaceId, workflowIds) => {
      if (workflowIds.length === 0) return {};
      const response = await client.search({
        index: indices.executions,
        size: 0,
        ignore_unavailable: true,
        query: { bool: { filter: [{ term: { spaceId } }, { terms: { workflowId: workflowIds } }] } },
        aggs: {
          workflows: {
            terms: { field: 'workflowId', size: workflowIds.length },
            aggs: { latest: { top_hits: { size: 1, sort: [{ createdAt: { order: 'desc' } }] } } },
          },
        },
      });
      const out: Record<string, ExecutionDoc> = {};
      const aggregation = response.aggregations?.workflows as { buckets?: Array<{ key: string; latest: { hits: { hits: Array<{ _source?: ExecutionDoc }> } } }> } | undefined;
      for (const bucket of aggregation?.buckets ?? []) {
        const doc = bucket.latest.hits.hits[0]?._source;
        if (doc) out[bucket.key] = doc;
      }
      return out;
    },
    putStepExecutions: async (docs, opts) => {
      if (docs.length === 0) return;
      const operations = docs.flatMap((doc) => [{ index: { _index: indices.stepExecutions, _id: doc.id } }, doc]);
      const response = await client.bulk({ operations, refresh: refreshOf(opts) });
      throwOnBulkErrors(response as unknown as BulkResponseLike, 'step executions');
    },
    getStepExecutions: async (spaceId, executionId) =>
      searchAll<StepExecutionDoc>(
        indices.stepExecutions,
        { bool: { filter: [{ term: { spaceId } }, { term: { workflowRunId: executionId } }] } },
        [{ globalExecutionIndex: 'asc' }],
      ),
    getStepExecution: async (spaceId, executionId, id) => {
      try {
        const response = await client.get<StepExecutionDoc>({ index: indices.stepExecutions, id });
        const doc = response._source;
        return doc && doc.spaceId === spaceId && doc.workflowRunId === executionId ? doc : undefined;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    putLogs: async (docs: ExecutionLogDoc[], opts) => {
      if (docs.length === 0) return;
      const operations = docs.flatMap((doc) => [{ index: { _index: indices.logs, _id: doc.id } }, doc]);
      const response = await client.bulk({ operations, refresh: refreshOf(opts) });
      throwOnBulkErrors(response as unknown as BulkResponseLike, 'execution log events');
    },
    findLogs: async (spaceId, executionId, opts) => {
      const filter: Array<Record<string, unknown>> = [{ term: { spaceId } }, { term: { 'workflow.execution_id': executionId } }];
      if (opts.stepExecutionId) filter.push({ term: { 'workflow.step_execution_id': opts.stepExecutionId } });
      const response = await client.search<ExecutionLogDoc>({
        index: indices.logs,
        query: { bool: { filter } },
        sort: [{ '@timestamp': opts.sortOrder }, { sequence: opts.sortOrder }],
        from: opts.from,
        size: opts.size,
        track_total_hits: true,
        ignore_unavailable: true,
      });
      const total = response.hits.total;
      return {
        docs: response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : [])),
        total: typeof total === 'number' ? total : (total?.value ?? 0),
      };
    },
  };
}
