import type { FeaturesSetup } from '../../../core/server';
import { APP_ID, FEATURE_ID, WORKFLOWS_API_PRIVILEGES } from '../common/constants';

/** The `workflowsManagement` Kibana feature: `read` lists and inspects, `all` also writes, runs and cancels. */
export function registerWorkflowsFeature(features: FeaturesSetup): void {
  features.registerKibanaFeature({
    id: FEATURE_ID,
    name: 'Workflows',
    category: { id: 'management', label: 'Management' },
    app: [APP_ID],
    privileges: {
      all: { api: [WORKFLOWS_API_PRIVILEGES.read, WORKFLOWS_API_PRIVILEGES.all], ui: ['show', 'save', 'delete', 'execute'], app: [APP_ID] },
      read: { api: [WORKFLOWS_API_PRIVILEGES.read], ui: ['show'], app: [APP_ID] },
    },
  });
}
