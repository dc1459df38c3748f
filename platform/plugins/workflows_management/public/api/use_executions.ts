/** Executions list, one execution (live-polled until final), its logs, and cancel. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useWorkflowsServices } from '../app/services';
import { executionPollInterval, LIST_REFRESH_MS } from '../lib/poll_interval';
import { isActiveStatus } from '../lib/status';
import { queryKeys } from './query_keys';
import type { FindExecutionsQuery } from './types';

export function useExecutionList(workflowId: string | undefined, query: FindExecutionsQuery) {
  const { api } = useWorkflowsServices();
  return useQuery({
    queryKey: queryKeys.executionList(workflowId ?? '', query),
    queryFn: ({ signal }) => api.findExecutions(workflowId ?? '', query, signal),
    enabled: Boolean(workflowId),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.results.some((e) => isActiveStatus(e.status)) ? LIST_REFRESH_MS : false),
  });
}

export function useExecution(executionId: string | undefined) {
  const { api } = useWorkflowsServices();
  return useQuery({
    queryKey: queryKeys.execution(executionId ?? ''),
    queryFn: ({ signal }) => api.getExecution(executionId ?? '', signal),
    enabled: Boolean(executionId),
    refetchInterval: (q) => (q.state.status === 'error' ? false : executionPollInterval(q.state.data?.status, q.state.data?.startedAt, Date.now())),
  });
}

export function useExecutionLogs(executionId: string | undefined, stepExecutionId: string | undefined, live: boolean) {
  const { api } = useWorkflowsServices();
  return useQuery({
    queryKey: queryKeys.executionLogs(executionId ?? '', stepExecutionId),
    queryFn: ({ signal }) => api.getExecutionLogs(executionId ?? '', { stepExecutionId, size: 1000 }, signal),
    enabled: Boolean(executionId),
    refetchInterval: live ? 2000 : false,
  });
}

export function useCancelExecution() {
  const { api } = useWorkflowsServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (executionId: string) => api.cancelExecution(executionId),
    onSuccess: (_r, executionId) => client.invalidateQueries({ queryKey: queryKeys.execution(executionId) }),
  });
}
