import { randomUUID } from 'node:crypto';
import type { estypes } from '@elastic/elasticsearch';
import { MAX_MESSAGES_PER_CONVERSATION, type Conversation, type ConversationCreate, type ConversationUpdate, type Message } from '../../../common/api/conversations';
import { MAX_REPLACEMENTS } from '../../../common/anonymization';
import type { Replacements } from '../../../common/anonymization/types';
import { runBulkAction, shapeBulkResponse } from '../bulk_actions';
import { DocStore, type StoredHit } from '../doc_store';
import { AssistantStorageError, notFoundError } from '../errors';
import { findSort, isOwner, kqlFilter, namespaceFilter, ownerFilter, ownerRef, pageWindow, type SortSpec } from '../query_helpers';
import type { StorageIndices } from '../storage_indices';
import type { ConversationsDataClient, OwnerScope } from '../types';
import { storedSchemaVersion, upgradeConversation } from './migrations';
import { apiConfigToStored, conversationFromStored, mergeReplacements, newStoredConversation, type StoredConversation } from './serialization';

const SORT: SortSpec = {
  fields: { created_at: 'created_at', updated_at: 'updated_at', title: 'title' },
  defaultField: 'updated_at',
  defaultOrder: 'desc',
};

const tooManyMessages = (id: string) =>
  new AssistantStorageError(
    413,
    'too_many_messages',
    `Conversation ${id} has reached the limit of ${MAX_MESSAGES_PER_CONVERSATION} messages. Continue in a new chat.`,
  );

const tooManyReplacements = (id: string) =>
  new AssistantStorageError(413, 'too_many_replacements', `Conversation ${id} would exceed ${MAX_REPLACEMENTS} anonymization replacements. Continue in a new chat.`);

export function createConversationsClient(deps: { indices: StorageIndices; now?: () => Date }): ConversationsDataClient {
  const store = new DocStore<StoredConversation>(deps.indices, 'conversations');
  const now = () => (deps.now ? deps.now() : new Date()).toISOString();

  const visible = (scope: OwnerScope, source: StoredConversation) => source.namespace === scope.spaceId && isOwner(source.users, scope);
  const scopeQuery = (scope: OwnerScope): estypes.QueryDslQueryContainer[] => [namespaceFilter(scope.spaceId), ownerFilter(scope)];

  async function getVisible(scope: OwnerScope, id: string): Promise<StoredHit<StoredConversation> | undefined> {
    const hit = await store.get(scope.spaceId, id);
    if (!hit || !visible(scope, hit.source)) return undefined;
    return { ...hit, source: upgradeConversation(hit.source) };
  }

  /** OCC update of a visible conversation (the stored doc is upgraded to the current schema before `change`). */
  async function mutate(
    scope: OwnerScope,
    id: string,
    change: (current: StoredConversation) => StoredConversation,
  ): Promise<Conversation | undefined> {
    const hit = await store.update(
      scope.spaceId,
      id,
      (current) => {
        if (!visible(scope, current.source)) return undefined;
        const next = change(upgradeConversation(current.source));
        return { ...next, updated_at: now(), updated_by: scope.user.name };
      },
      'Conversation',
    );
    return hit ? conversationFromStored(hit.source) : undefined;
  }

  const checkLimits = (id: string, doc: StoredConversation) => {
    if ((doc.messages?.length ?? 0) > MAX_MESSAGES_PER_CONVERSATION) throw tooManyMessages(id);
    if ((doc.replacements?.length ?? 0) > MAX_REPLACEMENTS) throw tooManyReplacements(id);
    return doc;
  };

  async function create(scope: OwnerScope, conversation: ConversationCreate): Promise<Conversation> {
    const id = conversation.id ?? randomUUID();
    const doc = checkLimits(id, newStoredConversation({ id, spaceId: scope.spaceId, user: ownerRef(scope), now: now(), create: conversation }));
    const hit = await store.create(scope.spaceId, id, doc, `Conversation ${id} already exists`);
    return conversationFromStored(hit.source);
  }

  async function update(scope: OwnerScope, id: string, patch: ConversationUpdate): Promise<Conversation | undefined> {
    return mutate(scope, id, (current) => {
      const messages = patch.messages ?? current.messages ?? [];
      return checkLimits(id, {
        ...current,
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.apiConfig !== undefined ? { api_config: apiConfigToStored(patch.apiConfig) } : {}),
        ...(patch.excludeFromLastConversationStorage !== undefined ? { exclude_from_last_conversation_storage: patch.excludeFromLastConversationStorage } : {}),
        messages,
        message_count: messages.length,
        // Replacements only grow: tokens already in messages must stay resolvable.
        replacements: mergeReplacements(current.replacements, patch.replacements),
      });
    });
  }

  async function remove(scope: OwnerScope, id: string): Promise<boolean> {
    if (!(await getVisible(scope, id))) return false;
    return store.delete(scope.spaceId, id);
  }

  return {
    async get(scope, id) {
      const hit = await getVisible(scope, id);
      return hit ? conversationFromStored(hit.source) : undefined;
    },

    create,
    update,

    async appendMessages(scope, id, messages: Message[], replacements?: Replacements) {
      return mutate(scope, id, (current) => {
        const all = [...(current.messages ?? []), ...messages];
        if (all.length > MAX_MESSAGES_PER_CONVERSATION) throw tooManyMessages(id);
        return checkLimits(id, { ...current, messages: all, message_count: all.length, replacements: mergeReplacements(current.replacements, replacements) });
      });
    },

    async truncateMessages(scope, id, keep) {
      return mutate(scope, id, (current) => {
        const kept = (current.messages ?? []).slice(0, Math.max(0, keep));
        return { ...current, messages: kept, message_count: kept.length };
      });
    },

    delete: remove,

    async find(scope, params) {
      const withMessages = params.fields?.includes('messages') ?? false;
      const { from, size } = pageWindow(params);
      const result = await store.search(scope.spaceId, {
        query: { bool: { filter: [...scopeQuery(scope), ...kqlFilter('conversations', params.filter)] } },
        sort: findSort(SORT, params),
        from,
        size,
        ...(withMessages ? {} : { sourceExcludes: ['messages'] }),
      });
      const data: Conversation[] = [];
      for (const hit of result.hits) {
        let source = hit.source;
        // A pre-v2 document has no message_count: read it whole once to count its messages.
        if (!withMessages && storedSchemaVersion(source) < 2) source = (await store.get(scope.spaceId, hit.id))?.source ?? source;
        const conversation = conversationFromStored(upgradeConversation(source));
        if (!withMessages) delete conversation.messages;
        data.push(conversation);
      }
      return { page: params.page, perPage: params.perPage, total: result.total, data };
    },

    async bulk(scope, action) {
      const outcome = await runBulkAction(action, {
        describeCreate: (item) => ({ id: item.id ?? '', ...(item.title ? { name: item.title } : {}) }),
        create: (item) => create(scope, item),
        update: async ({ id, ...patch }) => {
          const updated = await update(scope, id, patch);
          if (!updated) throw notFoundError('Conversation', id, scope.spaceId);
          return updated;
        },
        delete: async (id) => {
          if (!(await remove(scope, id))) throw notFoundError('Conversation', id, scope.spaceId);
        },
        idsForQuery: async (query) => {
          const ids: string[] = [];
          for await (const hit of store.scan(scope.spaceId, { bool: { filter: [...scopeQuery(scope), ...kqlFilter('conversations', query)] } })) ids.push(hit.id);
          return ids;
        },
      });
      return shapeBulkResponse(outcome);
    },

    async deleteAll(scope, excludedIds = []) {
      const excluded = new Set(excludedIds);
      const failures: Array<{ id: string; message: string }> = [];
      let totalDeleted = 0;
      const ids: string[] = [];
      for await (const hit of store.scan(scope.spaceId, { bool: { filter: scopeQuery(scope) } })) if (!excluded.has(hit.id)) ids.push(hit.id);
      for (const id of ids) {
        try {
          if (await store.delete(scope.spaceId, id)) totalDeleted += 1;
        } catch (error) {
          failures.push({ id, message: (error as Error).message });
        }
      }
      return { success: failures.length === 0, totalDeleted, failures };
    },

    async exportAll(scope, ids) {
      const filter: estypes.QueryDslQueryContainer[] = [...scopeQuery(scope), ...(ids ? [{ ids: { values: ids } }] : [])];
      const out: Conversation[] = [];
      for await (const hit of store.scan(scope.spaceId, { bool: { filter } })) out.push(conversationFromStored(upgradeConversation(hit.source)));
      return out;
    },

    async importMany(scope, conversations) {
      const imported: Conversation[] = [];
      const renamed: Array<{ from: string; to: string }> = [];
      for (const conversation of conversations) {
        const requested = conversation.id;
        let id = requested ?? randomUUID();
        if (requested && (await store.get(scope.spaceId, requested))) {
          id = randomUUID();
          renamed.push({ from: requested, to: id });
        }
        imported.push(await create(scope, { ...conversation, id }));
      }
      return { imported, renamed };
    },
  };
}
