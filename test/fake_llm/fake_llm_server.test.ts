import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { startFakeLlm, type FakeLlm } from './index';

let llm: FakeLlm;
beforeEach(async () => {
  llm = await startFakeLlm();
});
afterEach(async () => {
  await llm.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${llm.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

function dataLines(text: string): string[] {
  return text
    .split('\n\n')
    .filter((f) => f.trim() !== '')
    .map((f) => {
      const line = f.split('\n').find((l) => l.startsWith('data: '));
      return line ? line.slice(6) : '';
    });
}

describe('fake LLM: OpenAI wire format', () => {
  it('answers a non-streaming completion with the exact OpenAI shape and records the request', async () => {
    llm.enqueue({ content: 'Hello analyst', usage: { promptTokens: 7, completionTokens: 3 } });
    const res = await post('/v1/chat/completions', { model: 'm1', messages: [{ role: 'user', content: 'hi' }] }, {
      authorization: 'Bearer sk-test',
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      id: 'chatcmpl-fake1',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'm1',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello analyst', refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
      system_fingerprint: 'fp_fake',
    });
    expect(llm.requests).toHaveLength(1);
    expect(llm.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      flavor: 'openai',
      stream: false,
      body: { model: 'm1', messages: [{ role: 'user', content: 'hi' }] },
    });
    expect(llm.requests[0].headers.authorization).toBe('Bearer sk-test');
  });

  it('streams content and tool call deltas as OpenAI chunks, ending with usage and [DONE]', async () => {
    llm.enqueue({
      content: 'abcdefghij',
      chunkSize: 4,
      toolCalls: [{ id: 'call_x', name: 'alert_counts', arguments: { window: '24h' } }],
      argumentsChunkSize: 6,
    });
    const res = await post('/chat/completions', {
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      messages: [],
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const lines = dataLines(await res.text());
    expect(lines.at(-1)).toBe('[DONE]');
    const chunks = lines.slice(0, -1).map((l) => JSON.parse(l));
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null });
    expect(chunks[0].object).toBe('chat.completion.chunk');
    const contents = chunks.flatMap((c) => (c.choices[0]?.delta.content ? [c.choices[0].delta.content] : []));
    expect(contents).toEqual(['abcd', 'efgh', 'ij']);
    const toolDeltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(toolDeltas[0]).toEqual({
      index: 0,
      id: 'call_x',
      type: 'function',
      function: { name: 'alert_counts', arguments: '' },
    });
    expect(toolDeltas.slice(1).every((d: { id?: string }) => d.id === undefined)).toBe(true);
    expect(toolDeltas.map((d: { function: { arguments: string } }) => d.function.arguments).join('')).toBe(
      '{"window":"24h"}',
    );
    const finish = chunks.filter((c) => c.choices[0]?.finish_reason);
    expect(finish.map((c) => c.choices[0].finish_reason)).toEqual(['tool_calls']);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
  });

  it('is read correctly by the openai SDK (stream with tool calls, JSON schema answer)', async () => {
    const client = new OpenAI({ apiKey: 'sk-x', baseURL: llm.baseUrl, maxRetries: 0 });
    llm.enqueue({
      content: 'Looking.',
      toolCalls: [
        { name: 'a', arguments: '{"q":1}' },
        { name: 'b', arguments: '{}' },
      ],
    });
    const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true });
    const args: Record<number, string> = {};
    const names: Record<number, string> = {};
    let text = '';
    for await (const c of stream) {
      text += c.choices[0]?.delta.content ?? '';
      for (const tc of c.choices[0]?.delta.tool_calls ?? []) {
        if (tc.function?.name) names[tc.index] = tc.function.name;
        args[tc.index] = (args[tc.index] ?? '') + (tc.function?.arguments ?? '');
      }
    }
    expect(text).toBe('Looking.');
    expect(names).toEqual({ 0: 'a', 1: 'b' });
    expect(args).toEqual({ 0: '{"q":1}', 1: '{}' });

    llm.enqueue({ json: { verdict: 'benign', confidence: 0.9 } });
    const answer = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'verdict?' }],
      response_format: { type: 'json_schema', json_schema: { name: 'v', schema: { type: 'object' } } },
    });
    expect(JSON.parse(answer.choices[0].message.content ?? '')).toEqual({ verdict: 'benign', confidence: 0.9 });
    expect(llm.chatRequests()[1].body).toMatchObject({ response_format: { type: 'json_schema' } });
  });

  it('serves GET /v1/models and 404s unknown routes', async () => {
    llm.setModels(['llama3', 'qwen']);
    const res = await fetch(`${llm.url}/v1/models`);
    expect((await res.json()).data.map((m: { id: string }) => m.id)).toEqual(['llama3', 'qwen']);
    expect((await post('/v1/embeddings', {})).status).toBe(404);
  });

  it('accepts Azure deployment paths', async () => {
    llm.enqueue({ content: 'az' });
    const res = await post('/openai/deployments/gpt4/chat/completions?api-version=2024-10-21', { messages: [] });
    expect((await res.json()).choices[0].message.content).toBe('az');
    expect(llm.requests[0].path).toBe('/openai/deployments/gpt4/chat/completions');
  });
});

describe('fake LLM: scripting, errors and delays', () => {
  it('replies from a function of the request once the queue is empty', async () => {
    llm.enqueue({ content: 'first' });
    llm.setHandler((r) => ({ content: `echo ${(r.body as { messages: Array<{ content: string }> }).messages[0].content}` }));
    const a = await (await post('/v1/chat/completions', { messages: [{ role: 'user', content: 'x' }] })).json();
    const b = await (await post('/v1/chat/completions', { messages: [{ role: 'user', content: 'y' }] })).json();
    expect([a.choices[0].message.content, b.choices[0].message.content]).toEqual(['first', 'echo y']);
  });

  it('answers 500 with a clear message when nothing is scripted', async () => {
    const res = await post('/v1/chat/completions', { messages: [] });
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).toContain('no scripted reply');
  });

  it('returns scripted errors with headers (429 + retry-after)', async () => {
    llm.enqueue({ error: { status: 429, headers: { 'retry-after': '2' } } });
    const res = await post('/v1/chat/completions', { messages: [] });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toEqual({
      error: { message: 'fake LLM error 429', type: 'rate_limit_exceeded', param: null, code: 'rate_limit_exceeded' },
    });
  });

  it('sends malformed JSON bodies and malformed stream lines', async () => {
    llm.enqueue({ content: 'x', malformed: true }, { content: 'abc', chunkSize: 1, malformed: true });
    const res = await post('/v1/chat/completions', { messages: [] });
    await expect(res.clone().json()).rejects.toThrow();
    const s = await post('/v1/chat/completions', { messages: [], stream: true });
    const lines = dataLines(await s.text());
    expect(() => lines.forEach((l) => l !== '[DONE]' && JSON.parse(l))).toThrow();
  });

  it('truncates a stream without finish_reason or [DONE]', async () => {
    llm.enqueue({ content: 'abcdefgh', chunkSize: 2, truncateAfterChunks: 2 });
    const client = new OpenAI({ apiKey: 'k', baseURL: llm.baseUrl, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const c of stream) seen.push(c.choices[0]?.delta.content ?? '');
      })(),
    ).rejects.toThrow();
    expect(seen.join('')).toBe('abcd');
  });

  it('delays the first byte and the chunks', async () => {
    llm.enqueue({ content: 'abc', chunkSize: 1, delayBeforeFirstByteMs: 80, delayBetweenChunksMs: 40 });
    const started = Date.now();
    const res = await post('/v1/chat/completions', { messages: [], stream: true });
    const headersAt = Date.now() - started;
    await res.text();
    const total = Date.now() - started;
    expect(headersAt).toBeGreaterThanOrEqual(75);
    expect(total).toBeGreaterThanOrEqual(75 + 2 * 40 - 10);
  });

  it('hangs until the client aborts, and records the abort', async () => {
    llm.enqueue({ hang: true });
    const controller = new AbortController();
    const pending = fetch(`${llm.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ messages: [] }),
      signal: controller.signal,
    });
    await llm.waitForChatRequests(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(llm.requests[0].aborted).toBe(true);
  });

  it('close() ends hanging requests', async () => {
    llm.enqueue({ hang: true });
    const pending = post('/v1/chat/completions', { messages: [] }).catch((e: unknown) => e);
    await llm.waitForChatRequests(1);
    await llm.close();
    llm = await startFakeLlm(); // afterEach closes this one
    expect(await pending).toHaveProperty('message', 'fetch failed');
  });

  it('waitForChatRequests times out with a count', async () => {
    await expect(llm.waitForChatRequests(1, 30)).rejects.toThrow('expected 1 chat requests, got 0');
  });
});

describe('fake LLM: Anthropic Messages', () => {
  it('is read by the Anthropic SDK, streaming and not', async () => {
    const client = new Anthropic({ apiKey: 'sk-ant', baseURL: llm.url, maxRetries: 0 });
    llm.enqueue({ content: 'Hi there', toolCalls: [{ id: 'toolu_1', name: 'kb', arguments: { query: 'x' } }] });
    const msg = await client.messages.create({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    expect(msg.content).toEqual([
      { type: 'text', text: 'Hi there' },
      { type: 'tool_use', id: 'toolu_1', name: 'kb', input: { query: 'x' } },
    ]);
    expect(msg.stop_reason).toBe('tool_use');
    // SDK versions differ between x-api-key and a bearer header; either way the key reached the server
    expect(JSON.stringify(llm.requests[0].headers)).toContain('sk-ant');

    llm.enqueue({ content: 'streamed text', chunkSize: 3, toolCalls: [{ name: 't', arguments: '{"a":1}' }] });
    const stream = client.messages.stream({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    const final = await stream.finalMessage();
    expect(final.content).toEqual([
      { type: 'text', text: 'streamed text' },
      { type: 'tool_use', id: 'toolu_1', name: 't', input: { a: 1 } },
    ]);
  });

  it('answers Anthropic-shaped errors', async () => {
    llm.enqueue({ error: { status: 529 } });
    const res = await post('/v1/messages', { messages: [] });
    expect(res.status).toBe(529);
    expect(await res.json()).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'fake LLM error 529' } });
  });
});
