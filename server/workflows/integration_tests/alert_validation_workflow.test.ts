/**
 * The preinstalled `security.alert.validation` workflow end to end: installed by the bootstrapper at start, run on
 * real alerts through the workflows API on the real engine, with the fake OpenAI-compatible LLM as the model. Covers
 * the valid verdict with auto-close (inclusive bounds), the skip of validated alerts, an invalid model answer, an LLM
 * failure, and a space without connectors (`not_analysed` paths).
 */
import fs from 'node:fs';
import path from 'node:path';
import { startTestPlatform, type TestPlatform } from '../../../test/helpers';
import { startFakeLlm, type FakeLlm, type RecordedRequest } from '../../../test/fake_llm';
import { seedSampleData } from '../../../scripts/sample_data';
import { PREINSTALLED_WORKFLOWS } from '../bootstrap';

jest.setTimeout(240_000);

const WORKFLOW_ID = PREINSTALLED_WORKFLOWS[0].id;
const TAG = 'workflow.security.alert.validation';
const SHIPPED_YAML = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'workflows', PREINSTALLED_WORKFLOWS[0].file), 'utf8');
/** The shipped workflow with its retry delays shortened so failure paths finish quickly in tests. */
const FAST_YAML = SHIPPED_YAML.replace(/delay: (5s|30s|1s)/g, 'delay: 10ms');

interface AlertSource {
  'kibana.alert.workflow_status'?: string;
  'kibana.alert.workflow_tags'?: string[];
  'kibana.alert.workflow_reason'?: string;
  'kibana.alert.rule.name'?: string;
}

interface Execution {
  status: string;
  error?: { message: string };
  stepExecutions: Array<{ stepId: string; status: string; error?: { message: string } }>;
}

let t: TestPlatform;
let llm: FakeLlm;
let openAlerts: Array<{ _id: string; _index: string }> = [];

const ALERTS_INDEX = '.alerts-security.alerts-default';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function runOn(alerts: Array<{ _id: string; _index: string }>, space?: string): Promise<Execution> {
  const res = await t.post<{ workflowExecutionId: string }>(
    `/api/workflows/workflow/${WORKFLOW_ID}/run`,
    { inputs: { event: { triggerType: 'alert', alertIds: alerts } } },
    space ? { space } : {},
  );
  expect(res.status).toBe(200);
  const id = res.body.workflowExecutionId;
  return waitFor(
    `execution ${id}`,
    async () => {
      const e = await t.get<Execution>(`/api/workflows/executions/${id}`, space ? { space } : {});
      return ['completed', 'failed', 'cancelled', 'timed_out', 'skipped'].includes(e.body.status) ? e.body : undefined;
    },
    180_000,
  );
}

async function alertSource(id: string): Promise<AlertSource> {
  await t.es.indices.refresh({ index: ALERTS_INDEX });
  const res = await t.es.get<AlertSource>({ index: ALERTS_INDEX, id });
  return res._source ?? {};
}

async function notesOf(alertId: string): Promise<string[]> {
  const res = await t.get<{ notes: Array<{ note: string }> }>(`/api/note?documentIds=${encodeURIComponent(alertId)}`);
  return (res.body.notes ?? []).map((n) => n.note);
}

const verdict = (classification: string, confidence: number, related: string[] = []) => ({
  classification,
  confidence_score: confidence,
  rationale: 'Scheduled backup job by the IT service account <b>as every night</b>.',
  contributing_factors: ['Known admin tool', 'Seen on many hosts before'],
  related_alert_ids: related,
});

const agentRequests = (): RecordedRequest[] => llm.chatRequests();

beforeAll(async () => {
  llm = await startFakeLlm();
  t = await startTestPlatform({
    plugins: ['securityAiAssistant', 'securitySolution', 'workflowsManagement', 'actions'],
    config: {
      spaces: [{ id: 'no-llm', name: 'No LLM' }],
      'feature_flags.overrides': { 'securitySolution.preinstalledWorkflowsEnabled': true },
    },
  });
  // Created through the API, so it exists in the default space only (preconfigured connectors are global).
  const connector = await t.post('/api/actions/connector', {
    name: 'Triage LLM',
    connector_type_id: '.gen-ai',
    config: { apiProvider: 'Other', apiUrl: `${llm.baseUrl}/chat/completions`, defaultModel: 'fake-model' },
    secrets: { apiKey: 'sk-test' },
  });
  expect(connector.status).toBe(200);
  await seedSampleData({ esClient: t.es, spaceId: 'default', count: 160, seed: 7 });
  await t.es.indices.refresh({ index: ALERTS_INDEX });
  const open = await t.es.search<AlertSource>({
    index: ALERTS_INDEX,
    size: 7,
    query: { bool: { filter: [{ term: { 'kibana.alert.workflow_status': 'open' } }], must_not: [{ exists: { field: 'kibana.alert.workflow_tags' } }] } },
    sort: [{ '@timestamp': 'desc' }],
  });
  openAlerts = open.hits.hits.map((h) => ({ _id: h._id ?? '', _index: h._index }));
  expect(openAlerts.length).toBe(7);
});

afterAll(async () => {
  await t?.stop();
  await llm?.close();
});

beforeEach(() => llm.reset());

describe('bootstrap', () => {
  it('installs the shipped workflow, valid and enabled, in every space', async () => {
    for (const space of ['default', 'no-llm']) {
      const wf = await waitFor(`the workflow in ${space}`, async () => {
        const res = await t.get<{ valid: boolean; enabled: boolean; yaml: string }>(`/api/workflows/workflow/${WORKFLOW_ID}`, { space });
        return res.status === 200 ? res.body : undefined;
      });
      expect(wf).toMatchObject({ valid: true, enabled: true, yaml: SHIPPED_YAML });
    }
    // Tests use the same YAML with short retry delays.
    for (const space of ['default', 'no-llm']) {
      const res = await t.put(`/api/workflows/workflow/${WORKFLOW_ID}`, { yaml: FAST_YAML }, { space });
      expect(res.status).toBe(200);
    }
  });
});

describe('security.alert.validation', () => {
  it('closes a confident false positive, tags it and writes the verdict note; a second run skips it', async () => {
    const alert = openAlerts[0];
    llm.setHandler(() => ({ json: verdict('false_positive', 0.85) }));
    const execution = await runOn([alert]);
    expect(execution.status).toBe('completed');

    const source = await alertSource(alert._id);
    expect(source['kibana.alert.workflow_status']).toBe('closed');
    expect(source['kibana.alert.workflow_reason']).toBe('false_positive');
    expect(source['kibana.alert.workflow_tags']).toEqual(
      expect.arrayContaining([
        TAG,
        `${TAG}.version.1.0.0`,
        `${TAG}.output.classification.false_positive`,
        `${TAG}.output.confidence_score.0.85`,
        `${TAG}.closed-by-workflow`,
      ]),
    );
    const notes = await notesOf(alert._id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('## Automated Alert Analysis');
    expect(notes[0]).toContain('0.85 (85%)');
    expect(notes[0]).toContain('Closed automatically');
    expect(notes[0]).toContain('&lt;b&gt;as every night&lt;/b&gt;');

    // The prompt carried the alert as untrusted, escaped data and the verdict schema.
    const request = agentRequests()[0].body as { messages: Array<{ role: string; content: string }> };
    const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
    expect(user).toContain('<untrusted_alert_data>');
    expect(user).toContain('</untrusted_alert_data>');

    llm.reset();
    const again = await runOn([alert]);
    expect(again.status).toBe('completed');
    expect(agentRequests()).toHaveLength(0);
    expect(again.stepExecutions.some((s) => s.stepId === 'log_already_validated' && s.status === 'completed')).toBe(true);
  });

  it('keeps a false positive just under the confidence bound open, and a true positive open', async () => {
    const [under, truePositive] = [openAlerts[1], openAlerts[2]];
    llm.setHandler((req) => {
      const text = JSON.stringify(req.body);
      return { json: text.includes(under._id) ? verdict('false_positive', 0.84) : verdict('true_positive', 0.95) };
    });
    const execution = await runOn([under, truePositive]);
    expect(execution.status).toBe('completed');
    const [a, b] = [await alertSource(under._id), await alertSource(truePositive._id)];
    expect(a['kibana.alert.workflow_status']).toBe('open');
    expect(a['kibana.alert.workflow_tags']).toEqual(expect.arrayContaining([TAG, `${TAG}.output.confidence_score.0.84`]));
    expect(a['kibana.alert.workflow_tags']).not.toContain(`${TAG}.closed-by-workflow`);
    expect(b['kibana.alert.workflow_status']).toBe('open');
    expect(b['kibana.alert.workflow_tags']).toContain(`${TAG}.output.classification.true_positive`);
    expect((await notesOf(under._id))[0]).toContain('Not closed: the confidence is outside');
  });

  it('does not close when the model cites alerts outside the graph, and reports them', async () => {
    const alert = openAlerts[3];
    llm.setHandler(() => ({ json: verdict('false_positive', 0.95, ['made-up-alert-id']) }));
    const execution = await runOn([alert]);
    expect(execution.status).toBe('completed');
    const source = await alertSource(alert._id);
    expect(source['kibana.alert.workflow_status']).toBe('open');
    const note = (await notesOf(alert._id))[0];
    expect(note).toContain('Ignored citations');
    expect(note).toContain('made-up-alert-id');
  });

  it('marks an alert not_analysed.invalid_output when the model answers outside the schema (0–100 scale), after retries', async () => {
    const alert = openAlerts[4];
    llm.setHandler(() => ({ json: verdict('false_positive', 85) }));
    const execution = await runOn([alert]);
    expect(execution.status).toBe('completed');
    expect(agentRequests().length).toBe(4);
    const source = await alertSource(alert._id);
    expect(source['kibana.alert.workflow_status']).toBe('open');
    expect(source['kibana.alert.workflow_tags']).toContain(`${TAG}.not_analysed.invalid_output`);
    expect(source['kibana.alert.workflow_tags']).not.toContain(TAG);
    expect((await notesOf(alert._id))[0]).toMatch(/^❌/);
  });

  it('marks an alert not_analysed.llm_error when the LLM keeps failing, and a later run analyses it', async () => {
    const alert = openAlerts[5];
    llm.setHandler(() => ({ error: { status: 500 } }));
    expect((await runOn([alert])).status).toBe('completed');
    let source = await alertSource(alert._id);
    expect(source['kibana.alert.workflow_tags']).toContain(`${TAG}.not_analysed.llm_error`);
    expect((await notesOf(alert._id))[0]).toContain('Not analysed: llm_error');

    llm.reset();
    llm.setHandler(() => ({ json: verdict('true_positive', 0.7) }));
    expect((await runOn([alert])).status).toBe('completed');
    source = await alertSource(alert._id);
    expect(source['kibana.alert.workflow_tags']).toContain(TAG);
    expect(source['kibana.alert.workflow_tags']).not.toContain(`${TAG}.not_analysed.llm_error`);
  });

  it('reads the auto-close policy from the space settings at run time', async () => {
    const bad = await t.put('/internal/security_solution/alert_validation/settings', { auto_close_min_confidence: 0.9, auto_close_max_confidence: 0.5 });
    expect(bad.status).toBe(400);
    const put = await t.put('/internal/security_solution/alert_validation/settings', { auto_close_enabled: false });
    expect(put.status).toBe(200);
    const config = await t.get<{ auto_close_enabled: boolean; connector_source: string }>('/internal/security_solution/alert_validation/runtime_config');
    expect(config.body).toMatchObject({ auto_close_enabled: false, connector_source: 'default' });

    const alert = openAlerts[6];
    llm.setHandler(() => ({ json: verdict('false_positive', 0.99) }));
    expect((await runOn([alert])).status).toBe('completed');
    expect((await alertSource(alert._id))['kibana.alert.workflow_status']).toBe('open');
    expect((await notesOf(alert._id))[0]).toContain('Auto-close is disabled.');
    await t.put('/internal/security_solution/alert_validation/settings', {});
  });

  it('writes an enrichment-only note and not_analysed.no_connector in a space without connectors', async () => {
    await seedSampleData({ esClient: t.es, spaceId: 'no-llm', count: 160, seed: 11 });
    await t.es.indices.refresh({ index: '.alerts-security.alerts-no-llm' });
    const res = await t.es.search({ index: '.alerts-security.alerts-no-llm', size: 1, query: { term: { 'kibana.alert.workflow_status': 'open' } } });
    const alert = { _id: res.hits.hits[0]._id ?? '', _index: res.hits.hits[0]._index };
    const execution = await runOn([alert], 'no-llm');
    expect(execution.status).toBe('completed');
    expect(agentRequests()).toHaveLength(0);
    await t.es.indices.refresh({ index: '.alerts-security.alerts-no-llm' });
    const source = (await t.es.get<AlertSource>({ index: '.alerts-security.alerts-no-llm', id: alert._id }))._source ?? {};
    expect(source['kibana.alert.workflow_tags']).toEqual(expect.arrayContaining([`${TAG}.not_analysed.no_connector`, `${TAG}.version.1.0.0`]));
    const notes = await t.get<{ notes: Array<{ note: string }> }>(`/api/note?documentIds=${encodeURIComponent(alert._id)}`, { space: 'no-llm' });
    expect(notes.body.notes[0].note).toContain('Not analysed: no LLM connector for space no-llm');
    expect(notes.body.notes[0].note).toContain('**Narrative:**');
  });
});
