import type { Client } from '@elastic/elasticsearch';
import { WORKFLOWS_INDEX } from '../../common/constants';
import { decodeRevision, encodeRevision, workflowDocId, type WorkflowDocument } from './workflow_document';
import { errorStatus } from './workflows_index';

export interface StoredWorkflow {
  doc: WorkflowDocument;
  revision: string;
}

export interface FindWorkflowsOptions {
  spaceId: string;
  page: number;
  size: number;
  query?: string;
  enabled?: boolean;
  tags?: string[];
}

/** Raised for a create on a taken id (soft-deleted ones included) and for a stale `revision`. */
export class WorkflowConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowConflictError';
  }
}

/** Elasticsearch persistence of workflows; knows nothing of YAML or validation. */
export interface WorkflowsStore {
  /** Fails with WorkflowConflictError when the id is taken in the space (also by a soft-deleted workflow). */
  create(doc: WorkflowDocument): Promise<StoredWorkflow>;
  /** Soft-deleted documents too; callers decide whether to show them. */
  get(spaceId: string, id: string): Promise<StoredWorkflow | undefined>;
  /** Conditional on `revision`; fails with WorkflowConflictError when another write came first. */
  update(doc: WorkflowDocument, revision: string): Promise<StoredWorkflow>;
  find(options: FindWorkflowsOptions): Promise<{ workflows: StoredWorkflow[]; total: number }>;
}

/**
 * Writes wait for a refresh so the list reflects a create/update/delete as soon as the call returns, which the UI
 * (save, then list) and the bootstrapper (create, then re-read on 409) rely on.
 */
export function createWorkflowsStore({ esClient, index = WORKFLOWS_INDEX }: { esClient: Client; index?: string }): WorkflowsStore {
  return {
    async create(doc) {
      try {
        const res = await esClient.index({ index, id: workflowDocId(doc.spaceId, doc.id), op_type: 'create', document: doc, refresh: 'wait_for' });
        return { doc, revision: encodeRevision(res._seq_no ?? 0, res._primary_term ?? 1) };
      } catch (error) {
        if (errorStatus(error) === 409) throw new WorkflowConflictError(`Workflow with id [${doc.id}] already exists in space [${doc.spaceId}]`);
        throw error;
      }
    },

    async get(spaceId, id) {
      try {
        const res = await esClient.get<WorkflowDocument>({ index, id: workflowDocId(spaceId, id) });
        if (!res.found || !res._source) return undefined;
        return { doc: res._source, revision: encodeRevision(res._seq_no ?? 0, res._primary_term ?? 1) };
      } catch (error) {
        if (errorStatus(error) === 404) return undefined;
        throw error;
      }
    },

    async update(doc, revision) {
      const decoded = decodeRevision(revision);
      if (!decoded) throw new WorkflowConflictError(`Workflow [${doc.id}] revision [${revision}] is not one this server issued`);
      try {
        const res = await esClient.index({
          index,
          id: workflowDocId(doc.spaceId, doc.id),
          document: doc,
          if_seq_no: decoded.seqNo,
          if_primary_term: decoded.primaryTerm,
          refresh: 'wait_for',
        });
        return { doc, revision: encodeRevision(res._seq_no ?? 0, res._primary_term ?? 1) };
      } catch (error) {
        if (errorStatus(error) === 409) throw new WorkflowConflictError(`Workflow [${doc.id}] was changed by another request; reload it and try again`);
        throw error;
      }
    },

    async find(options) {
      const res = await esClient.search<WorkflowDocument>({
        index,
        from: (options.page - 1) * options.size,
        size: options.size,
        track_total_hits: true,
        seq_no_primary_term: true,
        query: buildFindQuery(options),
        sort: [{ updatedAt: { order: 'desc' } }, { id: { order: 'asc' } }],
      });
      const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
      const workflows = res.hits.hits.flatMap((hit) =>
        hit._source ? [{ doc: hit._source, revision: encodeRevision(hit._seq_no ?? 0, hit._primary_term ?? 1) }] : [],
      );
      return { workflows, total };
    },
  };
}

/** The list's filters: always the space and not deleted; `query` matches name, description or tags, or a name substring. */
export function buildFindQuery(options: Omit<FindWorkflowsOptions, 'page' | 'size'>): Record<string, unknown> {
  const filter: Array<Record<string, unknown>> = [{ term: { spaceId: options.spaceId } }];
  if (options.enabled !== undefined) filter.push({ term: { enabled: options.enabled } });
  if (options.tags && options.tags.length > 0) filter.push({ terms: { tags: options.tags } });
  const must: Array<Record<string, unknown>> = [];
  const text = options.query?.trim();
  if (text) {
    must.push({
      bool: {
        should: [
          { multi_match: { query: text, fields: ['name^3', 'description', 'tags'], lenient: true } },
          { wildcard: { 'name.keyword': { value: `*${text.replace(/[*?\\]/g, (c) => `\\${c}`)}*`, case_insensitive: true } } },
        ],
        minimum_should_match: 1,
      },
    });
  }
  return { bool: { filter, must, must_not: [{ exists: { field: 'deletedAt' } }] } };
}
