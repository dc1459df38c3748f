import { randomUUID } from 'node:crypto';
import type { estypes } from '@elastic/elasticsearch';
import { MAX_PROMPTS_PER_USER, MAX_QUICK_PROMPT_LENGTH, type Prompt, type PromptCreate, type PromptUpdate } from '../../../common/api/prompts';
import { ALERT_TRIAGE_SYSTEM_PROMPT_ID, DEFAULT_SYSTEM_PROMPT_ID, isBuiltInPromptId } from '../../../common/prompts';
import { BulkSkip, runBulkAction, shapeBulkResponse } from '../bulk_actions';
import { DocStore } from '../doc_store';
import { AssistantStorageError, conflictError, notFoundError } from '../errors';
import { KqlSyntaxError, matchesKql, parseKql, type KqlNode } from '../kql';
import { isOwner, kqlFilter, namespaceFilter, ownerFilter, ownerRef } from '../query_helpers';
import type { StorageIndices } from '../storage_indices';
import type { OwnerScope, PromptsDataClient } from '../types';
import { builtInPrompts, newStoredPrompt, promptAsStoredFields, promptFromStored, type StoredPrompt } from './serialization';

const SORT_FIELDS: Record<string, keyof Prompt> = { name: 'name', created_at: 'createdAt', updated_at: 'updatedAt', prompt_type: 'promptType' };

const builtInSkip = () => new BulkSkip('PROMPT_IS_BUILT_IN');

export function createPromptsClient(deps: { indices: StorageIndices; now?: () => Date }): PromptsDataClient {
  const store = new DocStore<StoredPrompt>(deps.indices, 'prompts');
  const now = () => (deps.now ? deps.now() : new Date()).toISOString();
  const scopeQuery = (scope: OwnerScope): estypes.QueryDslQueryContainer[] => [namespaceFilter(scope.spaceId), ownerFilter(scope)];
  const visible = (scope: OwnerScope, s: StoredPrompt) => s.namespace === scope.spaceId && isOwner(s.users, scope);

  /** All of the user's prompts (≤ 500 by construction), optionally KQL-filtered. */
  async function userPrompts(scope: OwnerScope, filter?: string): Promise<Prompt[]> {
    const result = await store.search(scope.spaceId, {
      query: { bool: { filter: [...scopeQuery(scope), ...kqlFilter('prompts', filter)] } },
      size: MAX_PROMPTS_PER_USER + 100,
      sort: [{ id: 'asc' }],
    });
    return result.hits.map((h) => promptFromStored(h.source));
  }

  async function checkNameFree(scope: OwnerScope, type: Prompt['promptType'], name: string, exceptId?: string) {
    const lower = name.toLowerCase();
    const taken = [...builtInPrompts(scope.spaceId), ...(await userPrompts(scope))].find(
      (p) => p.promptType === type && p.name.toLowerCase() === lower && p.id !== exceptId,
    );
    if (taken) throw conflictError(`A ${type} prompt named "${name}" already exists; choose another name`);
  }

  async function create(scope: OwnerScope, input: PromptCreate): Promise<Prompt> {
    if (input.id && isBuiltInPromptId(input.id)) throw conflictError(`Prompt ${input.id} already exists (built-in)`);
    const count = await store.count(scope.spaceId, { bool: { filter: scopeQuery(scope) } });
    if (count >= MAX_PROMPTS_PER_USER) {
      throw new AssistantStorageError(400, 'limit_reached', `You already have ${MAX_PROMPTS_PER_USER} prompts, the most allowed; delete some first`);
    }
    await checkNameFree(scope, input.promptType, input.name);
    const id = input.id ?? randomUUID();
    const doc = newStoredPrompt({ id, spaceId: scope.spaceId, user: ownerRef(scope), now: now(), create: input });
    const created = promptFromStored((await store.create(scope.spaceId, id, doc, `Prompt ${id} already exists`)).source);
    if (created.isNewConversationDefault) await clearOtherNewConversationDefaults(scope, id);
    return created;
  }

  /** One new-conversation default per user: choosing one unsets the others (§6.2 would otherwise pick arbitrarily). */
  async function clearOtherNewConversationDefaults(scope: OwnerScope, keepId: string): Promise<void> {
    const others = (await userPrompts(scope)).filter((p) => p.id !== keepId && p.isNewConversationDefault);
    for (const other of others) {
      await store.update(
        scope.spaceId,
        other.id,
        (current) => (visible(scope, current.source) ? { ...current.source, is_new_conversation_default: false, updated_at: now(), updated_by: scope.user.name } : undefined),
        'Prompt',
      );
    }
  }

  async function update(scope: OwnerScope, patch: PromptUpdate): Promise<Prompt> {
    if (isBuiltInPromptId(patch.id)) throw builtInSkip();
    const existing = await store.get(scope.spaceId, patch.id);
    if (!existing || !visible(scope, existing.source)) throw notFoundError('Prompt', patch.id, scope.spaceId);
    const type = existing.source.prompt_type;
    const wrongFields =
      type === 'system'
        ? (['color', 'categories'] as const).filter((k) => patch[k] !== undefined)
        : (['isNewConversationDefault', 'defaultForConversationTypes'] as const).filter((k) => patch[k] !== undefined);
    if (wrongFields.length > 0) {
      throw new AssistantStorageError(400, 'invalid_update', `A ${type} prompt has no ${wrongFields.join(', ')}`, {
        details: wrongFields.map((f) => ({ path: f, message: `Not a field of ${type} prompts` })),
      });
    }
    if (type === 'quick' && patch.content !== undefined && patch.content.length > MAX_QUICK_PROMPT_LENGTH) {
      throw new AssistantStorageError(400, 'invalid_update', `Quick prompt content is limited to ${MAX_QUICK_PROMPT_LENGTH} characters`, {
        details: [{ path: 'content', message: `Too long: at most ${MAX_QUICK_PROMPT_LENGTH} characters` }],
      });
    }
    if (patch.name !== undefined) await checkNameFree(scope, type, patch.name, patch.id);
    const hit = await store.update(
      scope.spaceId,
      patch.id,
      (current) =>
        visible(scope, current.source)
          ? {
              ...current.source,
              ...(patch.name !== undefined ? { name: patch.name, name_lower: patch.name.toLowerCase() } : {}),
              ...(patch.content !== undefined ? { content: patch.content } : {}),
              ...(patch.color !== undefined ? { color: patch.color } : {}),
              ...(patch.categories !== undefined ? { categories: patch.categories } : {}),
              ...(patch.isNewConversationDefault !== undefined ? { is_new_conversation_default: patch.isNewConversationDefault } : {}),
              ...(patch.defaultForConversationTypes !== undefined ? { default_for_conversation_types: patch.defaultForConversationTypes } : {}),
              updated_at: now(),
              updated_by: scope.user.name,
            }
          : undefined,
      'Prompt',
    );
    if (!hit) throw notFoundError('Prompt', patch.id, scope.spaceId);
    if (patch.isNewConversationDefault === true) await clearOtherNewConversationDefaults(scope, patch.id);
    return promptFromStored(hit.source);
  }

  async function remove(scope: OwnerScope, id: string): Promise<void> {
    if (isBuiltInPromptId(id)) throw builtInSkip();
    const existing = await store.get(scope.spaceId, id);
    if (!existing || !visible(scope, existing.source)) throw notFoundError('Prompt', id, scope.spaceId);
    await store.delete(scope.spaceId, id);
  }

  async function get(scope: OwnerScope, id: string): Promise<Prompt | undefined> {
    const builtIn = builtInPrompts(scope.spaceId).find((p) => p.id === id);
    if (builtIn) return builtIn;
    const hit = await store.get(scope.spaceId, id);
    return hit && visible(scope, hit.source) ? promptFromStored(hit.source) : undefined;
  }

  return {
    get,

    async getDefaultSystemPrompt(scope, conversationType) {
      const mine = (await userPrompts(scope)).filter((p) => p.promptType === 'system').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      const chosen =
        mine.find((p) => p.defaultForConversationTypes?.includes(conversationType)) ??
        mine.find((p) => p.isNewConversationDefault) ??
        (await get(scope, conversationType === 'alert' || conversationType === 'event' ? ALERT_TRIAGE_SYSTEM_PROMPT_ID : DEFAULT_SYSTEM_PROMPT_ID));
      if (!chosen) throw new Error('Built-in system prompts are missing');
      return chosen;
    },

    async find(scope, params) {
      let node: KqlNode | undefined;
      try {
        node = params.filter?.trim() ? parseKql(params.filter) : undefined;
      } catch (error) {
        if (error instanceof KqlSyntaxError) throw new AssistantStorageError(400, 'invalid_filter', `Invalid filter: ${error.message}`);
        throw error;
      }
      const sortKey = SORT_FIELDS[params.sortField ?? 'name'];
      if (!sortKey) throw new AssistantStorageError(400, 'invalid_sort_field', `Cannot sort by ${params.sortField}; use one of: ${Object.keys(SORT_FIELDS).join(', ')}`);
      // Stored prompts are filtered by Elasticsearch (which also validates the filter's fields), built-ins in memory.
      const stored = await userPrompts(scope, params.filter);
      const builtIns = params.includeDefaults
        ? builtInPrompts(scope.spaceId).filter((p) => !node || matchesKql(node, promptAsStoredFields(p)))
        : [];
      const order = params.sortOrder === 'desc' ? -1 : 1;
      const all = [...builtIns, ...stored]
        .filter((p) => !params.promptType || p.promptType === params.promptType)
        .sort((a, b) => order * String(a[sortKey] ?? '').localeCompare(String(b[sortKey] ?? ''), 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
      const from = (params.page - 1) * params.perPage;
      return { page: params.page, perPage: params.perPage, total: all.length, data: all.slice(from, from + params.perPage) };
    },

    async bulk(scope, action) {
      const outcome = await runBulkAction(action, {
        describeCreate: (item) => ({ id: item.id ?? '', name: item.name }),
        create: (item) => create(scope, item),
        update: (item) => update(scope, item),
        delete: (id) => remove(scope, id),
        idsForQuery: async (query) => (await userPrompts(scope, query)).map((p) => p.id),
      });
      return shapeBulkResponse(outcome);
    },
  };
}
