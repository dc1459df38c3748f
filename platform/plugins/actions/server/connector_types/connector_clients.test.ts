import { startFakeLlm, type FakeLlm } from '../../../../../test/fake_llm';
import type { ChatClient, ChatRequest, ChatStreamEvent } from '../llm/types';
import { LlmError } from '../llm/errors';
import { getConnectorType, type ConnectorForClient, type ConnectorTypeId } from './index';

let llm: FakeLlm;
let slept: number[];
beforeEach(async () => {
  llm = await startFakeLlm();
  slept = [];
});
afterEach(async () => {
  await llm.close();
});

function client(
  actionTypeId: ConnectorTypeId,
  config: Record<string, unknown>,
  secrets: Record<string, unknown> = {},
  timeouts = {},
): ChatClient {
  const connector: ConnectorForClient = { id: 'conn-1', name: 'Test LLM', actionTypeId, config, secrets };
  return getConnectorType(actionTypeId).createChatClient(connector, {
    retry: { random: () => 0.5, baseDelayMs: 8 },
    timeouts,
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
}

const other = (timeouts = {}) => client('.gen-ai', { apiProvider: 'Other', apiUrl: llm.url, defaultModel: 'llama3.1' }, {}, timeouts);
const openai = () =>
  client('.gen-ai', { apiProvider: 'OpenAI', apiUrl: `${llm.baseUrl}/chat/completions` }, { apiKey: 'sk-secret-123456' });

async function collect(stream: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const out: ChatStreamEvent[] = [];
  for await (const e of stream) out.push(e);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof LlmError) return e;
    throw e;
  }
  throw new Error('expected an LlmError');
}

const hello: ChatRequest = { system: 'You are terse.', messages: [{ role: 'user', content: 'hi' }] };

describe('.gen-ai against the fake OpenAI-compatible server', () => {
  it('Other: normalises the URL, always sends the model, sends no Authorization without a key', async () => {
    llm.enqueue({ content: 'Hello!', usage: { promptTokens: 5, completionTokens: 2 } });
    const res = await other().chatComplete({ ...hello, temperature: 0 });
    expect(res).toEqual({
      content: 'Hello!',
      toolCalls: [],
      finishReason: 'stop',
      usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 },
      model: 'llama3.1',
    });
    const [req] = llm.chatRequests();
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.body).toEqual({
      model: 'llama3.1',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0,
      stream: false,
    });
    expect(req.headers.authorization).toBeUndefined();
  });

  it('OpenAI: streams content and tool-call deltas, then a done event with the accumulated response', async () => {
    llm.enqueue({
      content: 'Checking alerts.',
      chunkSize: 5,
      toolCalls: [
        { id: 'call_a', name: 'alert_counts', arguments: {} },
        { id: 'call_b', name: 'knowledge_base_retrieval', arguments: { query: 'lateral movement' } },
      ],
    });
    const events = await collect(
      openai().stream({
        ...hello,
        tools: [{ name: 'alert_counts', description: 'Counts', parameters: { type: 'object', properties: {} } }],
        toolChoice: 'auto',
      }),
    );
    const text = events.flatMap((e) => (e.type === 'content' ? [e.delta] : [])).join('');
    expect(text).toBe('Checking alerts.');
    expect(events.filter((e) => e.type === 'content').length).toBeGreaterThan(1);
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') throw new Error('no done');
    expect(done.response.toolCalls).toEqual([
      { id: 'call_a', name: 'alert_counts', arguments: '{}' },
      { id: 'call_b', name: 'knowledge_base_retrieval', arguments: '{"query":"lateral movement"}' },
    ]);
    expect(done.response.finishReason).toBe('tool_calls');
    expect(done.response.usage?.totalTokens).toBeGreaterThan(0);
    const [req] = llm.chatRequests();
    expect(req.headers.authorization).toBe('Bearer sk-secret-123456');
    expect(req.body).toMatchObject({
      model: 'gpt-4.1',
      stream: true,
      stream_options: { include_usage: true },
      tools: [{ type: 'function', function: { name: 'alert_counts', description: 'Counts' } }],
      tool_choice: 'auto',
    });
  });

  it('sends tool calls and tool results from history in OpenAI form', async () => {
    llm.enqueue({ content: 'There are 3 alerts.' });
    await other().chatComplete({
      messages: [
        { role: 'user', content: 'how many?' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'alert_counts', arguments: '{}' }] },
        { role: 'tool', toolCallId: 'call_1', content: '{"total":3}' },
      ],
    });
    expect((llm.chatRequests()[0].body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: 'how many?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'alert_counts', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"total":3}' },
    ]);
  });

  it('JSON schema: native response_format, parsed into `structured`', async () => {
    llm.enqueue({ json: { verdict: 'false_positive', confidence: 0.92 } });
    const schema = { type: 'object', properties: { verdict: { type: 'string' } }, required: ['verdict'] };
    const res = await openai().chatComplete({ ...hello, jsonSchema: { name: 'verdict', schema } });
    expect(res.structured).toEqual({ verdict: 'false_positive', confidence: 0.92 });
    expect(llm.chatRequests()[0].body).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'verdict', schema, strict: false } },
    });
  });

  it('JSON schema: falls back to an instruction when the server rejects response_format, and remembers it', async () => {
    llm.enqueue(
      { error: { status: 400, body: { error: { message: "Unrecognized request argument: response_format" } } } },
      { content: 'Here you go:\n```json\n{"verdict":"benign"}\n```' },
      { content: '{"verdict":"malicious"}' },
    );
    const c = other();
    const schema = { type: 'object' };
    expect((await c.chatComplete({ ...hello, jsonSchema: { schema } })).structured).toEqual({ verdict: 'benign' });
    expect((await c.chatComplete({ ...hello, jsonSchema: { schema } })).structured).toEqual({ verdict: 'malicious' });
    const bodies = llm.chatRequests().map((r) => r.body as Record<string, unknown>);
    expect(bodies[0].response_format).toBeDefined();
    expect(bodies[1].response_format).toBeUndefined();
    expect(JSON.stringify(bodies[1].messages)).toContain('It must validate against this JSON Schema');
    expect(bodies[2].response_format).toBeUndefined();
    expect(slept).toEqual([]);
  });

  it('a non-JSON structured answer is retried once, then fails with the raw text', async () => {
    llm.enqueue({ content: 'I think it is benign.' }, { content: 'Still prose.' });
    const e = await failure(other().chatComplete({ ...hello, jsonSchema: { schema: { type: 'object' } } }));
    expect(e.code).toBe('llm_bad_response');
    expect(e.raw).toBe('Still prose.');
    expect(llm.chatRequests()).toHaveLength(2);
  });

  it('429 then success: honours retry-after', async () => {
    llm.enqueue({ error: { status: 429, headers: { 'retry-after': '1' } } }, { content: 'ok' });
    expect((await other().chatComplete(hello)).content).toBe('ok');
    expect(slept).toEqual([1000]);
    expect(llm.chatRequests()).toHaveLength(2);
  });

  it('429 four times: 3 retries with growing backoff, then llm_rate_limited quoting the provider', async () => {
    for (let i = 0; i < 4; i += 1) llm.enqueue({ error: { status: 429, body: { error: { message: 'Rate limit reached for gpt' } } } });
    const e = await failure(other().chatComplete(hello));
    expect(e.code).toBe('llm_rate_limited');
    expect(e.message).toBe('Connector "Test LLM" (conn-1, .gen-ai): provider answered 429: Rate limit reached for gpt');
    expect(slept).toEqual([4, 8, 16]);
    expect(e.retryable).toBe(true);
  });

  it('500 is retried once; 401 never, and the key is never quoted back', async () => {
    llm.enqueue({ error: { status: 500 } }, { error: { status: 500 } });
    expect((await failure(other().chatComplete(hello))).code).toBe('llm_bad_response');
    expect(llm.chatRequests()).toHaveLength(2);
    llm.reset();
    llm.enqueue({ error: { status: 401, body: { error: { message: 'Incorrect API key provided: sk-secret-123456' } } } });
    const e = await failure(openai().chatComplete(hello));
    expect(e.code).toBe('llm_auth_failed');
    expect(e.message).not.toContain('sk-secret-123456');
    expect(e.message).toContain('Incorrect API key provided: [REDACTED]');
    expect(llm.chatRequests()).toHaveLength(1);
  });

  it('streams: 503 before the first delta is retried; a malformed chunk after it is not', async () => {
    llm.enqueue({ error: { status: 503 } }, { content: 'abcdef', chunkSize: 2 });
    const events = await collect(other().stream(hello));
    expect(events.at(-1)).toMatchObject({ type: 'done', response: { content: 'abcdef' } });
    llm.reset();
    llm.enqueue({ content: 'abcdef', chunkSize: 2, malformed: true });
    const seen: string[] = [];
    const e = await failure(
      (async () => {
        for await (const ev of other().stream(hello)) if (ev.type === 'content') seen.push(ev.delta);
      })(),
    );
    expect(e.code).toBe('llm_bad_response');
    expect(seen).toEqual(['ab']);
    expect(llm.chatRequests()).toHaveLength(1);
  });

  it('a truncated stream fails after the partial content, without retry', async () => {
    llm.enqueue({ content: 'abcdefgh', chunkSize: 2, truncateAfterChunks: 2 });
    const seen: string[] = [];
    const e = await failure(
      (async () => {
        for await (const ev of other().stream(hello)) if (ev.type === 'content') seen.push(ev.delta);
      })(),
    );
    expect(['llm_unavailable', 'llm_bad_response']).toContain(e.code);
    expect(seen.join('')).toBe('abcd');
    expect(llm.chatRequests()).toHaveLength(1);
  });

  it('times out waiting for the first token, and when the stream stalls', async () => {
    llm.enqueue({ hang: true });
    const e = await failure(other({ connectMs: 80 }).chatComplete({ ...hello, timeouts: { firstTokenMs: 80 } }));
    expect(e.code).toBe('llm_timeout');
    expect(e.message).toContain('no first token within 0.08 s');
    llm.enqueue({ content: 'abc', chunkSize: 1, delayBetweenChunksMs: 400 });
    const seen: string[] = [];
    const e2 = await failure(
      (async () => {
        for await (const ev of other({ idleMs: 80 }).stream(hello)) if (ev.type === 'content') seen.push(ev.delta);
      })(),
    );
    expect(e2.code).toBe('llm_timeout');
    expect(e2.message).toContain('stalled');
    expect(seen).toEqual(['a']);
  });

  it('cancels on AbortSignal and when the consumer stops reading', async () => {
    llm.enqueue({ hang: true });
    const controller = new AbortController();
    const pending = failure(other().chatComplete({ ...hello, signal: controller.signal }));
    await llm.waitForChatRequests(1);
    controller.abort();
    expect((await pending).code).toBe('llm_aborted');

    llm.enqueue({ content: 'x'.repeat(40), chunkSize: 1, delayBetweenChunksMs: 20 });
    for await (const ev of other().stream(hello)) {
      if (ev.type === 'content') break;
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(llm.chatRequests()[1].aborted).toBe(true);
  });

  it('G6: a server that rejects `tools` answers llm_tools_unsupported at once, so the chat can fall back to prompted tools', async () => {
    llm.setHandler((r) =>
      (r.body as { tools?: unknown }).tools
        ? { error: { status: 400, body: { error: { message: 'registry.ollama.ai/library/gemma3:4b does not support tools' } } } }
        : { content: 'prompted answer' },
    );
    const c = other();
    const tools = [{ name: 'alert_counts', description: 'Counts', parameters: { type: 'object' } }];
    const e = await failure(c.chatComplete({ ...hello, tools }));
    expect(e.code).toBe('llm_tools_unsupported');
    expect(llm.chatRequests()).toHaveLength(1);
    expect((await c.chatComplete(hello)).content).toBe('prompted answer');
  });

  it('Azure OpenAI: deployment path, api-version and api-key header', async () => {
    llm.enqueue({ content: 'from azure' });
    const c = client(
      '.gen-ai',
      { apiProvider: 'Azure OpenAI', apiUrl: `${llm.url}/openai/deployments/gpt-41/chat/completions?api-version=2025-01-01-preview` },
      { apiKey: 'azure-key-1' },
    );
    expect(c.defaultModel).toBe('gpt-41');
    expect((await c.chatComplete(hello)).content).toBe('from azure');
    const [req] = llm.chatRequests();
    expect(req.path).toBe('/openai/deployments/gpt-41/chat/completions');
    expect(req.headers['api-key']).toBe('azure-key-1');
  });
});

describe('.anthropic, .gemini, .bedrock', () => {
  it('Anthropic: system, tool history and tools in Messages form; streamed tool calls', async () => {
    llm.enqueue({ content: 'Let me look.', toolCalls: [{ id: 'toolu_9', name: 'alert_counts', arguments: { window: '24h' } }] });
    const c = client('.anthropic', { apiUrl: llm.url, defaultModel: 'claude-x' }, { apiKey: 'sk-ant-key-1' });
    const events = await collect(
      c.stream({
        system: 'sys',
        messages: [
          { role: 'user', content: 'q' },
          { role: 'assistant', content: 'calling', toolCalls: [{ id: 'toolu_1', name: 'kb', arguments: '{"query":"x"}' }] },
          { role: 'tool', toolCallId: 'toolu_1', content: 'result' },
        ],
        tools: [{ name: 'alert_counts', description: 'Counts', parameters: { type: 'object', properties: {} } }],
      }),
    );
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('no done');
    expect(done.response).toMatchObject({
      content: 'Let me look.',
      toolCalls: [{ id: 'toolu_9', name: 'alert_counts', arguments: '{"window":"24h"}' }],
      finishReason: 'tool_calls',
      model: 'claude-x',
    });
    const [req] = llm.chatRequests();
    expect(req.path).toBe('/v1/messages');
    expect(req.body).toMatchObject({
      model: 'claude-x',
      max_tokens: 4096,
      system: 'sys',
      stream: true,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'q' }] },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'calling' },
            { type: 'tool_use', id: 'toolu_1', name: 'kb', input: { query: 'x' } },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'result' }] },
      ],
      tools: [{ name: 'alert_counts', description: 'Counts', input_schema: { type: 'object', properties: {} } }],
    });
  });

  it('Anthropic: 529 overloaded is retried; JSON answers use the instruction form', async () => {
    llm.enqueue({ error: { status: 529 } }, { content: '{"ok":true}' });
    const c = client('.anthropic', { apiUrl: llm.url }, { apiKey: 'sk-ant-key-1' });
    const res = await c.chatComplete({ ...hello, jsonSchema: { schema: { type: 'object' } } });
    expect(res.structured).toEqual({ ok: true });
    expect(slept).toEqual([4]);
    expect((llm.chatRequests()[1].body as { system: string }).system).toContain('JSON Schema');
  });

  it('Gemini: OpenAI-compatible endpoint with the API key as bearer token', async () => {
    llm.enqueue({ content: 'gemini says hi' });
    const c = client('.gemini', { apiUrl: `${llm.url}/v1beta/openai/` }, { apiKey: 'AIzaTestKey' });
    expect((await c.chatComplete(hello)).content).toBe('gemini says hi');
    const [req] = llm.chatRequests();
    expect(req.path).toBe('/v1beta/openai/chat/completions');
    expect(req.headers.authorization).toBe('Bearer AIzaTestKey');
    expect(req.body).toMatchObject({ model: 'gemini-2.5-flash' });
  });

  it('Bedrock: refuses clearly, naming the missing package, without calling anything', async () => {
    const c = client('.bedrock', {}, { accessKey: 'a', secret: 'b' });
    const e = await failure(c.chatComplete(hello));
    expect(e.code).toBe('llm_not_supported');
    expect(e.message).toContain('@anthropic-ai/bedrock-sdk');
    const e2 = await failure(collect(c.stream(hello)));
    expect(e2.code).toBe('llm_not_supported');
    expect(slept).toEqual([]);
  });
});
