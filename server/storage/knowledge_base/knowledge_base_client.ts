import { randomUUID } from 'node:crypto';
import type { estypes } from '@elastic/elasticsearch';
import type { Logger } from '../../../platform/core/server';
import { MAX_KB_ENTRIES_PER_SPACE, kbEntryCreateSchema, type KbEntry, type KbEntryCreate, type KbEntryCreateInput, type KbEntryUpdate, type KbStatus } from '../../../common/api/knowledge_base';
import { ASSISTANT_PRIVILEGES, PRIVILEGE_LABELS } from '../../../common/api/privileges';
import { runBulkAction, shapeBulkResponse } from '../bulk_actions';
import { DocStore, type StoredHit } from '../doc_store';
import { AssistantStorageError, missingPrivilegeError, notFoundError } from '../errors';
import { findSort, isOwner, kqlFilter, namespaceFilter, ownerFilter, ownerRef, pageWindow, type SortSpec } from '../query_helpers';
import type { StorageIndices } from '../storage_indices';
import type { KbEntryRecord, KnowledgeBaseDataClient, OwnerScope } from '../types';
import { probeInference, testInference, type InferenceProbe } from './semantic';
import { kbEntryFromStored, kbRecordFromStored, newStoredKbEntry, type StoredKbEntry } from './serialization';

const SORT: SortSpec = {
  fields: { name: 'name', created_at: 'created_at', updated_at: 'updated_at', type: 'type', global: 'global', required: 'required' },
  defaultField: 'updated_at',
  defaultOrder: 'desc',
};

const MAX_SEARCH_HITS = 10;
const MAX_HIT_CHARS = 2_000;
const MAX_REQUIRED = 100;
const MAX_INDEX_ENTRIES = 20;
const BACKFILL_BATCH = 100;
const PROBE_TTL_MS = 5 * 60_000;

type Query = estypes.QueryDslQueryContainer;

export interface KnowledgeBaseClientOptions {
  indices: StorageIndices;
  logger: Logger;
  inferenceId?: string;
  now?: () => Date;
}

export function createKnowledgeBaseClient(options: KnowledgeBaseClientOptions): KnowledgeBaseDataClient {
  const { indices, logger } = options;
  const store = new DocStore<StoredKbEntry>(indices, 'knowledge-base');
  const now = () => (options.now ? options.now() : new Date()).toISOString();
  let probe: { at: number; result: InferenceProbe } | undefined;

  const visibility = (scope: OwnerScope): Query[] => [
    namespaceFilter(scope.spaceId),
    { bool: { should: [{ term: { global: true } }, ownerFilter(scope)], minimum_should_match: 1 } },
  ];
  const visible = (scope: OwnerScope, s: StoredKbEntry) => s.namespace === scope.spaceId && (s.global || isOwner(s.users, scope));

  const requireGlobal = (scope: OwnerScope, action: string) => {
    if (!scope.privileges?.manageGlobalKnowledgeBase) {
      const tag = ASSISTANT_PRIVILEGES.manageGlobalKnowledgeBase;
      throw missingPrivilegeError(action, [tag], [PRIVILEGE_LABELS[tag]]);
    }
  };

  async function getVisible(scope: OwnerScope, id: string): Promise<StoredHit<StoredKbEntry> | undefined> {
    const hit = await store.get(scope.spaceId, id);
    return hit && visible(scope, hit.source) ? hit : undefined;
  }

  async function mode(spaceId: string): Promise<'lexical' | 'semantic'> {
    return (await indices.getMeta('knowledge-base', spaceId))?.kb_mode ?? 'lexical';
  }

  async function create(
    scope: OwnerScope,
    input: KbEntryCreateInput,
    createOptions: { source?: string; sensitiveValues?: Array<{ value: string; field: string }> } = {},
  ): Promise<KbEntry> {
    const parsed = kbEntryCreateSchema.safeParse(input);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new AssistantStorageError(400, 'validation_failed', `Invalid knowledge base entry: [${details[0]?.path}]: ${details[0]?.message}`, { details });
    }
    const entry: KbEntryCreate = parsed.data;
    if (entry.global) requireGlobal(scope, 'Creating a global knowledge base entry');
    if ((await store.count(scope.spaceId, namespaceFilter(scope.spaceId))) >= MAX_KB_ENTRIES_PER_SPACE) {
      throw new AssistantStorageError(400, 'limit_reached', `This space already has ${MAX_KB_ENTRIES_PER_SPACE} knowledge base entries, the most allowed; delete some first`);
    }
    const id = randomUUID();
    const doc = newStoredKbEntry({ id, spaceId: scope.spaceId, user: ownerRef(scope), now: now(), source: createOptions.source ?? 'api', create: entry });
    if (createOptions.sensitiveValues?.length) doc.sensitive_values = createOptions.sensitiveValues;
    if (doc.text !== undefined && (await mode(scope.spaceId)) === 'semantic') doc.semantic_text = doc.text;
    return kbEntryFromStored((await store.create(scope.spaceId, id, doc, `Knowledge base entry ${id} already exists`)).source);
  }

  async function update(scope: OwnerScope, id: string, patch: KbEntryUpdate): Promise<KbEntry | undefined> {
    const existing = await getVisible(scope, id);
    if (!existing) return undefined;
    const s = existing.source;
    const wrong =
      s.type === 'document'
        ? (['index', 'field', 'description', 'queryDescription', 'inputSchema', 'outputFields'] as const).filter((k) => patch[k] !== undefined)
        : (['text', 'required'] as const).filter((k) => patch[k] !== undefined);
    if (wrong.length > 0) {
      throw new AssistantStorageError(400, 'invalid_update', `A ${s.type} entry has no ${wrong.join(', ')}`, {
        details: wrong.map((f) => ({ path: f, message: `Not a field of ${s.type} entries` })),
      });
    }
    // Global → private leaves the global entry alone and gives the user a private copy (assistant.md §7).
    if (s.global && patch.global === false) {
      const { global: _drop, ...rest } = patch;
      const copy: StoredKbEntry = { ...applyPatch(s, rest, scope), global: false, users: [ownerRef(scope)], created_at: now(), created_by: scope.user.name };
      const newId = randomUUID();
      return kbEntryFromStored((await store.create(scope.spaceId, newId, { ...copy, id: newId }, `Knowledge base entry ${newId} already exists`)).source);
    }
    if (s.global || patch.global === true) requireGlobal(scope, s.global ? 'Changing a global knowledge base entry' : 'Making a knowledge base entry global');
    const hit = await store.update(
      scope.spaceId,
      id,
      (current) => {
        if (!visible(scope, current.source)) return undefined;
        const next = applyPatch(current.source, patch, scope);
        if (patch.global === true) next.users = [];
        return next;
      },
      'Knowledge base entry',
    );
    return hit ? kbEntryFromStored(hit.source) : undefined;
  }

  function applyPatch(s: StoredKbEntry, patch: KbEntryUpdate, scope: OwnerScope): StoredKbEntry {
    const next: StoredKbEntry = {
      ...s,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.global !== undefined ? { global: patch.global } : {}),
      ...(patch.text !== undefined ? { text: patch.text } : {}),
      ...(patch.required !== undefined ? { required: patch.required } : {}),
      ...(patch.index !== undefined ? { index: patch.index } : {}),
      ...(patch.field !== undefined ? { field: patch.field } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.queryDescription !== undefined ? { query_description: patch.queryDescription } : {}),
      ...(patch.inputSchema !== undefined ? { input_schema: patch.inputSchema.map((i) => ({ fieldName: i.fieldName, fieldType: i.fieldType ?? 'keyword', description: i.description ?? '' })) } : {}),
      ...(patch.outputFields !== undefined ? { output_fields: patch.outputFields } : {}),
      updated_at: now(),
      updated_by: scope.user.name,
    };
    if (patch.text !== undefined && s.semantic_text !== undefined) next.semantic_text = patch.text;
    return next;
  }

  async function remove(scope: OwnerScope, id: string): Promise<boolean> {
    const existing = await getVisible(scope, id);
    if (!existing) return false;
    if (existing.source.global) requireGlobal(scope, 'Deleting a global knowledge base entry');
    return store.delete(scope.spaceId, id);
  }

  async function getProbe(): Promise<InferenceProbe> {
    if (probe && Date.now() - probe.at < PROBE_TTL_MS) return probe.result;
    const result = await probeInference(indices.esClient, options.inferenceId);
    probe = { at: Date.now(), result };
    return result;
  }

  async function status(scope: OwnerScope): Promise<KbStatus> {
    const meta = await indices.getMeta('knowledge-base', scope.spaceId);
    const entryCount = await store.count(scope.spaceId, { bool: { filter: visibility(scope) } });
    const p = await getProbe();
    const degraded = meta?.kb_degraded_reason ?? (meta?.kb_mode === 'semantic' && !p.available ? p.reason : undefined);
    return {
      mode: meta?.kb_mode ?? 'lexical',
      entry_count: entryCount,
      ...(degraded ? { degraded_reason: degraded } : {}),
      semantic: {
        available: p.available,
        ...(meta?.kb_inference_id ? { inference_id: meta.kb_inference_id } : p.available ? { inference_id: p.inferenceId } : {}),
        backfill: meta?.kb_backfill ?? { state: 'not_started', processed: 0, total: 0 },
      },
    };
  }

  /** Copies `text` into `semantic_text` by partial `_bulk` updates, then switches the space to semantic mode. */
  async function backfill(spaceId: string, inferenceId: string): Promise<void> {
    const index = await store.alias(spaceId);
    const ids: string[] = [];
    const texts = new Map<string, string>();
    for await (const hit of store.scan(spaceId, { bool: { filter: [namespaceFilter(spaceId), { term: { type: 'document' } }] } })) {
      ids.push(hit.id);
      texts.set(hit.id, hit.source.text ?? '');
    }
    let processed = 0;
    await indices.putMeta('knowledge-base', spaceId, { kb_backfill: { state: 'running', processed, total: ids.length } });
    for (let i = 0; i < ids.length; i += BACKFILL_BATCH) {
      const batch = ids.slice(i, i + BACKFILL_BATCH);
      await indices.esClient.bulk({ refresh: true, operations: batch.flatMap((id) => [{ update: { _index: index, _id: id } }, { doc: { semantic_text: texts.get(id) ?? '' } }]) });
      processed += batch.length;
      await indices.putMeta('knowledge-base', spaceId, { kb_backfill: { state: 'running', processed, total: ids.length } });
    }
    await indices.putMeta('knowledge-base', spaceId, { kb_mode: 'semantic', kb_inference_id: inferenceId, kb_backfill: { state: 'complete', processed, total: ids.length } });
    logger.info('Knowledge base switched to semantic mode', { spaceId, inferenceId, entries: ids.length });
  }

  async function lexicalSearch(scope: OwnerScope, filter: Query[], query: string, size: number) {
    return store.search(scope.spaceId, { query: { bool: { filter, must: [{ multi_match: { query, fields: ['name.text^2', 'text'] } }] } }, size });
  }

  return {
    async getRequiredEntries(scope) {
      const result = await store.search(scope.spaceId, {
        query: { bool: { filter: [...visibility(scope), { term: { type: 'document' } }, { term: { required: true } }] } },
        sort: [{ created_at: 'asc' }, { id: 'asc' }],
        size: MAX_REQUIRED,
      });
      return result.hits.map((h) => kbRecordFromStored(h.source));
    },

    async search(scope, query, searchOptions = {}) {
      const size = Math.min(searchOptions.size ?? MAX_SEARCH_HITS, MAX_SEARCH_HITS);
      if (query.trim() === '') return [];
      const filter: Query[] = [...visibility(scope), { term: { type: 'document' } }, { term: { required: false } }, { term: { kb_resource: 'user' } }];
      let result;
      if ((await mode(scope.spaceId)) === 'semantic') {
        try {
          result = await store.search(scope.spaceId, { query: { bool: { filter, must: [{ semantic: { field: 'semantic_text', query } } as Query] } }, size });
        } catch (error) {
          // One retry, then lexical results with the reason on the status panel (§7.2).
          try {
            result = await store.search(scope.spaceId, { query: { bool: { filter, must: [{ semantic: { field: 'semantic_text', query } } as Query] } }, size });
          } catch {
            const reason = `Semantic search failed (${(error as Error).message}); answering with lexical search`;
            logger.warn(reason, { spaceId: scope.spaceId });
            await indices.putMeta('knowledge-base', scope.spaceId, { kb_degraded_reason: reason });
            result = await lexicalSearch(scope, filter, query, size);
          }
        }
      } else result = await lexicalSearch(scope, filter, query, size);
      return result.hits.map((h, i) => {
        // BM25 (or semantic) relevance; rank order as a fallback when the engine reports none.
        const record: KbEntryRecord & { score: number } = { ...kbRecordFromStored(h.source), score: h.score ?? size - i };
        if (record.text && record.text.length > MAX_HIT_CHARS) record.text = `${record.text.slice(0, MAX_HIT_CHARS)}…`;
        return record;
      });
    },

    async createEntry(scope, entry) {
      const created = await create(
        scope,
        { type: 'document', name: entry.name, text: entry.text, global: entry.global ?? false, required: entry.required ?? false },
        { source: entry.source ?? 'conversation', sensitiveValues: entry.sensitiveValues },
      );
      const hit = await store.get(scope.spaceId, created.id);
      if (!hit) throw notFoundError('Knowledge base entry', created.id, scope.spaceId);
      return kbRecordFromStored(hit.source);
    },

    async getIndexEntries(scope) {
      const result = await store.search(scope.spaceId, {
        query: { bool: { filter: [...visibility(scope), { term: { type: 'index' } }] } },
        sort: [{ created_at: 'asc' }, { id: 'asc' }],
        size: MAX_INDEX_ENTRIES,
      });
      return result.hits.map((h) => kbEntryFromStored(h.source));
    },

    async get(scope, id) {
      const hit = await getVisible(scope, id);
      return hit ? kbEntryFromStored(hit.source) : undefined;
    },

    create,
    update,
    delete: remove,

    async find(scope, params) {
      const result = await store.search(scope.spaceId, {
        query: { bool: { filter: [...visibility(scope), ...kqlFilter('knowledge-base', params.filter)] } },
        sort: findSort(SORT, params),
        ...pageWindow(params),
        sourceExcludes: ['sensitive_values', 'semantic_text'],
      });
      return { page: params.page, perPage: params.perPage, total: result.total, data: result.hits.map((h) => kbEntryFromStored(h.source)) };
    },

    async bulk(scope, action) {
      const outcome = await runBulkAction(action, {
        describeCreate: (item) => ({ id: '', name: item.name }),
        create: (item) => create(scope, item, { source: 'api' }),
        update: async ({ id, ...patch }) => {
          const updated = await update(scope, id, patch);
          if (!updated) throw notFoundError('Knowledge base entry', id, scope.spaceId);
          return updated;
        },
        delete: async (id) => {
          if (!(await remove(scope, id))) throw notFoundError('Knowledge base entry', id, scope.spaceId);
        },
        idsForQuery: async (query) => {
          const ids: string[] = [];
          for await (const hit of store.scan(scope.spaceId, { bool: { filter: [...visibility(scope), ...kqlFilter('knowledge-base', query)] } })) ids.push(hit.id);
          return ids;
        },
      });
      return shapeBulkResponse(outcome);
    },

    getStatus: status,

    async setupSemantic(scope) {
      requireGlobal(scope, 'Setting up semantic knowledge base search');
      await store.alias(scope.spaceId);
      probe = undefined;
      const p = await getProbe();
      if (!p.available) {
        await indices.putMeta('knowledge-base', scope.spaceId, { kb_mode: 'lexical' });
        return status(scope);
      }
      const meta = await indices.getMeta('knowledge-base', scope.spaceId);
      if (meta?.kb_mode === 'semantic' || meta?.kb_backfill?.state === 'running') return status(scope);
      const failure = await testInference(indices.esClient, p.inferenceId);
      if (failure) {
        await indices.putMeta('knowledge-base', scope.spaceId, { kb_degraded_reason: failure });
        return status(scope);
      }
      await indices.esClient.indices.putMapping({
        index: indices.alias('knowledge-base', scope.spaceId),
        properties: { semantic_text: { type: 'semantic_text', inference_id: p.inferenceId } } as never,
      });
      await indices.putMeta('knowledge-base', scope.spaceId, { kb_backfill: { state: 'running', processed: 0, total: 0 }, kb_inference_id: p.inferenceId });
      // Backfill runs after the 202; its progress is on the status.
      void backfill(scope.spaceId, p.inferenceId).catch(async (error: unknown) => {
        logger.error('Knowledge base backfill failed', { spaceId: scope.spaceId, error: (error as Error).message });
        await indices.putMeta('knowledge-base', scope.spaceId, { kb_backfill: { state: 'failed', processed: 0, total: 0 }, kb_degraded_reason: `Backfill failed: ${(error as Error).message}` });
      });
      return status(scope);
    },
  };
}
