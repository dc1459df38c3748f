export { buildWorkflowDocument, decodeRevision, encodeRevision, toWorkflowDetail, toWorkflowListItem, workflowDocId, type WorkflowDocument } from './workflow_document';
export { createWorkflowsStore, buildFindQuery, WorkflowConflictError, type FindWorkflowsOptions, type StoredWorkflow, type WorkflowsStore } from './workflows_store';
export { ensureWorkflowsIndex, WORKFLOWS_INDEX_MAPPINGS } from './workflows_index';
