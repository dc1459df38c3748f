/** The HTTP calls of the triage UI: the triage routes, the alert's tags and notes, and the workflow runs. */
import type { HttpStart } from '../../platform/core/public';
import type { AlertsApi } from '../../platform/plugins/security_solution/public';
import { readStringArray } from '../../platform/plugins/security_solution/common/alert_fields';
import { INTERNAL_API_VERSION } from '../../common/constants';
import { triageRoutePath, TRIAGE_WORKFLOW_ID, type NarrativeResponse, type RelatedGraphResponse } from '../../common/api/triage';
import type { TriageNote } from './verdict';

export interface WorkflowExecution {
  status: string;
  error?: { message: string };
  stepExecutions: Array<{ stepId: string; status: string }>;
}

export const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled', 'timed_out', 'skipped'];

export const executionUrl = (executionId: string, workflowId = TRIAGE_WORKFLOW_ID): string =>
  `/app/workflows/${workflowId}?tab=executions&executionId=${encodeURIComponent(executionId)}`;

/** Thrown when the preinstalled workflow does not exist in the space (its feature flag is off). */
export class TriageWorkflowMissingError extends Error {
  constructor() {
    super(
      'The security.alert.validation workflow is not installed in this space. Enable the securitySolution.preinstalledWorkflowsEnabled ' +
        'feature flag (and the alert validation steps flag), then restart Kibana.',
    );
    this.name = 'TriageWorkflowMissingError';
  }
}

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'response' in error
    ? (error as { response?: { status?: number } }).response?.status
    : undefined;

export interface TriageApi {
  getRelatedGraph(alertId: string, signal?: AbortSignal): Promise<RelatedGraphResponse>;
  getNarrative(alertId: string, signal?: AbortSignal): Promise<NarrativeResponse>;
  /** The alert's workflow tags and notes, fresh from the server. */
  getTriageState(alertId: string): Promise<{ tags: string[]; notes: TriageNote[] }>;
  runTriage(alerts: Array<{ id: string; index: string }>): Promise<string>;
  getExecution(executionId: string): Promise<WorkflowExecution>;
}

export function createTriageApi(http: HttpStart, alertsApi: AlertsApi): TriageApi {
  return {
    getRelatedGraph: (alertId, signal) => http.get<RelatedGraphResponse>(triageRoutePath('relatedGraph', alertId), { version: INTERNAL_API_VERSION, signal }),
    getNarrative: (alertId, signal) => http.get<NarrativeResponse>(triageRoutePath('narrative', alertId), { version: INTERNAL_API_VERSION, signal }),
    async getTriageState(alertId) {
      const [search, notes] = await Promise.all([
        alertsApi.searchAlerts({ query: { ids: { values: [alertId] } }, size: 1 }),
        alertsApi.getNotes([alertId]),
      ]);
      const source = search.hits.hits[0]?._source;
      return {
        tags: source ? readStringArray(source, 'kibana.alert.workflow_tags') : [],
        notes: notes.notes.map((n) => ({ note: n.note, created: n.created, updated: n.updated })),
      };
    },
    async runTriage(alerts) {
      try {
        const res = await http.post<{ workflowExecutionId: string }>(`/api/workflows/workflow/${TRIAGE_WORKFLOW_ID}/run`, {
          body: { inputs: { event: { triggerType: 'alert', alertIds: alerts.map((a) => ({ _id: a.id, _index: a.index })) } } },
        });
        return res.workflowExecutionId;
      } catch (error) {
        if (statusOf(error) === 404) throw new TriageWorkflowMissingError();
        throw error;
      }
    },
    getExecution: (executionId) => http.get<WorkflowExecution>(`/api/workflows/executions/${encodeURIComponent(executionId)}`),
  };
}

/** "3 steps completed · running enrich_alert" from an execution snapshot. */
export function describeProgress(execution: WorkflowExecution | undefined): { completed: number; current?: string } {
  if (!execution) return { completed: 0 };
  const completed = execution.stepExecutions.filter((s) => s.status === 'completed').length;
  const current = [...execution.stepExecutions].reverse().find((s) => !TERMINAL_STATUSES.includes(s.status))?.stepId;
  return { completed, ...(current ? { current } : {}) };
}
