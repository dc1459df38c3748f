import type { ExecutionDoc, ExecutionLogDoc, FindExecutionsQuery, StepExecutionDoc, WorkflowsStore } from './types';

const clone = <T>(value: T): T => structuredClone(value);
const byCreatedDesc = (a: ExecutionDoc, b: ExecutionDoc) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/** In-memory `WorkflowsStore` (tests, bench): same semantics as the Elasticsearch one, copies in and out. */
export function createMemoryWorkflowsStore(): WorkflowsStore & { readonly executions: Map<string, ExecutionDoc>; readonly steps: Map<string, StepExecutionDoc>; readonly logs: ExecutionLogDoc[] } {
  const executions = new Map<string, ExecutionDoc>();
  const steps = new Map<string, StepExecutionDoc>();
  const logs: ExecutionLogDoc[] = [];
  return {
    executions,
    steps,
    logs,
    init: async () => undefined,
    putExecution: async (doc) => {
      executions.set(doc.id, clone(doc));
    },
    updateExecution: async (id, patch) => {
      const current = executions.get(id);
      if (!current) throw new Error(`Execution ${id} not found`);
      executions.set(id, { ...current, ...clone(patch) });
    },
    getExecution: async (spaceId, id) => {
      const doc = executions.get(id);
      return doc && doc.spaceId === spaceId ? clone(doc) : undefined;
    },
    findExecutions: async (query: FindExecutionsQuery) => {
      const excluded = new Set(query.excludeIds ?? []);
      const matching = [...executions.values()]
        .filter(
          (doc) =>
            doc.spaceId === query.spaceId &&
            doc.workflowId === query.workflowId &&
            !excluded.has(doc.id) &&
            (query.statuses === undefined || query.statuses.includes(doc.status)) &&
            (query.isTestRun === undefined || doc.isTestRun === query.isTestRun),
        )
        .sort(byCreatedDesc);
      return { docs: matching.slice(query.from, query.from + query.size).map(clone), total: matching.length };
    },
    findExecutionsByStatus: async (statuses) =>
      [...executions.values()]
        .filter((doc) => statuses.includes(doc.status))
        .sort((a, b) => -byCreatedDesc(a, b))
        .map(clone),
    getLatestExecutions: async (spaceId, workflowIds) => {
      const out: Record<string, ExecutionDoc> = {};
      for (const doc of executions.values()) {
        if (doc.spaceId !== spaceId || !workflowIds.includes(doc.workflowId)) continue;
        const seen = out[doc.workflowId];
        if (!seen || seen.createdAt < doc.createdAt) out[doc.workflowId] = clone(doc);
      }
      return out;
    },
    // Records and log events are never mutated once handed over (the engine passes fresh copies), so they are kept
    // as given; reads still return copies.
    putStepExecutions: async (docs) => {
      for (const doc of docs) steps.set(doc.id, doc);
    },
    getStepExecutions: async (spaceId, executionId) =>
      [...steps.values()]
        .filter((doc) => doc.spaceId === spaceId && doc.workflowRunId === executionId)
        .sort((a, b) => a.globalExecutionIndex - b.globalExecutionIndex)
        .map(clone),
    getStepExecution: async (spaceId, executionId, id) => {
      const doc = steps.get(id);
      return doc && doc.spaceId === spaceId && doc.workflowRunId === executionId ? clone(doc) : undefined;
    },
    putLogs: async (docs) => {
      for (const doc of docs) logs.push(doc);
    },
    findLogs: async (spaceId, executionId, options) => {
      const matching = logs
        .filter(
          (doc) =>
            doc.spaceId === spaceId &&
            doc.workflow.execution_id === executionId &&
            (options.stepExecutionId === undefined || doc.workflow.step_execution_id === options.stepExecutionId),
        )
        .sort((a, b) => (a['@timestamp'] < b['@timestamp'] ? -1 : a['@timestamp'] > b['@timestamp'] ? 1 : a.sequence - b.sequence));
      if (options.sortOrder === 'desc') matching.reverse();
      return { docs: matching.slice(options.from, options.from + options.size).map(clone), total: matching.length };
    },
  };
}
