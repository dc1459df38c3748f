/** Registers the Workflows app (`/app/workflows`); the app code is loaded on first visit. */
import { DEFAULT_APP_CATEGORIES, type CoreSetup, type CoreStart, type Plugin } from '../../../core/public';
import { APP_ID, APP_PATH } from '../common/constants';
import type { WorkflowsManagementPublicSetup, WorkflowsManagementPublicStart, WorkflowsManagementStartDeps } from './types';
import { workflowAppPath } from './app/app_paths';

export class WorkflowsManagementPublicPlugin
  implements Plugin<WorkflowsManagementPublicSetup, WorkflowsManagementPublicStart, object, WorkflowsManagementStartDeps>
{
  setup(core: CoreSetup<WorkflowsManagementStartDeps, WorkflowsManagementPublicStart>): WorkflowsManagementPublicSetup {
    core.application.register({
      id: APP_ID,
      title: 'Workflows',
      order: 1500,
      euiIconType: 'workflowsApp',
      category: DEFAULT_APP_CATEGORIES.security,
      appRoute: APP_PATH,
      mount: async (params) => {
        const [coreStart, deps] = await core.getStartServices();
        // Loaded on first visit; monaco is a further lazy chunk inside the editor.
        const { renderApp } = await import('./application');
        return renderApp(coreStart, params, deps);
      },
    });
    return {};
  }

  start(core: CoreStart): WorkflowsManagementPublicStart {
    return { getWorkflowUrl: (workflowId, executionId) => core.application.getUrlForApp(APP_ID, { path: workflowAppPath(workflowId, executionId) }) };
  }
}
