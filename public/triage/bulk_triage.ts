/** Bulk "Run triage" from the alerts table selection: one workflow run with every selected alert. */
import type { NotificationsStart } from '../../platform/core/public';
import type { AlertsBulkActionExtension } from '../../platform/plugins/security_solution/public';
import { MAX_BULK_TRIAGE_ALERTS } from '../../common/api/triage';
import { executionUrl, type TriageApi } from './triage_api';

export function createBulkTriageAction(api: TriageApi, toasts: NotificationsStart['toasts'], prependBasePath: (path: string) => string): AlertsBulkActionExtension {
  return {
    id: 'securityAiAssistant:runTriage',
    label: 'Run triage',
    iconType: 'play',
    maxAlerts: MAX_BULK_TRIAGE_ALERTS,
    async onClick(alerts, { clearSelection }) {
      if (alerts.length > MAX_BULK_TRIAGE_ALERTS) {
        toasts.addWarning(`Select at most ${MAX_BULK_TRIAGE_ALERTS} alerts to triage at once`);
        return;
      }
      try {
        const executionId = await api.runTriage(alerts.map((a) => ({ id: a.id, index: a.index })));
        clearSelection();
        toasts.addSuccess({
          title: `Triage started on ${alerts.length} alert${alerts.length === 1 ? '' : 's'}`,
          text: `Follow the execution: ${prependBasePath(executionUrl(executionId))}`,
          'data-test-subj': 'bulkTriageStarted',
        });
      } catch (error) {
        toasts.addError(error instanceof Error ? error : new Error(String(error)), { title: 'Could not run triage' });
      }
    },
  };
}
