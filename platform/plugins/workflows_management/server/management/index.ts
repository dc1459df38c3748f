export { createWorkflowsManagementService, type ConnectorSource, type WorkflowsManagementService, type WorkflowsManagementServiceDeps } from './management_service';
export { findStep } from './find_step';
export { createDeferredManagementApi } from './deferred_api';
