/** React-query hooks over the assistant API; all keyed by space (query_keys.ts). */
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { kqlWildcard } from './assistant_api';
import { useAssistantApi } from './api_context';
import { queryKeys } from './query_keys';

export const HISTORY_PAGE_SIZE = 50;

/** UX-1: history rows (id, title, updatedAt, apiConfig), newest first, 50 a page, no cap. */
export function useConversationHistory(search: string) {
  const { api, spaceId } = useAssistantApi();
  return useInfiniteQuery({
    queryKey: queryKeys.conversationList(spaceId, search),
    initialPageParam: 1,
    queryFn: ({ pageParam, signal }) =>
      api.findConversations(
        {
          page: pageParam,
          perPage: HISTORY_PAGE_SIZE,
          sortField: 'updated_at',
          sortOrder: 'desc',
          fields: ['id', 'title', 'updatedAt', 'apiConfig', 'conversationType'],
          filter: search.trim() ? `title:*${kqlWildcard(search.trim())}*` : undefined,
        },
        signal,
      ),
    getNextPageParam: (last) => (last.page * last.perPage < last.total ? last.page + 1 : undefined),
  });
}

export function useConversation(id: string | undefined) {
  const { api, spaceId } = useAssistantApi();
  return useQuery({
    queryKey: queryKeys.conversation(spaceId, id ?? ''),
    queryFn: ({ signal }) => api.getConversation(id ?? '', signal),
    enabled: id !== undefined,
    retry: false,
  });
}

export function useCapabilities() {
  const { api, spaceId } = useAssistantApi();
  return useQuery({ queryKey: queryKeys.capabilities(spaceId), queryFn: () => api.getCapabilities(), staleTime: 60_000 });
}

export function useConnectors() {
  const { api, spaceId } = useAssistantApi();
  return useQuery({ queryKey: queryKeys.connectors(spaceId), queryFn: () => api.getConnectors(), staleTime: 30_000 });
}

/** Built-in and user prompts of both types (≤500 per user, so one page of 100 per type plus built-ins is not enough: page through). */
export function usePrompts() {
  const { api, spaceId } = useAssistantApi();
  return useQuery({
    queryKey: queryKeys.prompts(spaceId),
    queryFn: async () => {
      const all = [];
      for (let page = 1; ; page += 1) {
        const res = await api.findPrompts({ page, perPage: 100, sortField: 'name', sortOrder: 'asc' });
        all.push(...res.data);
        if (res.data.length === 0 || page * res.perPage >= res.total) break;
      }
      return all;
    },
    staleTime: 30_000,
  });
}

/** The space's whole anonymization policy (A1 allows 1,000 a page), for the per-context editor. */
export function useAnonymizationPolicy() {
  const { api, spaceId } = useAssistantApi();
  return useQuery({
    queryKey: queryKeys.anonymizationPolicy(spaceId),
    queryFn: async () => {
      const rows = [];
      for (let page = 1; ; page += 1) {
        const res = await api.findAnonymizationFields({ page, perPage: 1000 });
        rows.push(...res.data);
        if (res.data.length === 0 || page * res.perPage >= res.total) break;
      }
      return rows;
    },
    staleTime: 30_000,
  });
}

/** The A1 filter of the settings table: a field-name search and/or only fields pending review. */
export function anonymizationFilter(search: string, pendingOnly: boolean): string | undefined {
  return [search.trim() ? `field:*${kqlWildcard(search.trim())}*` : '', pendingOnly ? 'pending_review:true' : ''].filter(Boolean).join(' and ') || undefined;
}

/** How many fields a release added for review (`pending_review`), for the "N new default fields" banner. */
export function useAnonymizationPendingCount() {
  const { api, spaceId } = useAssistantApi();
  return useQuery({
    queryKey: [...queryKeys.anonymization(spaceId), 'pendingCount'],
    queryFn: async () => (await api.findAnonymizationFields({ page: 1, perPage: 1, filter: anonymizationFilter('', true) })).total,
  });
}

export function useAnonymizationTable(page: number, perPage: number, search: string, pendingOnly: boolean) {
  const { api, spaceId } = useAssistantApi();
  return useQuery({
    queryKey: queryKeys.anonymizationTable(spaceId, page, perPage, search, pendingOnly),
    queryFn: () =>
      api.findAnonymizationFields({
        page: page + 1,
        perPage,
        sortField: 'field',
        sortOrder: 'asc',
        filter: anonymizationFilter(search, pendingOnly),
      }),
    placeholderData: keepPreviousData,
  });
}

/** K9: readable indices with their `text` / `semantic_text` fields (for the index-entry pickers). */
export function useKbIndices(enabled: boolean) {
  const { api, spaceId } = useAssistantApi();
  return useQuery({ queryKey: [...queryKeys.kb(spaceId), 'indices'], queryFn: () => api.getKbIndices(), enabled, staleTime: 30_000 });
}

export function useKbStatus() {
  const { api, spaceId } = useAssistantApi();
  return useQuery({ queryKey: queryKeys.kbStatus(spaceId), queryFn: () => api.getKbStatus() });
}

export function useKbEntries(page: number, perPage: number, search: string) {
  const { api, spaceId } = useAssistantApi();
  return useQuery({
    queryKey: queryKeys.kbEntries(spaceId, page, perPage, search),
    queryFn: () =>
      api.findKbEntries({ page: page + 1, perPage, sortField: 'updated_at', sortOrder: 'desc', filter: search.trim() ? `name:*${kqlWildcard(search.trim())}*` : undefined }),
    placeholderData: keepPreviousData,
  });
}

/** Invalidates one resource family of the current space. */
export function useInvalidate() {
  const queryClient = useQueryClient();
  const { spaceId } = useAssistantApi();
  return useCallback(
    (family: 'conversations' | 'connectors' | 'prompts' | 'anonymization' | 'kb' | 'capabilities') =>
      queryClient.invalidateQueries({ queryKey: [...queryKeys.all(spaceId), family] }),
    [queryClient, spaceId],
  );
}
