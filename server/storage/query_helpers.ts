import type { estypes } from '@elastic/elasticsearch';
import { AssistantStorageError } from './errors';
import { KqlSyntaxError, kqlFilterToQuery } from './kql';
import { FILTERABLE_FIELDS, type ResourceName } from './mappings';
import type { FindParams, OwnerScope } from './types';

type Query = estypes.QueryDslQueryContainer;

export const namespaceFilter = (spaceId: string): Query => ({ term: { namespace: spaceId } });

/** The owner key (assistant.md §0): `users.id` when the user has a profile uid, else `users.name`. */
export const ownerFilter = (scope: OwnerScope): Query =>
  scope.user.id ? { term: { 'users.id': scope.user.id } } : { term: { 'users.name': scope.user.name } };

/** Whether a stored `users` list names the scope's user (same key as ownerFilter). */
export const isOwner = (users: ReadonlyArray<{ id?: string; name: string }> | undefined, scope: OwnerScope): boolean =>
  (users ?? []).some((u) => (scope.user.id ? u.id === scope.user.id : u.name === scope.user.name));

export const ownerRef = (scope: OwnerScope): { id?: string; name: string } =>
  scope.user.id ? { id: scope.user.id, name: scope.user.name } : { name: scope.user.name };

/** `_find`'s KQL `filter` over stored names; a bad filter is the caller's 400. */
export function kqlFilter(resource: ResourceName, filter: string | undefined): Query[] {
  if (!filter || filter.trim() === '') return [];
  try {
    return [kqlFilterToQuery(filter, { allowedFields: FILTERABLE_FIELDS[resource] }) as Query];
  } catch (error) {
    if (error instanceof KqlSyntaxError) {
      throw new AssistantStorageError(400, 'invalid_filter', `Invalid filter: ${error.message}`, {
        details: [{ path: 'filter', message: error.message }],
      });
    }
    throw error;
  }
}

export interface SortSpec {
  /** API sort names → stored sort fields. */
  fields: Record<string, string>;
  defaultField: string;
  defaultOrder: 'asc' | 'desc';
}

/** The `sort` of a `_find`, with `id` as the tie-breaker so pages never overlap. */
export function findSort(spec: SortSpec, params: Pick<FindParams, 'sortField' | 'sortOrder'>): estypes.Sort {
  const name = params.sortField ?? spec.defaultField;
  const stored = spec.fields[name];
  if (!stored) {
    throw new AssistantStorageError(400, 'invalid_sort_field', `Cannot sort by ${name}; use one of: ${Object.keys(spec.fields).join(', ')}`, {
      details: [{ path: 'sort_field', message: `Unsupported sort field ${name}` }],
    });
  }
  const order = params.sortOrder ?? spec.defaultOrder;
  return [{ [stored]: { order, unmapped_type: 'keyword' } }, { id: { order: 'asc' } }] as estypes.Sort;
}

export const pageWindow = (params: Pick<FindParams, 'page' | 'perPage'>) => ({ from: (params.page - 1) * params.perPage, size: params.perPage });
