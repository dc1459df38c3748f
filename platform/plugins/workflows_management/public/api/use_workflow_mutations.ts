/** Create, update, delete and run; each invalidates the queries it changes. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useWorkflowsServices } from '../app/services';
import { queryKeys } from './query_keys';
import type { RunInputs, WorkflowDetail, WorkflowUpdate } from './types';

export function useCreateWorkflow() {
  const { api } = useWorkflowsServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (yaml: string) => api.createWorkflow(yaml),
    onSuccess: (workflow: WorkflowDetail) => {
      client.setQueryData(queryKeys.workflow(workflow.id), workflow);
      return client.invalidateQueries({ queryKey: queryKeys.workflows, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}

export function useUpdateWorkflow() {
  const { api } = useWorkflowsServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: WorkflowUpdate }) => api.updateWorkflow(id, update),
    onSuccess: (workflow: WorkflowDetail) => {
      client.setQueryData(queryKeys.workflow(workflow.id), workflow);
      return client.invalidateQueries({ queryKey: queryKeys.workflows, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}

export function useDeleteWorkflow() {
  const { api } = useWorkflowsServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteWorkflow(id),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.workflows, predicate: (q) => q.queryKey[1] === 'list' }),
  });
}

/** From the list: `/run` of the saved workflow; from the editor: `/test` of the buffer (§7). */
export type RunTarget = { mode: 'run'; workflowId: string } | { mode: 'test'; workflowYaml: string; workflowId?: string };

export function useRunWorkflow() {
  const { api } = useWorkflowsServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ target, inputs }: { target: RunTarget; inputs: RunInputs }) =>
      target.mode === 'run' ? api.runWorkflow(target.workflowId, inputs) : api.testWorkflow({ workflowYaml: target.workflowYaml, inputs, workflowId: target.workflowId }),
    onSuccess: (_result, { target }) => {
      if (target.workflowId) void client.invalidateQueries({ queryKey: queryKeys.executions(target.workflowId) });
      return client.invalidateQueries({ queryKey: queryKeys.workflows, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}
