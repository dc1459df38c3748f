import fs from 'node:fs';
import path from 'node:path';
import { startTestPlatform, REPO_ROOT, type TestPlatform } from '../../helpers';
import { startFakeLlm, type FakeLlm, type RecordedRequest } from '../../fake_llm';
import { seedSampleData } from '../../../scripts/sample_data';
import { PREINSTALLED_WORKFLOWS } from '../../../server/workflows/bootstrap';
import type { WorkflowsExecutionEngineStart } from '../../../platform/plugins/workflows_execution_engine/server/contract';
import { waitForExecution, type ExecutionView } from './bad_input_workflows';

/**
 * The preinstalled `security.alert.validation` workflow on a whole platform with the fake LLM as its connector, for the
 * prompt-injection and oversized-input suites: seeded sample alerts, alerts rewritten with hostile fields, runs through
 * the workflows API, and a snapshot of every alert to prove nothing but the seed changed.
 */

export const WORKFLOW_ID = PREINSTALLED_WORKFLOWS[0].id;
export const TAG_PREFIX = 'workflow.security.alert.validation';
export const ALERTS_INDEX = '.alerts-security.alerts-default';
const SHIPPED_YAML = fs.readFileSync(path.join(REPO_ROOT, 'workflows', PREINSTALLED_WORKFLOWS[0].file), 'utf8');
/** The shipped workflow with retry delays shortened so failure paths finish quickly. */
export const FAST_YAML = SHIPPED_YAML.replace(/delay: (5s|30s|1s)/g, 'delay: 10ms');

export interface AlertRef {
  _id: string;
  _index: string;
}

export interface AlertState {
  status: string | undefined;
  tags: string[];
  reason: string | undefined;
}

export interface TriageHarness {
  tp: TestPlatform;
  llm: FakeLlm;
  /** The API-created `.gen-ai` connector pointing at the fake LLM (the space's default for the workflow). */
  connectorId: string;
  /** Open, untagged alerts reserved for the tests, newest first. */
  openAlerts: AlertRef[];
  runOn(alerts: AlertRef[]): Promise<ExecutionView>;
  /** Overwrites fields of an alert (dotted keys are written as given, like the sample data does). */
  rewriteAlert(alert: AlertRef, fields: Record<string, unknown>): Promise<void>;
  state(alertId: string): Promise<AlertState>;
  /** Status, tags and reason of every alert in the space, by id. */
  snapshot(): Promise<Map<string, AlertState>>;
  notesOf(alertId: string): Promise<string[]>;
  /** The `user` message of each chat request the fake LLM received. */
  promptsSent(): string[];
  setAutoClose(settings: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

interface AlertSource {
  'kibana.alert.workflow_status'?: string;
  'kibana.alert.workflow_tags'?: string[];
  'kibana.alert.workflow_reason'?: string;
}

const toState = (source: AlertSource | undefined): AlertState => ({
  status: source?.['kibana.alert.workflow_status'],
  tags: [...(source?.['kibana.alert.workflow_tags'] ?? [])].sort(),
  reason: source?.['kibana.alert.workflow_reason'],
});

export function userMessageOf(request: RecordedRequest): string {
  const body = request.body as { messages?: Array<{ role: string; content: unknown }> } | undefined;
  const user = body?.messages?.filter((m) => m.role === 'user') ?? [];
  return user.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
}

export async function startTriageHarness(options: { openAlerts: number; seed: number }): Promise<TriageHarness> {
  const llm = await startFakeLlm();
  let tp: TestPlatform | undefined;
  try {
    tp = await startTestPlatform({
      plugins: ['securityAiAssistant', 'securitySolution', 'workflowsManagement', 'actions'],
      config: { 'feature_flags.overrides': { 'securitySolution.preinstalledWorkflowsEnabled': true } },
    });
    const platform = tp;
    const connector = await platform.post<{ id: string }>('/api/actions/connector', {
      name: 'Triage LLM',
      connector_type_id: '.gen-ai',
      config: { apiProvider: 'Other', apiUrl: `${llm.baseUrl}/chat/completions`, defaultModel: 'fake-model' },
      secrets: { apiKey: 'sk-test' },
    });
    if (connector.status !== 200) throw new Error(`connector: ${connector.status} ${connector.text}`);
    await seedSampleData({ esClient: platform.es, spaceId: 'default', count: 160, seed: options.seed });
    await platform.es.indices.refresh({ index: ALERTS_INDEX });
    // The bootstrapper installs the workflow at start; swap in the fast-retry YAML once it is there.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const wf = await platform.get(`/api/workflows/workflow/${WORKFLOW_ID}`);
      if (wf.status === 200) break;
      if (Date.now() > deadline) throw new Error('the preinstalled workflow was not installed');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const put = await platform.put(`/api/workflows/workflow/${WORKFLOW_ID}`, { yaml: FAST_YAML });
    if (put.status !== 200) throw new Error(`workflow update: ${put.status} ${put.text}`);
    const open = await platform.es.search<AlertSource>({
      index: ALERTS_INDEX,
      size: options.openAlerts,
      query: { bool: { filter: [{ term: { 'kibana.alert.workflow_status': 'open' } }], must_not: [{ exists: { field: 'kibana.alert.workflow_tags' } }] } },
      sort: [{ '@timestamp': 'desc' }],
    });
    const openAlerts = open.hits.hits.map((h) => ({ _id: h._id ?? '', _index: h._index }));
    if (openAlerts.length < options.openAlerts) throw new Error(`only ${openAlerts.length} open alerts in the sample`);

    const state = async (alertId: string) => {
      await platform.es.indices.refresh({ index: ALERTS_INDEX });
      const res = await platform.es.search<AlertSource>({ index: ALERTS_INDEX, size: 1, query: { ids: { values: [alertId] } } });
      return toState(res.hits.hits[0]?._source);
    };
    return {
      tp: platform,
      llm,
      connectorId: connector.body.id,
      openAlerts,
      runOn: async (alerts) => {
        const res = await platform.post<{ workflowExecutionId: string }>(`/api/workflows/workflow/${WORKFLOW_ID}/run`, {
          inputs: { event: { triggerType: 'alert', alertIds: alerts } },
        });
        if (res.status !== 200) throw new Error(`run: ${res.status} ${res.text.slice(0, 300)}`);
        // Through the engine contract, not by polling GET /executions: a run over a huge alert has a multi-MB detail.
        const engine = platform.platform.pluginsStart.get('workflowsExecutionEngine') as WorkflowsExecutionEngineStart | undefined;
        if (!engine) return waitForExecution(platform, res.body.workflowExecutionId, 90_000);
        await engine.waitForCompletion(res.body.workflowExecutionId, 150_000);
        const detail = await engine.getExecution('default', res.body.workflowExecutionId);
        if (!detail) throw new Error(`execution ${res.body.workflowExecutionId} not found`);
        return {
          id: detail.id,
          status: detail.status,
          ...(detail.error ? { error: detail.error } : {}),
          stepExecutions: detail.stepExecutions.map((s) => ({ stepId: s.stepId, status: s.status, ...(s.error ? { error: s.error } : {}) })),
        };
      },
      rewriteAlert: async (alert, fields) => {
        await platform.es.update({ index: alert._index, id: alert._id, doc: fields, refresh: true });
      },
      state,
      snapshot: async () => {
        await platform.es.indices.refresh({ index: ALERTS_INDEX });
        const res = await platform.es.search<AlertSource>({
          index: ALERTS_INDEX,
          size: 10_000,
          _source: ['kibana.alert.workflow_status', 'kibana.alert.workflow_tags', 'kibana.alert.workflow_reason'],
          query: { match_all: {} },
        });
        return new Map(res.hits.hits.map((h) => [h._id ?? '', toState(h._source)]));
      },
      notesOf: async (alertId) => {
        const res = await platform.get<{ notes?: Array<{ note: string }> }>(`/api/note?documentIds=${encodeURIComponent(alertId)}`);
        return (res.body.notes ?? []).map((n) => n.note);
      },
      promptsSent: () => llm.chatRequests().map(userMessageOf),
      setAutoClose: async (settings) => {
        const res = await platform.put('/internal/security_solution/alert_validation/settings', settings);
        if (res.status !== 200) throw new Error(`settings: ${res.status} ${res.text}`);
      },
      stop: async () => {
        await platform.stop();
        await llm.close();
      },
    };
  } catch (error) {
    await tp?.stop();
    await llm.close();
    throw error;
  }
}

/** Ids whose state differs between two snapshots. */
export function changedAlerts(before: Map<string, AlertState>, after: Map<string, AlertState>): string[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  return [...ids].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id))).sort();
}
