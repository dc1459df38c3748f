/**
 * Bulk "Run triage" from the alerts table selection: one workflow run with every selected alert. The run is followed
 * until it ends, then the table refreshes (tags, status) and open Triage tabs of those alerts reload.
 */
import type { NotificationsStart } from '../../platform/core/public';
import type { AlertsBulkActionExtension } from '../../platform/plugins/security_solution/public';
import { MAX_BULK_TRIAGE_ALERTS } from '../../common/api/triage';
import { triageRefresh$ } from './refresh_bus';
import { executionUrl, type TriageApi } from './triage_api';
import { failureMessage, watchExecution } from './watch_execution';

const plural = (n: number) => `${n} alert${n === 1 ? '' : 's'}`;

export function createBulkTriageAction(
  api: TriageApi,
  toasts: NotificationsStart['toasts'],
  prependBasePath: (path: string) => string,
  options: { pollMs?: number } = {},
): AlertsBulkActionExtension {
  return {
    id: 'securityAiAssistant:runTriage',
    label: 'Run triage',
    iconType: 'play',
    maxAlerts: MAX_BULK_TRIAGE_ALERTS,
    async onClick(alerts, { clearSelection, refresh }) {
      if (alerts.length > MAX_BULK_TRIAGE_ALERTS) {
        toasts.addWarning(`Select at most ${MAX_BULK_TRIAGE_ALERTS} alerts to triage at once`);
        return;
      }
      let executionId: string;
      try {
        executionId = await api.runTriage(alerts.map((a) => ({ id: a.id, index: a.index })));
      } catch (error) {
        toasts.addError(error instanceof Error ? error : new Error(String(error)), { title: 'Could not run triage' });
        return;
      }
      clearSelection();
      const link = prependBasePath(executionUrl(executionId));
      toasts.addSuccess({
        title: `Triage started on ${plural(alerts.length)}`,
        text: `Follow the execution: ${link}`,
        'data-test-subj': 'bulkTriageStarted',
      });
      try {
        const final = await watchExecution(api, executionId, { pollMs: options.pollMs });
        const failure = failureMessage(final);
        if (failure) toasts.addDanger({ title: failure, text: `See the execution: ${link}`, 'data-test-subj': 'bulkTriageFailed' });
        else toasts.addSuccess({ title: `Triage finished on ${plural(alerts.length)}`, 'data-test-subj': 'bulkTriageFinished' });
      } catch (error) {
        toasts.addError(error instanceof Error ? error : new Error(String(error)), { title: 'Could not follow the triage run' });
      }
      // Whatever the outcome, the run may have tagged, noted or closed some of the alerts.
      for (const alert of alerts) triageRefresh$.next(alert.id);
      refresh();
    },
  };
}
