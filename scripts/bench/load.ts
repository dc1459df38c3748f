/**
 * `npm run bench -- load [--alerts N] [--store M] [--chats C] [--turns T]`: the preinstalled `security.alert.validation`
 * workflow triages N alerts (default 1,000) at its own concurrency while C chat sessions (default 20) stream answers
 * from the assistant and analysts change tags, statuses and notes of the same alerts as the workflow runs on them.
 * Afterwards EVERY document is read back: each acknowledged tag, status, note and chat message must be there (no lost
 * update between the workflow's writes and the analysts'), and no execution may be left running. Prints the figures;
 * the CI-sized test (test/reliability/load.test.ts) runs the same code with 100 alerts and asserts them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChatEventDecoder } from '../../common/chat';
import type { ChatStreamEvent } from '../../common/api/chat';
import type { WorkflowsExecutionEngineStart } from '../../platform/plugins/workflows_execution_engine/server/contract';
import { isTitleRequest } from '../../server/assistant/test_support/scripted_llm';
import { PREINSTALLED_WORKFLOWS } from '../../server/workflows/bootstrap';
import { startFakeLlm, type FakeLlm, type FakeReply, type RecordedRequest } from '../../test/fake_llm';
import { startTestPlatform, type TestPlatform } from '../../test/helpers';
import { minimumSampleCount, seedSampleData } from '../sample_data';

export interface LoadOptions {
  alerts: number;
  store: number;
  chats: number;
  turns: number;
}

export interface LoadReport {
  alerts: number;
  executions: number;
  executionStatuses: Record<string, number>;
  /** Executions whose stored status is not terminal after the run. */
  leftRunning: string[];
  triageSeconds: number;
  alertsPerSecond: number;
  /** HTTP requests the driver sent to the platform, and chat requests the fake LLM answered. */
  requestsServed: number;
  llmRequests: number;
  chatTurns: number;
  analystWrites: number;
  /** Analyst writes the platform refused or left unapplied (version conflicts): not acknowledged, so not checked. */
  analystWritesNotAcknowledged: number;
  /** Acknowledged writes missing from the final documents, one line each. */
  lost: string[];
}

const WORKFLOW_ID = PREINSTALLED_WORKFLOWS[0].id;
const TAG = 'workflow.security.alert.validation';
const CHAT_PATH = '/api/security_ai_assistant/chat/complete';
const ALERTS_INDEX = '.alerts-security.alerts-default';
const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'timed_out', 'skipped']);
/** The analysts' final status per alert, by alert position: some closed, some re-opened, some acknowledged. */
const FINAL_STATUSES = ['closed', 'open', 'acknowledged'] as const;

/** What the fake LLM answers: a triage verdict that never auto-closes (statuses stay the analysts'), a chat stream. */
function loadModel(request: RecordedRequest): FakeReply {
  if (isTitleRequest(request)) return { content: 'Load session' };
  if (request.rawBody.includes('untrusted_alert_data')) {
    return {
      json: { classification: 'true_positive', confidence_score: 0.8, rationale: 'Load verdict.', contributing_factors: ['load'], related_alert_ids: [] },
    };
  }
  return { content: `Streamed answer ${request.seq}: ${'the alert looks like routine admin work; '.repeat(6)}done.`, chunkSize: 12, delayBetweenChunksMs: 2 };
}

export async function startLoadPlatform(dataPath?: string): Promise<{ t: TestPlatform; llm: FakeLlm; stop: () => Promise<void> }> {
  const llm = await startFakeLlm();
  llm.setHandler(loadModel);
  const t = await startTestPlatform({
    plugins: ['securityAiAssistant', 'securitySolution', 'workflowsManagement', 'actions'],
    ...(dataPath ? { dataPath } : {}),
    config: {
      'feature_flags.overrides': { 'securitySolution.preinstalledWorkflowsEnabled': true },
      'xpack.actions.preconfigured': {
        'load-llm': {
          name: 'Load LLM',
          actionTypeId: '.gen-ai',
          config: { apiProvider: 'Other', apiUrl: `${llm.baseUrl}/chat/completions`, defaultModel: 'fake-model' },
          secrets: { apiKey: 'sk-load' },
        },
      },
    },
  });
  return {
    t,
    llm,
    stop: async () => {
      await t.stop();
      await llm.close();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small deterministic PRNG, so a run's interleaving pattern is reproducible from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface AnalystLedger {
  /** alert id → tags the analysts added and the platform acknowledged. */
  tags: Map<string, string[]>;
  /** alert id → the last status acknowledged (one analyst per alert, so the order is known). */
  status: Map<string, string>;
  /** alert id → note texts acknowledged. */
  notes: Map<string, string[]>;
  writes: number;
  notAcknowledged: number;
}

interface ChatLedger {
  /** conversation id → the user and assistant texts acknowledged by a `done` event, in order. */
  conversations: Map<string, Array<{ role: 'user' | 'assistant'; content: string }>>;
  turns: number;
}

export async function runLoad(t: TestPlatform, llm: FakeLlm, options: LoadOptions, log: (line: string) => void = () => undefined): Promise<LoadReport> {
  let requests = 0;
  const counted = <T>(promise: Promise<T>) => {
    requests++;
    return promise;
  };
  const engine = t.platform.pluginsStart.get('workflowsExecutionEngine') as WorkflowsExecutionEngineStart;

  const seeded = await seedSampleData({ esClient: t.es, spaceId: 'default', count: Math.max(options.store, minimumSampleCount(5)), seed: 5 });
  log(`seeded ${seeded.indexed} alerts in ${(seeded.ms / 1000).toFixed(1)} s`);
  for (let i = 0; ; i++) {
    const wf = await t.get<{ valid: boolean }>(`/api/workflows/workflow/${WORKFLOW_ID}`);
    if (wf.status === 200 && wf.body.valid) break;
    if (i > 300) throw new Error('the preinstalled workflow was not installed');
    await sleep(200);
  }
  const picked = await t.es.search({
    index: ALERTS_INDEX,
    size: options.alerts,
    query: { bool: { filter: [{ term: { 'kibana.alert.workflow_status': 'open' } }], must_not: [{ exists: { field: 'kibana.alert.workflow_tags' } }] } },
    sort: [{ '@timestamp': 'desc' }],
    _source: false,
  });
  const alerts = picked.hits.hits.map((hit) => ({ _id: hit._id ?? '', _index: hit._index }));
  if (alerts.length < options.alerts) throw new Error(`only ${alerts.length} untagged open alerts in a ${options.store}-alert store`);

  // ---- triage: one run per alert, as rule actions start them -----------------------------------------------------
  const triageStarted = Date.now();
  const executionIds: string[] = [];
  const submitted = (async () => {
    for (const alert of alerts) {
      const res = await counted(t.post<{ workflowExecutionId: string }>(`/api/workflows/workflow/${WORKFLOW_ID}/run`, { inputs: { event: { triggerType: 'alert', alertIds: [alert] } } }));
      if (res.status !== 200) throw new Error(`run failed: ${res.status} ${res.text}`);
      executionIds.push(res.body.workflowExecutionId);
    }
  })();
  const triaged = submitted.then(async () => {
    await Promise.all(executionIds.map((id) => engine.waitForCompletion(id, 3_600_000)));
    return { seconds: (Date.now() - triageStarted) / 1000 };
  });

  // ---- analysts: on each alert while its execution runs -----------------------------------------------------------
  const analyst: AnalystLedger = { tags: new Map(), status: new Map(), notes: new Map(), writes: 0, notAcknowledged: 0 };
  const random = prng(42);
  const acknowledgedUpdate = (res: { status: number; body: unknown }) => {
    const body = res.body as { updated?: number; noops?: number; version_conflicts?: number };
    return res.status === 200 && (body.version_conflicts ?? 0) === 0 && (body.updated ?? 0) + (body.noops ?? 0) === 1;
  };
  const analystOn = async (position: number) => {
    const alert = alerts[position];
    // Wait until the workflow works on this alert, so both write to it at the same time.
    for (;;) {
      const id = executionIds[position];
      if (id !== undefined) {
        const res = await counted(t.get<{ status: string }>(`/api/workflows/executions/${id}?includeInput=false&includeOutput=false`));
        if (res.status === 200 && res.body.status !== 'pending' && res.body.status !== 'queued') break;
      }
      await sleep(150);
    }
    const tag = async (value: string) => {
      analyst.writes++;
      const res = await counted(t.post('/api/detection_engine/signals/tags', { ids: [alert._id], tags: { tags_to_add: [value], tags_to_remove: [] } }));
      if (acknowledgedUpdate(res)) analyst.tags.set(alert._id, [...(analyst.tags.get(alert._id) ?? []), value]);
      else analyst.notAcknowledged++;
    };
    const status = async (value: string) => {
      analyst.writes++;
      const res = await counted(t.post('/api/detection_engine/signals/status', { signal_ids: [alert._id], status: value, ...(value === 'closed' ? { reason: 'false_positive' } : {}) }));
      if (acknowledgedUpdate(res)) analyst.status.set(alert._id, value);
      else analyst.notAcknowledged++;
    };
    const note = async (text: string) => {
      analyst.writes++;
      const res = await counted(t.patch<{ note?: { noteId?: string } }>('/api/note', { note: { eventId: alert._id, timelineId: '', note: text } }));
      if (res.status === 200 && res.body.note?.noteId) analyst.notes.set(alert._id, [...(analyst.notes.get(alert._id) ?? []), text]);
      else analyst.notAcknowledged++;
    };
    const pause = () => sleep(Math.floor(random() * 120));
    await tag(`analyst.${position}.first`);
    await pause();
    await status('acknowledged');
    await pause();
    await note(`Analyst note on alert ${position}: checked with the asset owner.`);
    await pause();
    await tag(`analyst.${position}.second`);
    await pause();
    await status(FINAL_STATUSES[position % FINAL_STATUSES.length]);
  };
  const analysts = (async () => {
    await Promise.all(
      Array.from({ length: 6 }, async (_, worker) => {
        for (let position = worker; position < alerts.length; position += 6) await analystOn(position);
      }),
    );
  })();

  // ---- chat sessions streaming while all of this runs ---------------------------------------------------------
  const chat: ChatLedger = { conversations: new Map(), turns: 0 };
  const streamTurn = async (message: string, conversationId: string | undefined) => {
    requests++;
    const res = await fetch(`${t.url}${CHAT_PATH}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`elastic:${t.password}`).toString('base64')}`, 'kbn-xsrf': 'true', 'content-type': 'application/json' },
      body: JSON.stringify(conversationId ? { conversationId, message } : { message }),
    });
    if (res.status !== 200 || !res.body) return undefined;
    const decoder = createChatEventDecoder();
    const events: ChatStreamEvent[] = [];
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      events.push(...decoder.push(value));
    }
    const started = events.find((e): e is Extract<ChatStreamEvent, { type: 'conversation' }> => e.type === 'conversation');
    const finished = events.find((e): e is Extract<ChatStreamEvent, { type: 'done' }> => e.type === 'done');
    return finished && started ? { conversationId: started.conversationId, answer: finished.message.content } : undefined;
  };
  const chats = Promise.all(
    Array.from({ length: options.chats }, async (_, session) => {
      let conversationId: string | undefined;
      for (let turn = 0; turn < options.turns; turn++) {
        await sleep(Math.floor(random() * 1500));
        const message = `Session ${session}, question ${turn}: what should I check first on the open alerts?`;
        const result = await streamTurn(message, conversationId);
        if (!result) continue;
        conversationId = result.conversationId;
        chat.turns++;
        chat.conversations.set(conversationId, [
          ...(chat.conversations.get(conversationId) ?? []),
          { role: 'user', content: message },
          { role: 'assistant', content: result.answer },
        ]);
      }
    }),
  );

  const [{ seconds }] = await Promise.all([triaged, analysts, chats]);
  log(`triaged ${alerts.length} alerts in ${seconds.toFixed(1)} s while ${options.chats} chat sessions streamed and analysts wrote`);

  // ---- read EVERY document back ---------------------------------------------------------------------------------
  const lost: string[] = [];
  const leftRunning: string[] = [];
  const executionStatuses: Record<string, number> = {};
  for (const id of executionIds) {
    const res = await counted(t.get<{ status: string }>(`/api/workflows/executions/${id}?includeInput=false&includeOutput=false`));
    const status = res.status === 200 ? res.body.status : `http ${res.status}`;
    executionStatuses[status] = (executionStatuses[status] ?? 0) + 1;
    if (!TERMINAL.has(status)) leftRunning.push(id);
  }
  const stillActive = await counted(t.get<{ total: number }>(`/api/workflows/workflow/${WORKFLOW_ID}/executions?statuses=running&statuses=waiting&statuses=pending&statuses=queued`));
  if (stillActive.status !== 200 || stillActive.body.total !== 0) leftRunning.push(`listing: ${stillActive.status} total ${stillActive.body.total}`);

  await t.es.indices.refresh({ index: ALERTS_INDEX });
  const docs = await t.es.search<Record<string, unknown>>({ index: ALERTS_INDEX, size: alerts.length, query: { ids: { values: alerts.map((a) => a._id) } } });
  const byId = new Map(docs.hits.hits.map((hit) => [hit._id ?? '', hit._source ?? {}]));
  const notesById = new Map<string, string[]>();
  for (let i = 0; i < alerts.length; i += 25) {
    const query = alerts
      .slice(i, i + 25)
      .map((a) => `documentIds=${encodeURIComponent(a._id)}`)
      .join('&');
    const res = await counted(t.get<{ notes: Array<{ eventId: string; note: string }> }>(`/api/note?${query}&perPage=200`));
    for (const n of res.body.notes ?? []) notesById.set(n.eventId, [...(notesById.get(n.eventId) ?? []), n.note]);
  }
  for (const [position, alert] of alerts.entries()) {
    const source = byId.get(alert._id);
    if (!source) {
      lost.push(`alert ${alert._id}: document missing`);
      continue;
    }
    const tags = (source['kibana.alert.workflow_tags'] as string[] | undefined) ?? [];
    const workflowTags = [TAG, `${TAG}.output.classification.true_positive`, `${TAG}.output.confidence_score.0.80`];
    for (const tag of [...workflowTags, ...(analyst.tags.get(alert._id) ?? [])]) {
      if (!tags.includes(tag)) lost.push(`alert ${position}: tag ${tag} missing (has ${tags.join(', ')})`);
    }
    const expectedStatus = analyst.status.get(alert._id);
    const status = source['kibana.alert.workflow_status'];
    if (expectedStatus !== undefined && status !== expectedStatus) lost.push(`alert ${position}: status ${String(status)}, last acknowledged ${expectedStatus}`);
    const notes = notesById.get(alert._id) ?? [];
    if (notes.filter((n) => n.includes('## Automated Alert Analysis')).length !== 1) lost.push(`alert ${position}: ${notes.length} notes, no single verdict note`);
    for (const text of analyst.notes.get(alert._id) ?? []) if (!notes.includes(text)) lost.push(`alert ${position}: analyst note missing`);
  }
  for (const [conversationId, expected] of chat.conversations) {
    const res = await counted(t.get<{ messages?: Array<{ role: string; content: string }> }>(`/api/security_ai_assistant/current_user/conversations/${conversationId}`));
    const stored = (res.body.messages ?? []).map((m) => `${m.role}:${m.content}`);
    for (const message of expected) {
      if (!stored.includes(`${message.role}:${message.content}`)) lost.push(`conversation ${conversationId}: ${message.role} message missing`);
    }
  }

  return {
    alerts: alerts.length,
    executions: executionIds.length,
    executionStatuses,
    leftRunning,
    triageSeconds: seconds,
    alertsPerSecond: alerts.length / seconds,
    requestsServed: requests,
    llmRequests: llm.chatRequests().length,
    chatTurns: chat.turns,
    analystWrites: analyst.writes,
    analystWritesNotAcknowledged: analyst.notAcknowledged,
    lost,
  };
}

export function formatLoadReport(report: LoadReport): string {
  return [
    `executions: ${report.executions} ${JSON.stringify(report.executionStatuses)}, left running: ${report.leftRunning.length}`,
    `triage: ${report.alerts} alerts in ${report.triageSeconds.toFixed(1)} s = ${report.alertsPerSecond.toFixed(2)} alerts/s (under chat and analyst load)`,
    `requests served: ${report.requestsServed} HTTP (platform) + ${report.llmRequests} LLM; chat turns: ${report.chatTurns}; analyst writes: ${report.analystWrites} (${report.analystWritesNotAcknowledged} not acknowledged)`,
    `lost: ${report.lost.length}`,
    ...report.lost.slice(0, 20).map((line) => `  ${line}`),
  ].join('\n');
}

function parseOptions(argv: readonly string[]): LoadOptions {
  const options: LoadOptions = { alerts: 1000, store: 5000, chats: 20, turns: 3 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive integer`);
    if (flag === '--alerts') options.alerts = value;
    else if (flag === '--store') options.store = value;
    else if (flag === '--chats') options.chats = value;
    else if (flag === '--turns') options.turns = value;
    else throw new Error(`unknown option ${flag} (expected --alerts, --store, --chats, --turns)`);
  }
  return options;
}

export async function run(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
  const { t, llm, stop } = await startLoadPlatform(dir);
  try {
    const report = await runLoad(t, llm, options, (line) => console.log(line));
    console.log(`\n${formatLoadReport(report)}`);
    return report.lost.length === 0 && report.leftRunning.length === 0 ? 0 : 1;
  } finally {
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
