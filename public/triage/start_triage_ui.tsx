import type { CoreStart } from '../../platform/core/public';
import type { SecurityAiAssistantStartDeps } from '../plugin';
import { createBulkTriageAction } from './bulk_triage';
import { RunTriageAction } from './run_triage_action';
import { createTriageApi } from './triage_api';
import { TriageTab } from './triage_tab';

/** Triage results in the alerts app: verdict, narrative and related-alert graph in the flyout; "Run triage". */
export function startTriageUi(core: CoreStart, plugins: SecurityAiAssistantStartDeps): void {
  const securitySolution = plugins.securitySolution;
  if (!securitySolution) return;
  const api = createTriageApi(core.http, securitySolution.alertsApi);
  const openAlert = (alertId: string) => void core.application.navigateToUrl(securitySolution.getAlertsUrl(alertId));
  securitySolution.registerAlertFlyoutTab({
    id: 'securityAiAssistant:triage',
    name: 'Triage',
    order: 10,
    Component: ({ alert }) => <TriageTab alertId={alert.id} api={api} onOpenAlert={openAlert} />,
  });
  securitySolution.registerAlertFlyoutHeaderAction({
    id: 'securityAiAssistant:runTriage',
    order: 20,
    // Keyed by alert: a graph click that opens another alert in the same flyout starts from a fresh button.
    Component: ({ alert, onAlertChanged }) => <RunTriageAction key={alert.id} alert={alert} api={api} onFinished={onAlertChanged} />,
  });
  securitySolution.registerAlertsBulkAction(createBulkTriageAction(api, core.notifications.toasts, (path) => core.http.basePath.prepend(path)));
}
