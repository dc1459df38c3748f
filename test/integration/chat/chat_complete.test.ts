import { startFakeLlm, type FakeLlm, type RecordedRequest } from '../../fake_llm';
import { startTestPlatform, type TestPlatform } from '../../helpers';
import { createChatEventDecoder } from '../../../common/chat';
import type { ChatStreamEvent } from '../../../common/api/chat';
import type { Conversation } from '../../../common/api/conversations';
import { ensureAlertsIndex } from '../../../platform/plugins/security_solution/server/alerts_index/ensure_alerts_index';
import { isTitleRequest } from '../../../server/assistant/test_support/scripted_llm';

/** H1 over HTTP: the whole platform (embedded engine, actions with a preconfigured connector, storage) + the fake LLM. */

const CHAT = '/api/security_ai_assistant/chat/complete';
const CONVERSATION = (id: string) => `/api/security_ai_assistant/current_user/conversations/${id}`;

let t: TestPlatform;
let llm: FakeLlm;

beforeAll(async () => {
  llm = await startFakeLlm();
  t = await startTestPlatform({
    plugins: ['securityAiAssistant', 'actions', 'securitySolution'],
    config: {
      'xpack.actions.preconfigured': {
        'fake-llm': {
          name: 'Fake LLM',
          actionTypeId: '.gen-ai',
          config: { apiProvider: 'Other', apiUrl: llm.baseUrl, defaultModel: 'fake-model' },
          secrets: {},
        },
      },
    },
  });
  await ensureAlertsIndex(t.es, 'default');
  await t.es.index({
    index: '.alerts-security.alerts-default',
    id: 'alert-1',
    refresh: true,
    document: {
      '@timestamp': new Date().toISOString(),
      'kibana.alert.rule.name': 'Encoded PowerShell',
      'kibana.alert.severity': 'high',
      'kibana.alert.risk_score': 73,
      'kibana.alert.workflow_status': 'open',
      host: { name: 'fin-laptop-07' },
      user: { name: 'mrossi' },
      message: 'mrossi started powershell -enc on fin-laptop-07',
    },
  });
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await llm?.close();
});

beforeEach(() => llm.reset());

/** Title turns run in parallel with the answer: route by kind. */
function script(chat: Array<(r: RecordedRequest) => Parameters<FakeLlm['enqueue']>[0]>, title = 'Chat title') {
  const queue = [...chat];
  llm.setHandler(async (r) => {
    if (isTitleRequest(r)) return { content: title };
    const next = queue.shift();
    if (!next) return { error: { status: 500 } };
    const reply = next(r);
    return typeof reply === 'function' ? reply(r) : reply;
  });
}

async function streamChat(body: unknown, signal?: AbortSignal, onEvent?: (e: ChatStreamEvent) => void) {
  const res = await fetch(`${t.url}${CHAT}`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`elastic:${t.password}`).toString('base64')}`,
      'kbn-xsrf': 'true',
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
    signal,
  });
  const events: ChatStreamEvent[] = [];
  if (!res.body || res.headers.get('content-type') !== 'application/x-ndjson') return { res, events, json: (await res.json()) as unknown };
  const decoder = createChatEventDecoder();
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const e of decoder.push(value)) {
        events.push(e);
        onEvent?.(e);
      }
    }
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
  return { res, events, json: undefined };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('POST /api/security_ai_assistant/chat/complete', () => {
  it('streams a full chat with a tool call and KB retrieval; the conversation is stored tokenized', async () => {
    const kb = await t.post<{ id: string }>('/api/security_ai_assistant/knowledge_base/entries', {
      type: 'document',
      name: 'PowerShell policy',
      text: 'Encoded PowerShell on finance laptops is always escalated to tier 2.',
    });
    expect(kb.status).toBe(200);
    script([
      () => ({ toolCalls: [{ name: 'open_alerts', arguments: {} }, { name: 'knowledge_base_retrieval', arguments: { query: 'PowerShell policy' } }] }),
      () => ({ content: 'Escalate this encoded PowerShell alert to tier 2.', chunkSize: 7 }),
    ]);
    const { res, events } = await streamChat({
      message: 'Should I escalate what mrossi did?',
      contexts: [{ id: 'c1', category: 'alert', description: 'Selected alert', source: { kind: 'alert', alertId: 'alert-1' } }],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('conversation');
    expect(types.filter((x) => x === 'done' || x === 'error')).toEqual(['done']);
    expect(types[types.length - 1]).toBe('done');
    expect(types).toEqual(expect.arrayContaining(['replacements', 'tool_call', 'tool_result', 'content', 'title']));
    const results = events.filter((e): e is Extract<ChatStreamEvent, { type: 'tool_result' }> => e.type === 'tool_result');
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['open_alerts', true],
      ['knowledge_base_retrieval', true],
    ]);
    expect(results[0].summary).toBe('showing 1 of 1 alerts');

    const answers = llm.chatRequests().filter((r) => !isTitleRequest(r));
    expect(answers[1].rawBody).toContain('always escalated to tier 2');
    expect(answers[1].rawBody).toContain('Encoded PowerShell');
    for (const r of llm.chatRequests()) expect(r.rawBody).not.toMatch(/mrossi|fin-laptop-07/);

    const first = events[0];
    if (first.type !== 'conversation') throw new Error('conversation first');
    expect(first.created).toBe(true);
    expect(first.connectorId).toBe('fake-llm');
    const stored = await t.get<Conversation>(CONVERSATION(first.conversationId));
    expect(stored.status).toBe(200);
    expect(stored.body.title).toBe('Chat title');
    expect(stored.body.apiConfig).toMatchObject({ connectorId: 'fake-llm', actionTypeId: '.gen-ai', model: 'fake-model' });
    expect(stored.body.messages?.map((m) => [m.role, m.metadata?.finishReason])).toEqual([
      ['user', undefined],
      ['assistant', 'stop'],
    ]);
    expect(JSON.stringify(stored.body.messages)).not.toMatch(/mrossi|fin-laptop-07/);
    expect(Object.values(stored.body.replacements ?? {})).toEqual(expect.arrayContaining(['mrossi', 'fin-laptop-07']));
  }, 30_000);

  it('client disconnect aborts the LLM call and stores the partial answer as stopped', async () => {
    script([() => ({ content: 'one two three four five six seven eight nine ten', chunkSize: 4, delayBetweenChunksMs: 100 })]);
    const controller = new AbortController();
    let conversationId = '';
    let contents = 0;
    await streamChat({ message: 'tell me a long story', conversation: { title: 'Long story' } }, controller.signal, (e) => {
      if (e.type === 'conversation') conversationId = e.conversationId;
      if (e.type === 'content' && ++contents === 2) controller.abort();
    });
    const answer = await waitFor(async () => {
      const res = await t.get<Conversation>(CONVERSATION(conversationId));
      return res.body.messages?.find((m) => m.role === 'assistant');
    });
    expect(answer.metadata?.finishReason).toBe('stopped');
    expect(answer.content.length).toBeGreaterThan(0);
    expect('one two three four five six seven eight nine ten'.startsWith(answer.content)).toBe(true);
    await waitFor(async () => (llm.chatRequests().some((r) => r.aborted) ? true : undefined));
  }, 30_000);

  it('retries a 429 and answers stream:false as JSON', async () => {
    script([() => ({ error: { status: 429, headers: { 'retry-after': '0' } } }), () => ({ content: 'Recovered.' })]);
    const res = await t.post<{ message: { content: string }; finishReason: string; conversationId: string }>(CHAT, {
      message: 'hello after rate limit',
      stream: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: { content: 'Recovered.' }, finishReason: 'stop', title: 'Chat title' });
  }, 30_000);

  it('an LLM 500 ends the stream with an error event; the user message is stored (UX-4)', async () => {
    llm.setHandler(() => ({ error: { status: 500 } }));
    const { events } = await streamChat({ message: 'this will fail' });
    const last = events[events.length - 1];
    expect(last).toMatchObject({ type: 'error', code: 'llm_bad_response', retryable: true, persistedMessage: { isError: true } });
    const first = events[0];
    if (first.type !== 'conversation') throw new Error('conversation first');
    expect(first.userMessage?.content).toBe('this will fail');
    const stored = await t.get<Conversation>(CONVERSATION(first.conversationId));
    expect(stored.body.messages?.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(stored.body.title).toBe('this will fail');
    const sync = await t.post<{ statusCode: number; attributes: { code: string } }>(CHAT, { message: 'fail again', stream: false });
    expect(sync.status).toBe(502);
    expect(sync.body.attributes.code).toBe('llm_bad_response');
  }, 30_000);

  it('rejects bad bodies with 400 and every failing path; unknown connectors with 404', async () => {
    const bad = await t.post<{ message: string; attributes: { details: Array<{ path: string }> } }>(CHAT, { alertsToAnalyze: 0, regenerate: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.attributes.details.map((d) => d.path).sort()).toEqual(['alertsToAnalyze', 'regenerate']);
    const missing = await t.post<{ attributes: { code: string } }>(CHAT, { message: 'x', connectorId: 'nope' });
    expect(missing.status).toBe(404);
    expect(missing.body.attributes.code).toBe('connector_not_found');
    const noXsrf = await t.post(CHAT, { message: 'x' }, { xsrf: false });
    expect(noXsrf.status).toBe(400);
  });
});
