import { startFakeLlm, type FakeLlm } from '../../test/fake_llm';
import type { ChatStreamEvent } from '../../common/api/chat';
import { chatCompleteRequestSchema, type ChatCompleteRequestInput } from '../../common/api/chat';
import { prepareChat, type ChatSessionDeps } from './chat_session';
import { ChatError } from './errors';
import { createInMemoryData, createMemoryAlertsSearch, createTestActions, silentLogger, testConfig, type InMemoryData } from './test_support/in_memory_clients';
import { isTitleRequest, scriptLlm } from './test_support/scripted_llm';

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(async () => llm.close());
beforeEach(() => llm.reset());

const ALERT = {
  _id: 'alert-1',
  _source: {
    'kibana.alert.rule.name': 'Suspicious PowerShell',
    'kibana.alert.severity': 'high',
    host: { name: 'web-prod-01' },
    user: { name: 'jsmith' },
    source: { ip: '203.0.113.77' },
    message: 'jsmith ran powershell on web-prod-01 from 203.0.113.77',
    'secret.field': 'top-secret-value',
  },
};
const POLICY = [
  { field: 'kibana.alert.rule.name', allowed: true, anonymized: false },
  { field: 'kibana.alert.severity', allowed: true, anonymized: false },
  { field: 'host.name', allowed: true, anonymized: true },
  { field: 'user.name', allowed: true, anonymized: true },
  { field: 'source.ip', allowed: false, anonymized: false },
  { field: 'message', allowed: true, anonymized: false },
];

function deps(data: InMemoryData, overrides: Partial<ChatSessionDeps> = {}): ChatSessionDeps {
  return {
    actions: createTestActions(llm.baseUrl),
    dataClients: data.clients,
    searchAlerts: createMemoryAlertsSearch([ALERT]),
    config: testConfig({ chat: { maxToolSteps: 3 } }),
    logger: silentLogger(),
    scope: { spaceId: 'default', user: { name: 'elastic' } },
    canLoosenAnonymization: false,
    ...overrides,
  };
}

async function chat(body: ChatCompleteRequestInput, d: ChatSessionDeps, signal = new AbortController().signal) {
  const prepared = await prepareChat(chatCompleteRequestSchema.parse(body), d);
  const events: ChatStreamEvent[] = [prepared.conversationEvent];
  const outcome = await prepared.run((e) => events.push(e), signal);
  return { events, outcome };
}

const alertContext = { id: 'ctx-1', category: 'alert', description: 'Selected alert', source: { kind: 'alert' as const, alertId: 'alert-1' } };

describe('chat session', () => {
  it('streams a full turn with a tool call: events in order, stored tokenized, nothing sensitive sent', async () => {
    const data = createInMemoryData({ policy: POLICY, kb: [{ id: 'kb1', name: 'Patching', type: 'document', text: 'We patch powershell hosts on Fridays', required: false, global: false }] });
    scriptLlm(llm, [{ toolCalls: [{ name: 'alert_counts', arguments: {} }] }, { content: 'The host web-prod-01 looks compromised.', chunkSize: 5 }], {
      content: '"Powershell on jsmith host."',
    });
    const { events, outcome } = await chat({ message: 'What did jsmith do on web-prod-01 with powershell?', contexts: [alertContext] }, deps(data));
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('conversation');
    expect(types[1]).toBe('replacements');
    expect(types.indexOf('tool_call')).toBeLessThan(types.indexOf('tool_result'));
    expect(types.slice(-2)).toEqual(['title', 'done']);
    const done = outcome.terminal;
    if (done?.type !== 'done') throw new Error('expected done');
    expect(done.finishReason).toBe('stop');
    const content = events.filter((e) => e.type === 'content').map((e) => (e.type === 'content' ? e.payload : '')).join('');
    expect(content).toBe(done.message.content);
    // The model echoed an original: the stored answer keeps it (what the model said); every request was guarded.
    const stored = data.conversations.get(outcome.conversationId);
    expect(stored?.messages?.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(stored?.title).toBe('Powershell on jsmith host');
    expect(stored?.messages?.[0].content).not.toMatch(/jsmith|web-prod-01/);
    expect(stored?.messages?.[1].metadata?.toolCalls).toEqual([{ id: expect.any(String), name: 'alert_counts', args: {}, ok: true, summary: expect.any(String) }]);
    for (const request of llm.chatRequests()) {
      expect(request.rawBody).not.toMatch(/jsmith|web-prod-01|203\.0\.113\.77|top-secret-value/i);
    }
    const answer = llm.chatRequests().filter((r) => !isTitleRequest(r));
    expect(answer).toHaveLength(2);
    expect(answer[0].rawBody).toContain('We patch powershell hosts on Fridays');
    expect(answer[0].rawBody).toContain('Be concise and practical.');
    expect(answer[0].rawBody).toContain('"tools"');
    expect(answer[1].rawBody).toContain('"role":"tool"');
  });

  it('stops after maxToolSteps with one final call without tools (max_steps)', async () => {
    const data = createInMemoryData({ policy: POLICY });
    const call = { toolCalls: [{ name: 'alert_counts', arguments: {} }] };
    scriptLlm(llm, [call, call, call, { content: 'Giving up.' }]);
    const { outcome } = await chat({ message: 'loop forever' }, deps(data));
    expect(outcome.terminal?.type === 'done' && outcome.terminal.finishReason).toBe('max_steps');
    const answer = llm.chatRequests().filter((r) => !isTitleRequest(r));
    expect(answer).toHaveLength(4);
    expect(answer[3].rawBody).not.toContain('"tools"');
  });

  it('answers invalid tool calls with an error to the model', async () => {
    const data = createInMemoryData({ policy: POLICY });
    scriptLlm(llm, [{ toolCalls: [{ name: 'nope', arguments: {} }, { name: 'knowledge_base_retrieval', arguments: { wrong: 1 } }] }, { content: 'ok' }]);
    const { events } = await chat({ message: 'hello there' }, deps(data));
    const results = events.filter((e) => e.type === 'tool_result');
    expect(results.map((e) => e.type === 'tool_result' && [e.name, e.ok])).toEqual([
      ['nope', false],
      ['knowledge_base_retrieval', false],
    ]);
    const second = llm.chatRequests().filter((r) => !isTitleRequest(r))[1];
    expect(second.rawBody).toContain('unknown tool nope');
  });

  it('an LLM 500 ends with an error event and a stored error message; the title falls back to the text', async () => {
    const data = createInMemoryData();
    llm.setHandler(() => ({ error: { status: 500 } }));
    const { events, outcome } = await chat({ message: 'Why is this failing?' }, deps(data));
    const last = events[events.length - 1];
    expect(last).toMatchObject({ type: 'error', code: 'llm_bad_response', retryable: true });
    const stored = data.conversations.get(outcome.conversationId);
    expect(stored?.messages?.map((m) => [m.role, m.isError ?? false])).toEqual([
      ['user', false],
      ['assistant', true],
    ]);
    expect(stored?.title).toBe('Why is this failing?');
  });

  it('rejects loosening overrides without the privilege and unknown connectors', async () => {
    const data = createInMemoryData({ policy: POLICY });
    const loosen = { ...alertContext, fieldOverrides: [{ field: 'source.ip', allowed: true, anonymized: false }] };
    await expect(chat({ message: 'x', contexts: [loosen] }, deps(data))).rejects.toMatchObject({ status: 403, code: 'anonymization_override_forbidden' });
    await expect(chat({ message: 'x', connectorId: 'missing' }, deps(data))).rejects.toBeInstanceOf(ChatError);
    expect(data.conversations.size).toBe(0);
  });

  it('persist:false stores nothing; regenerate drops the last answer and reruns', async () => {
    const data = createInMemoryData();
    scriptLlm(llm, [{ content: 'first' }, { content: 'second' }, { content: 'ephemeral' }]);
    const first = await chat({ message: 'Tell me something' }, deps(data));
    const again = await chat({ conversationId: first.outcome.conversationId, regenerate: true }, deps(data));
    expect(again.outcome.terminal?.type).toBe('done');
    const stored = data.conversations.get(first.outcome.conversationId);
    expect(stored?.messages?.map((m) => m.content)).toEqual(['Tell me something', 'second']);
    await chat({ message: 'do not keep', persist: false }, deps(data));
    expect(data.conversations.size).toBe(1);
  });

  it('stores the partial answer as stopped when the caller aborts', async () => {
    const data = createInMemoryData();
    scriptLlm(llm, [{ content: 'partial answer that goes on and on', chunkSize: 4, delayBetweenChunksMs: 30 }]);
    const controller = new AbortController();
    const prepared = await prepareChat(chatCompleteRequestSchema.parse({ message: 'long one' }), deps(data));
    const events: ChatStreamEvent[] = [];
    const running = prepared.run((e) => {
      events.push(e);
      if (e.type === 'content' && events.filter((x) => x.type === 'content').length === 2) controller.abort();
    }, controller.signal);
    const outcome = await running;
    expect(outcome.terminal).toBeUndefined();
    const answer = data.conversations.get(outcome.conversationId)?.messages?.[1];
    expect(answer?.metadata?.finishReason).toBe('stopped');
    expect(answer?.content).toBe('partial ');
  });
});
