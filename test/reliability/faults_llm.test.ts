/**
 * Issue [8/8] "Faults", LLM: the fake LLM scripted to hang past the timeout, answer 429, 500, a body that is not
 * JSON, a truncated stream, and a verdict that fails the schema. The connector retries as configured (attempts
 * counted in the fake's recorded requests), the triage workflow takes its `not_analysed.<reason>` path with an
 * enrichment-only note, and the chat route ends with a clear error event while keeping the user's message.
 * A workflow step that throws fails its execution with the error, and the host keeps serving.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChatEventDecoder } from '../../common/chat';
import type { ChatStreamEvent } from '../../common/api/chat';
import type { Conversation } from '../../common/api/conversations';
import { seedSampleData } from '../../scripts/sample_data';
import { PREINSTALLED_WORKFLOWS } from '../../server/workflows/bootstrap';
import { isTitleRequest } from '../../server/assistant/test_support/scripted_llm';
import { startFakeLlm, type FakeLlm, type FakeReply, type RecordedRequest } from '../fake_llm';
import { startTestPlatform, type TestPlatform } from '../helpers/start_test_platform';
import { THROWING_STEP_PLUGIN_ID, writeThrowingStepPlugin } from './helpers';

jest.setTimeout(120_000);

const WORKFLOW_ID = PREINSTALLED_WORKFLOWS[0].id;
const TAG = 'workflow.security.alert.validation';
const ALERTS_INDEX = '.alerts-security.alerts-default';
const CHAT = '/api/security_ai_assistant/chat/complete';
const CONVERSATION = (id: string) => `/api/security_ai_assistant/current_user/conversations/${id}`;
const SHIPPED_YAML = fs.readFileSync(path.join(__dirname, '..', '..', 'workflows', PREINSTALLED_WORKFLOWS[0].file), 'utf8');
/** Step-attempt limit of run_agent in the shipped YAML (`on-failure.retry.max-attempts`), kept in the test copy. */
const AGENT_MAX_ATTEMPTS = 3;
/** Connector policy (actions retry_policy.ts, §8.5): 429/503 get 3 retries, other 5xx and unparsable answers 1. */
const RATE_LIMIT_RETRIES = 3;

/**
 * The shipped workflow with its retry delays shortened and a 4 s timeout on the agent step, so every failure path
 * runs in seconds instead of minutes; the retry counts and the paths are the shipped ones.
 */
function fastYaml(): string {
  const agent = '              - name: run_agent\n                type: ai.agent\n';
  if (!SHIPPED_YAML.includes(agent)) throw new Error('the shipped workflow changed shape: run_agent not found');
  const withTimeout = SHIPPED_YAML.replace(agent, `${agent}                timeout: 4s\n`);
  if (!/max-attempts: 3\n\s+delay: 30s\n\s+continue: true/.test(withTimeout)) throw new Error('run_agent retry policy changed');
  return withTimeout.replace(/delay: (5s|30s|1s)/g, 'delay: 10ms');
}

interface AlertSource {
  'kibana.alert.workflow_status'?: string;
  'kibana.alert.workflow_tags'?: string[];
}

interface Execution {
  status: string;
  error?: { type: string; message: string };
  stepExecutions: Array<{ stepId: string; status: string; error?: { type: string; message: string } }>;
}

const dirs: string[] = [];
let t: TestPlatform;
let llm: FakeLlm;
let connectorId = '';
let alerts: Array<{ _id: string; _index: string }> = [];
/** kibana.alert.uuid → _id of the test's alerts (the agent's attachment carries the source, not the _id). */
const idByUuid = new Map<string, string>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const TERMINAL = ['completed', 'failed', 'cancelled', 'timed_out', 'skipped'];

async function finished(id: string): Promise<Execution> {
  return until(`execution ${id}`, async () => {
    const res = await t.get<Execution>(`/api/workflows/executions/${id}`);
    return TERMINAL.includes(res.body.status) ? res.body : undefined;
  });
}

async function notesOf(alertId: string): Promise<string[]> {
  const res = await t.get<{ notes: Array<{ note: string }> }>(`/api/note?documentIds=${encodeURIComponent(alertId)}`);
  return (res.body.notes ?? []).map((n) => n.note);
}

async function tagsOf(alertId: string): Promise<string[]> {
  await t.es.indices.refresh({ index: ALERTS_INDEX });
  return (await t.es.get<AlertSource>({ index: ALERTS_INDEX, id: alertId }))._source?.['kibana.alert.workflow_tags'] ?? [];
}

const verdict = (confidence: number) => ({
  classification: 'true_positive',
  confidence_score: confidence,
  rationale: 'Encoded command line from an unusual parent.',
  contributing_factors: ['Rare parent process'],
  related_alert_ids: [],
});

async function streamChat(body: unknown): Promise<ChatStreamEvent[]> {
  const res = await fetch(`${t.url}${CHAT}`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`elastic:${t.password}`).toString('base64')}`,
      'kbn-xsrf': 'true',
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/x-ndjson');
  const decoder = createChatEventDecoder();
  const events: ChatStreamEvent[] = [];
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no body');
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    events.push(...decoder.push(value));
  }
  return events;
}

beforeAll(async () => {
  const fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-llm-fixture-'));
  dirs.push(fixtureDir);
  writeThrowingStepPlugin(fixtureDir);
  llm = await startFakeLlm();
  t = await startTestPlatform({
    plugins: ['securityAiAssistant', 'securitySolution', 'workflowsManagement', 'actions'],
    pluginDirs: [fixtureDir],
    config: {
      'feature_flags.overrides': { 'securitySolution.preinstalledWorkflowsEnabled': true },
      // The chat's own timeouts, small so the hang case ends in seconds (assistant.md §0 chat.timeouts).
      'xpack.securityAiAssistant.chat.timeouts': { connectMs: 1500, firstTokenMs: 1500, idleMs: 1500, totalMs: 20_000 },
    },
  });
  const connector = await t.post<{ id: string }>('/api/actions/connector', {
    name: 'Faulty LLM',
    connector_type_id: '.gen-ai',
    config: { apiProvider: 'Other', apiUrl: `${llm.baseUrl}/chat/completions`, defaultModel: 'fake-model' },
    secrets: { apiKey: 'sk-test' },
  });
  expect(connector.status).toBe(200);
  connectorId = connector.body.id;
  await seedSampleData({ esClient: t.es, spaceId: 'default', count: 160, seed: 5 });
  await t.es.indices.refresh({ index: ALERTS_INDEX });
  const open = await t.es.search<AlertSource>({
    index: ALERTS_INDEX,
    size: 6,
    query: { bool: { filter: [{ term: { 'kibana.alert.workflow_status': 'open' } }], must_not: [{ exists: { field: 'kibana.alert.workflow_tags' } }] } },
    sort: [{ '@timestamp': 'desc' }],
  });
  alerts = open.hits.hits.map((h) => ({ _id: h._id ?? '', _index: h._index }));
  for (const hit of open.hits.hits) {
    const source = hit._source as { kibana?: { alert?: { uuid?: string } }; 'kibana.alert.uuid'?: string } | undefined;
    const uuid = source?.kibana?.alert?.uuid ?? source?.['kibana.alert.uuid'];
    if (uuid) idByUuid.set(uuid, hit._id ?? '');
  }
  expect(idByUuid.size).toBe(6);
  expect(alerts.length).toBe(6);
  await until('the preinstalled workflow', async () => ((await t.get(`/api/workflows/workflow/${WORKFLOW_ID}`)).status === 200 ? true : undefined));
  const put = await t.put(`/api/workflows/workflow/${WORKFLOW_ID}`, { yaml: fastYaml() });
  expect(put.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await llm?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => llm.reset());

describe('triage workflow under LLM faults', () => {
  it('retries as configured, then takes not_analysed.llm_error / invalid_output with an enrichment-only note', async () => {
    const [hang, limited, failing, malformed, badVerdict, recovers] = alerts;
    const faults: Record<string, (seen: number) => FakeReply> = {
      [hang._id]: () => ({ hang: true }),
      [limited._id]: () => ({ error: { status: 429, headers: { 'retry-after': '0' } } }),
      [failing._id]: () => ({ error: { status: 500 } }),
      [malformed._id]: () => ({ malformed: true }),
      [badVerdict._id]: () => ({ json: verdict(85) }),
      // One rate limit, then a valid answer: the connector's retry absorbs it and the alert is analysed.
      [recovers._id]: (seen) => (seen === 1 ? { error: { status: 429, headers: { 'retry-after': '0' } } } : { json: verdict(0.7) }),
    };
    const seen = new Map<string, number>();
    // The seed alert travels as the step's attachment (its source, kibana.alert.uuid first); related alerts only in
    // the message text, so the first uuid after the attachment tag names the alert the request is about.
    const alertOf = (r: RecordedRequest) => {
      const at = r.rawBody.indexOf('<attachment');
      const match = at >= 0 ? /uuid[\\"':\s]{1,12}([0-9a-f-]+)/.exec(r.rawBody.slice(at)) : null;
      const id = match ? idByUuid.get(match[1]) : undefined;
      return id !== undefined && id in faults ? id : undefined;
    };
    llm.setHandler((r) => {
      const id = alertOf(r);
      if (!id) return { error: { status: 400, body: 'request names no alert of this test' } };
      seen.set(id, (seen.get(id) ?? 0) + 1);
      return faults[id](seen.get(id) ?? 0);
    });
    const run = await t.post<{ workflowExecutionId: string }>(`/api/workflows/workflow/${WORKFLOW_ID}/run`, {
      inputs: { event: { triggerType: 'alert', alertIds: alerts } },
    });
    expect(run.status).toBe(200);
    const execution = await finished(run.body.workflowExecutionId);
    expect(execution.status).toBe('completed');

    const attempts = (alert: { _id: string }) => llm.chatRequests().filter((r) => alertOf(r) === alert._id);
    const stepAttempts = AGENT_MAX_ATTEMPTS + 1;
    const counts = Object.fromEntries(
      Object.entries({ hang, limited, failing, malformed, badVerdict, recovers }).map(([name, a]) => [name, attempts(a).length]),
    );
    // eslint-disable-next-line no-console
    console.log(`faults_llm: LLM requests per alert ${JSON.stringify(counts)} (${llm.chatRequests().length} in all)`);
    // The step timeout (4 s) aborts each attempt: at most one request per step attempt, each cut by the client. An
    // attempt can time out before its request reaches the fake on a loaded machine, hence a range.
    expect(counts.hang).toBeGreaterThanOrEqual(2);
    expect(counts.hang).toBeLessThanOrEqual(stepAttempts);
    expect(counts).toEqual({
      hang: counts.hang,
      limited: stepAttempts * (1 + RATE_LIMIT_RETRIES),
      failing: stepAttempts * 2,
      malformed: stepAttempts * 2,
      badVerdict: stepAttempts,
      // 429, then the answer (one more only if a slow answer hit the step timeout on a loaded machine).
      recovers: counts.recovers,
    });
    expect(counts.recovers).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(attempts(recovers)[1].body)).toContain('fake-model');
    expect(attempts(hang).every((r) => r.aborted)).toBe(true);

    const expectNotAnalysed = async (alert: { _id: string }, reason: string) => {
      const tags = await tagsOf(alert._id);
      expect(tags).toEqual(expect.arrayContaining([`${TAG}.not_analysed.${reason}`, `${TAG}.version.1.0.0`]));
      expect(tags).not.toContain(TAG);
      const notes = await notesOf(alert._id);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(new RegExp(`^❌ .*Not analysed: ${reason}`));
      // Enrichment-only: the narrative and related alerts are there, no verdict.
      expect(notes[0]).toContain('**Narrative:**');
      expect(notes[0]).toContain('**Related alerts:**');
      expect(notes[0]).not.toContain('## Automated Alert Analysis');
      return notes[0];
    };
    expect(await expectNotAnalysed(hang, 'llm_error')).toMatch(/timeout/i);
    expect(await expectNotAnalysed(limited, 'llm_error')).toMatch(/rate limit|429/i);
    await expectNotAnalysed(failing, 'llm_error');
    await expectNotAnalysed(malformed, 'llm_error');
    await expectNotAnalysed(badVerdict, 'invalid_output');
    const analysed = await tagsOf(recovers._id);
    expect(analysed).toEqual(expect.arrayContaining([TAG, `${TAG}.output.classification.true_positive`]));
    expect((await notesOf(recovers._id))[0]).toContain('## Automated Alert Analysis');
  });
});

describe('chat route under LLM faults', () => {
  const cases: Array<{ name: string; reply: FakeReply; requests: number; code: RegExp }> = [
    { name: 'a hang past the timeouts', reply: { hang: true }, requests: 1, code: /^llm_timeout$/ },
    { name: '429 on every attempt', reply: { error: { status: 429, headers: { 'retry-after': '0' } } }, requests: 1 + RATE_LIMIT_RETRIES, code: /^llm_rate_limited$/ },
    { name: '500 on every attempt', reply: { error: { status: 500 } }, requests: 2, code: /^llm_/ },
    { name: 'a stream with a line that is not JSON', reply: { content: 'Partial answer that breaks', chunkSize: 5, malformed: true }, requests: 1, code: /^llm_/ },
    { name: 'a stream cut before its end', reply: { content: 'An answer that is cut off midway', chunkSize: 5, truncateAfterChunks: 2 }, requests: 1, code: /^llm_/ },
  ];

  it.each(cases)('$name: a clear error event, the user message kept, $requests request(s)', async ({ name, reply, requests, code }) => {
    llm.setHandler((r) => (isTitleRequest(r) ? { content: 'Fault title' } : reply));
    const message = `What happened on the host? (${name})`;
    const events = await streamChat({ message, connectorId });
    const first = events[0];
    const last = events[events.length - 1];
    if (first.type !== 'conversation') throw new Error(`the stream did not start with the conversation: ${JSON.stringify(first)}`);
    expect(first.userMessage?.content).toBe(message);
    if (last.type !== 'error') throw new Error(`the stream did not end with an error event: ${JSON.stringify(events.slice(-3))}`);
    expect(last.code).toMatch(code);
    expect(last.message.length).toBeGreaterThan(10);
    expect(last.retryable).toBe(true);
    expect(events.filter((e) => e.type === 'done')).toEqual([]);
    expect(llm.chatRequests().filter((r) => !isTitleRequest(r))).toHaveLength(requests);

    const stored = await t.get<Conversation>(CONVERSATION(first.conversationId));
    expect(stored.status).toBe(200);
    expect(stored.body.messages?.[0]).toMatchObject({ role: 'user', content: message });
    expect(stored.body.messages?.[1]).toMatchObject({ role: 'assistant', isError: true });
  });
});

describe('a step that throws', () => {
  it('fails its execution with the error; the host keeps serving requests', async () => {
    const yaml = `
name: throwing step
enabled: true
triggers: [{ type: manual }]
steps:
  - name: before
    type: data.set
    with: { ok: true }
  - name: explode
    type: ${THROWING_STEP_PLUGIN_ID}.throw
    with: { message: "disk on fire" }
  - name: never
    type: console
    with: { message: "must not run" }
`;
    const runs = await Promise.all(
      [1, 2, 3].map(() => t.post<{ workflowExecutionId: string }>('/api/workflows/test', { workflowYaml: yaml })),
    );
    for (const res of runs) expect(res.status).toBe(200);
    // Requests keep being served while the runs fail.
    expect((await t.get('/api/status', { auth: false })).status).toBe(200);
    for (const res of runs) {
      const execution = await finished(res.body.workflowExecutionId);
      expect(execution.status).toBe('failed');
      expect(execution.error).toEqual({ type: 'FixtureExplosion', message: 'disk on fire' });
      const steps = new Map(execution.stepExecutions.map((s) => [s.stepId, s]));
      expect(steps.get('before')?.status).toBe('completed');
      expect(steps.get('explode')).toMatchObject({ status: 'failed', error: { type: 'FixtureExplosion', message: 'disk on fire' } });
      expect(steps.has('never')).toBe(false);
    }
    expect((await t.get(`/api/workflows/workflow/${WORKFLOW_ID}`)).status).toBe(200);
    expect((await t.get('/api/status', { auth: false })).status).toBe(200);
  });
});
