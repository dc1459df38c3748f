/** Workflow list and detail queries. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useWorkflowsServices } from '../app/services';
import { queryKeys } from './query_keys';
import type { FindWorkflowsQuery } from './types';

export function useWorkflowList(query: FindWorkflowsQuery) {
  const { api } = useWorkflowsServices();
  return useQuery({
    queryKey: queryKeys.workflowList(query),
    queryFn: ({ signal }) => api.findWorkflows(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useWorkflow(id: string | undefined) {
  const { api } = useWorkflowsServices();
  return useQuery({
    queryKey: queryKeys.workflow(id ?? ''),
    queryFn: ({ signal }) => api.getWorkflow(id ?? '', signal),
    enabled: Boolean(id),
  });
}

export function useWorkflowSchema() {
  const { api } = useWorkflowsServices();
  return useQuery({ queryKey: queryKeys.schema, queryFn: ({ signal }) => api.getSchema(signal), staleTime: 5 * 60_000 });
}
