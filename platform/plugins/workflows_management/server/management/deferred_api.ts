import type { WorkflowsManagementApi } from '../contract';

/**
 * The setup contract's `management`: usable by plugins that keep it from setup, every call waiting for start (when
 * the stores and the engine exist), as the §0.2 contract says.
 */
export function createDeferredManagementApi(getApi: () => Promise<WorkflowsManagementApi>): WorkflowsManagementApi {
  return {
    getWorkflow: async (...args) => (await getApi()).getWorkflow(...args),
    getWorkflows: async (...args) => (await getApi()).getWorkflows(...args),
    createWorkflow: async (...args) => (await getApi()).createWorkflow(...args),
    updateWorkflow: async (...args) => (await getApi()).updateWorkflow(...args),
    deleteWorkflows: async (...args) => (await getApi()).deleteWorkflows(...args),
    validateWorkflow: async (...args) => (await getApi()).validateWorkflow(...args),
    getWorkflowJsonSchema: async (...args) => (await getApi()).getWorkflowJsonSchema(...args),
    runWorkflow: async (...args) => (await getApi()).runWorkflow(...args),
    testWorkflow: async (...args) => (await getApi()).testWorkflow(...args),
    testStep: async (...args) => (await getApi()).testStep(...args),
    getWorkflowExecution: async (...args) => (await getApi()).getWorkflowExecution(...args),
    getWorkflowExecutions: async (...args) => (await getApi()).getWorkflowExecutions(...args),
    getStepExecution: async (...args) => (await getApi()).getStepExecution(...args),
    getExecutionLogs: async (...args) => (await getApi()).getExecutionLogs(...args),
    cancelWorkflowExecution: async (...args) => (await getApi()).cancelWorkflowExecution(...args),
    cancelWorkflowExecutions: async (workflowId, spaceId, request) => {
      const api = await getApi();
      if (!api.cancelWorkflowExecutions) throw new Error('cancelWorkflowExecutions is not available');
      return api.cancelWorkflowExecutions(workflowId, spaceId, request);
    },
  };
}
