import type { estypes } from '@elastic/elasticsearch';
import type { AnonymizationField, AnonymizationFieldCreate, AnonymizationFieldUpdate, AnonymizationStats } from '../../../common/api/anonymization_fields';
import { ASSISTANT_PRIVILEGES, PRIVILEGE_LABELS } from '../../../common/api/privileges';
import { BALANCED_FIELD_RULES, getDefaultFieldRules } from '../../../common/anonymization';
import type { FieldRule } from '../../../common/anonymization/types';
import { BulkSkip, runBulkAction, shapeBulkResponse } from '../bulk_actions';
import { DocStore } from '../doc_store';
import { missingPrivilegeError, notFoundError } from '../errors';
import { SCHEMA_VERSIONS } from '../mappings';
import { findSort, kqlFilter, namespaceFilter, pageWindow, type SortSpec } from '../query_helpers';
import type { StorageIndices } from '../storage_indices';
import type { AnonymizationFieldsDataClient, OwnerScope } from '../types';
import { DEFAULT_FIELDS_VERSION, anonymizationFieldId, planSeeding } from './seeding';

export interface StoredAnonymizationField {
  id: string;
  namespace: string;
  field: string;
  allowed: boolean;
  anonymized: boolean;
  is_default: boolean;
  pending_review: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  schema_version: number;
}

const SORT: SortSpec = { fields: { field: 'field', allowed: 'allowed', anonymized: 'anonymized', updated_at: 'updated_at', created_at: 'created_at' }, defaultField: 'field', defaultOrder: 'asc' };

export const anonymizationFieldFromStored = (s: StoredAnonymizationField): AnonymizationField => ({
  id: s.id,
  field: s.field,
  allowed: s.allowed,
  // Anonymized only means anything for allowed fields; a denied field is never sent at all.
  anonymized: s.anonymized,
  isDefault: s.is_default,
  pendingReview: s.pending_review,
  namespace: s.namespace,
  createdAt: s.created_at,
  updatedAt: s.updated_at,
});

const SYSTEM_USER = 'system';

export interface AnonymizationClientOptions {
  indices: StorageIndices;
  now?: () => Date;
  /** The shipped defaults and their version (tests inject a later release's list). */
  defaults?: { rules: readonly FieldRule[]; version: number };
}

export function createAnonymizationFieldsClient(options: AnonymizationClientOptions): AnonymizationFieldsDataClient {
  const { indices } = options;
  const store = new DocStore<StoredAnonymizationField>(indices, 'anonymization-fields');
  const now = () => (options.now ? options.now() : new Date()).toISOString();
  const defaults = options.defaults ?? { rules: BALANCED_FIELD_RULES, version: DEFAULT_FIELDS_VERSION };
  const seeded = new Map<string, Promise<void>>();

  const row = (spaceId: string, rule: FieldRule & { isDefault: boolean; pendingReview: boolean }, user: string, ts: string): StoredAnonymizationField => ({
    id: anonymizationFieldId(rule.field),
    namespace: spaceId,
    field: rule.field,
    allowed: rule.allowed,
    anonymized: rule.anonymized,
    is_default: rule.isDefault,
    pending_review: rule.pendingReview,
    created_at: ts,
    created_by: user,
    updated_at: ts,
    updated_by: user,
    schema_version: SCHEMA_VERSIONS['anonymization-fields'],
  });

  async function allRows(spaceId: string): Promise<StoredAnonymizationField[]> {
    const out: StoredAnonymizationField[] = [];
    for await (const hit of store.scan(spaceId, namespaceFilter(spaceId))) out.push(hit.source);
    return out;
  }

  async function bulkInsert(spaceId: string, rows: StoredAnonymizationField[]): Promise<void> {
    if (rows.length === 0) return;
    const index = await store.alias(spaceId);
    // `create` ops: a row another request inserted meanwhile stays as it is (409 per item is fine).
    const res = await indices.esClient.bulk({ refresh: true, operations: rows.flatMap((r) => [{ create: { _index: index, _id: r.id } }, r]) });
    const failed = res.items.filter((i) => i.create?.error && i.create.status !== 409);
    if (failed.length > 0) throw new Error(`Seeding anonymization fields failed for ${failed.length} rows: ${JSON.stringify(failed[0].create?.error)}`);
  }

  async function seed(spaceId: string): Promise<void> {
    await store.alias(spaceId);
    const meta = await indices.getMeta('anonymization-fields', spaceId);
    if (meta?.seeded_defaults_version !== undefined && meta.seeded_defaults_version >= defaults.version) return;
    const existing = new Set((await allRows(spaceId)).map((r) => r.field));
    const plan = planSeeding({ defaults: defaults.rules, seededFields: meta?.seeded_defaults_version === undefined ? undefined : (meta.seeded_fields ?? []), existingFields: existing });
    const ts = now();
    await bulkInsert(spaceId, plan.map((r) => row(spaceId, r, SYSTEM_USER, ts)));
    await indices.putMeta('anonymization-fields', spaceId, { seeded_defaults_version: defaults.version, seeded_fields: defaults.rules.map((r) => r.field) });
  }

  /** Seeds once per space and process; a failed attempt is retried on the next call. */
  function ensureSeeded(spaceId: string): Promise<void> {
    let pending = seeded.get(spaceId);
    if (!pending) {
      pending = seed(spaceId);
      seeded.set(spaceId, pending);
      pending.catch(() => seeded.delete(spaceId));
    }
    return pending;
  }

  const requireCustomize = (scope: OwnerScope, action: string) => {
    if (!scope.privileges?.updateAnonymization) {
      const tag = ASSISTANT_PRIVILEGES.updateAnonymization;
      throw missingPrivilegeError(action, [tag], [PRIVILEGE_LABELS[tag]]);
    }
  };

  async function stats(spaceId: string): Promise<AnonymizationStats> {
    const rows = await allRows(spaceId);
    return { total: rows.length, allowed: rows.filter((r) => r.allowed).length, anonymized: rows.filter((r) => r.allowed && r.anonymized).length };
  }

  async function create(scope: OwnerScope, input: AnonymizationFieldCreate): Promise<AnonymizationField> {
    requireCustomize(scope, 'Changing anonymization fields');
    const ts = now();
    const doc = row(scope.spaceId, { ...input, isDefault: false, pendingReview: false }, scope.user.name, ts);
    const hit = await store.create(scope.spaceId, doc.id, doc, `Anonymization field ${input.field} already exists`);
    return anonymizationFieldFromStored(hit.source);
  }

  async function update(scope: OwnerScope, patch: AnonymizationFieldUpdate): Promise<AnonymizationField> {
    requireCustomize(scope, 'Changing anonymization fields');
    let unchanged = false;
    const hit = await store.update(
      scope.spaceId,
      patch.id,
      (current) => {
        const s = current.source;
        if (s.namespace !== scope.spaceId) return undefined;
        const allowed = patch.allowed ?? s.allowed;
        const anonymized = patch.anonymized ?? s.anonymized;
        unchanged = allowed === s.allowed && anonymized === s.anonymized && !s.pending_review;
        if (unchanged) return undefined;
        // Saving a row is reviewing it: a pending default stops being pending.
        return { ...s, allowed, anonymized, pending_review: false, updated_at: now(), updated_by: scope.user.name };
      },
      'Anonymization field',
    );
    if (unchanged) throw new BulkSkip('ANONYMIZATION_FIELD_NOT_MODIFIED');
    if (!hit) throw notFoundError('Anonymization field', patch.id, scope.spaceId);
    return anonymizationFieldFromStored(hit.source);
  }

  async function remove(scope: OwnerScope, id: string): Promise<void> {
    requireCustomize(scope, 'Changing anonymization fields');
    const hit = await store.get(scope.spaceId, id);
    if (!hit || hit.source.namespace !== scope.spaceId) throw notFoundError('Anonymization field', id, scope.spaceId);
    await store.delete(scope.spaceId, id);
  }

  return {
    async getPolicy(spaceId) {
      await ensureSeeded(spaceId);
      return (await allRows(spaceId)).map((r) => ({ field: r.field, allowed: r.allowed, anonymized: r.anonymized }));
    },

    async find(spaceId, params) {
      await ensureSeeded(spaceId);
      const query: estypes.QueryDslQueryContainer = { bool: { filter: [namespaceFilter(spaceId), ...kqlFilter('anonymization-fields', params.filter)] } };
      const result = await store.search(spaceId, { query, sort: findSort(SORT, params), ...pageWindow(params) });
      return { page: params.page, perPage: params.perPage, total: result.total, data: result.hits.map((h) => anonymizationFieldFromStored(h.source)), stats: await stats(spaceId) };
    },

    async bulk(scope, action) {
      await ensureSeeded(scope.spaceId);
      const outcome = await runBulkAction(action, {
        describeCreate: (item) => ({ id: anonymizationFieldId(item.field), name: item.field }),
        create: (item) => create(scope, item),
        update: (item) => update(scope, item),
        delete: (id) => remove(scope, id),
        idsForQuery: async (query) => {
          const ids: string[] = [];
          for await (const hit of store.scan(scope.spaceId, { bool: { filter: [namespaceFilter(scope.spaceId), ...kqlFilter('anonymization-fields', query)] } })) ids.push(hit.id);
          return ids;
        },
      });
      return shapeBulkResponse(outcome);
    },

    async reset(scope, preset) {
      requireCustomize(scope, 'Resetting anonymization fields');
      await ensureSeeded(scope.spaceId);
      const index = await store.alias(scope.spaceId);
      const rows = await allRows(scope.spaceId);
      if (rows.length > 0) {
        await indices.esClient.bulk({ refresh: true, operations: rows.map((r) => ({ delete: { _index: index, _id: r.id } })) });
      }
      const ts = now();
      await bulkInsert(
        scope.spaceId,
        getDefaultFieldRules(preset).map((r) => row(scope.spaceId, { ...r, isDefault: true, pendingReview: false }, scope.user.name, ts)),
      );
      await indices.putMeta('anonymization-fields', scope.spaceId, { seeded_defaults_version: defaults.version, seeded_fields: defaults.rules.map((r) => r.field) });
      const s = await stats(scope.spaceId);
      return { preset, total: s.total, stats: s };
    },
  };
}
