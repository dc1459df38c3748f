/** The app's two pages: the workflow list and the editor (with its Executions tab). */
import { EuiPageTemplate } from '@elastic/eui';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { WorkflowEditorPage } from '../editor/workflow_editor_page';
import { WorkflowsListPage } from '../list/workflows_list_page';
import { appMessages } from './translations';
import { useAppRoute } from './use_app_route';
import { useWorkflowsServices } from './services';

export function WorkflowsApp() {
  const { route, href } = useAppRoute();
  const { core } = useWorkflowsServices();
  const intl = useIntl();
  const title = intl.formatMessage(appMessages.title);

  useEffect(() => {
    if (route.page === 'list') {
      core.chrome.setBreadcrumbs([{ text: title }]);
      core.chrome.docTitle.change([title]);
    }
  }, [core, route.page, title, href]);

  return (
    <EuiPageTemplate offset={0} restrictWidth={false} grow data-test-subj="workflowsApp">
      {route.page === 'list' ? (
        <WorkflowsListPage />
      ) : (
        <WorkflowEditorPage key={route.workflowId ?? 'create'} workflowId={route.workflowId} tab={route.tab} executionId={route.executionId} />
      )}
    </EuiPageTemplate>
  );
}
