import { z } from 'zod/v4';
import { createFieldPolicy, createReplacementsStore } from '../../common/anonymization';
import type { ChatClient, ChatRequest, ChatResponse, ChatStreamEvent } from '../../platform/plugins/actions/server';
import { computeBudget } from './token_budget';
import { runToolLoop, type LoopEvent, type LoopState, type ToolLoopOptions } from './tool_loop';
import { registerTool, type AlertsSearch } from './tools';
import { createInMemoryData } from './test_support/in_memory_clients';

/** A scripted in-process client: each call takes the next response and streams its content in two deltas. */
function scriptedClient(responses: Array<Partial<ChatResponse>>): { client: ChatClient; requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  const client: ChatClient = {
    connectorId: 'c',
    connectorName: 'Scripted',
    actionTypeId: '.gen-ai',
    defaultModel: 'm',
    chatComplete: async () => {
      throw new Error('not used');
    },
    async *stream(request): AsyncIterable<ChatStreamEvent> {
      requests.push(request);
      const next = responses.shift() ?? { content: 'done' };
      const response: ChatResponse = { content: '', toolCalls: [], finishReason: 'stop', ...next };
      const half = Math.ceil(response.content.length / 2);
      for (const delta of [response.content.slice(0, half), response.content.slice(half)]) if (delta) yield { type: 'content', delta };
      yield { type: 'done', response };
    },
  };
  return { client, requests };
}

const noSearch: AlertsSearch = async () => ({ hits: { hits: [] } });

const seen: string[] = [];
const echoTool = registerTool({
  name: 'echo',
  description: 'echoes',
  schema: z.strictObject({ text: z.string() }),
  run: async (args) => (seen.push(args.text), { content: `echo:${args.text}`, summary: `echoed ${args.text}`, ok: true }),
});
const slowTool = registerTool({
  name: 'slow',
  description: 'never finishes',
  schema: z.strictObject({}),
  run: () => new Promise(() => undefined),
});

function options(client: ChatClient, over: Partial<ToolLoopOptions> = {}): { opts: ToolLoopOptions; events: LoopEvent[]; state: LoopState } {
  const store = createReplacementsStore();
  const events: LoopEvent[] = [];
  const state: LoopState = { content: '', toolCalls: [], steps: 0 };
  const budget = computeBudget(8_192);
  const guard = { store, denied: new Set<string>(), minFreeTextLength: 3 };
  const opts: ToolLoopOptions = {
    client,
    system: 'SYS',
    messages: [{ role: 'user', content: 'hi' }],
    tools: [echoTool, slowTool],
    toolsEnabled: true,
    toolContext: {
      spaceId: 'default',
      scope: { spaceId: 'default', user: { name: 'u' } },
      searchAlerts: noSearch,
      dataClients: createInMemoryData().clients,
      alertsToAnalyze: 10,
      policy: createFieldPolicy([]),
      store,
      denied: guard.denied,
      minFreeTextLength: 3,
      budget,
      now: () => new Date(),
      signal: new AbortController().signal,
    },
    guard,
    maxSteps: 5,
    toolResultMaxChars: 1_000,
    emit: (e) => events.push(e),
    signal: new AbortController().signal,
    state,
    ...over,
  };
  return { opts, events, state };
}

const call = (name: string, args: unknown, id = name) => ({ id, name, arguments: typeof args === 'string' ? args : JSON.stringify(args) });

describe('runToolLoop (§8.3)', () => {
  it('runs tools between steps, joins model turns with a blank line, feeds results back', async () => {
    const { client, requests } = scriptedClient([
      { content: 'Let me check.', toolCalls: [call('echo', { text: 'a' }, 't1')] },
      { content: 'It says a.' },
    ]);
    const { opts, events, state } = options(client);
    const result = await runToolLoop(opts);
    expect(result.finishReason).toBe('stop');
    expect(state.content).toBe('Let me check.\n\nIt says a.');
    expect(events.map((e) => e.type)).toEqual(['content', 'content', 'tool_call', 'tool_result', 'content', 'content']);
    expect(state.toolCalls).toEqual([{ id: 't1', name: 'echo', args: { text: 'a' }, ok: true, summary: 'echoed a' }]);
    expect(requests[1].messages.slice(-2)).toEqual([
      { role: 'assistant', content: 'Let me check.', toolCalls: [call('echo', { text: 'a' }, 't1')] },
      { role: 'tool', toolCallId: 't1', name: 'echo', content: 'echo:a' },
    ]);
    expect(requests[0].tools?.map((t) => t.name)).toEqual(['echo', 'slow']);
  });

  it('after 3 invalid calls in a row makes one final call without tools (max_steps)', async () => {
    const { client, requests } = scriptedClient([
      { toolCalls: [call('echo', { wrong: true }, 'a'), call('missing', {}, 'b')] },
      { toolCalls: [call('echo', 'not json', 'c')] },
      { content: 'final' },
    ]);
    const { opts, events } = options(client);
    const result = await runToolLoop(opts);
    expect(result.finishReason).toBe('max_steps');
    expect(requests).toHaveLength(3);
    expect(requests[2].tools).toBeUndefined();
    expect(requests[2].system).toContain('tool budget for this answer is used up');
    const results = events.filter((e) => e.type === 'tool_result');
    expect(results.every((e) => e.type === 'tool_result' && !e.ok)).toBe(true);
  });

  it('times out a tool and de-anonymizes arguments before tools run', async () => {
    const store = createReplacementsStore();
    const token = store.tokenFor('web01', 'host.name');
    const { client } = scriptedClient([{ toolCalls: [call('slow', {}, 's'), call('echo', { text: token }, 'e')] }, { content: 'ok' }]);
    const { opts, state } = options(client, { toolTimeoutMs: 20 });
    opts.guard.store.merge(store.toReplacements(), 'host.name');
    await runToolLoop(opts);
    expect(state.toolCalls.map((c) => [c.name, c.ok])).toEqual([
      ['slow', false],
      ['echo', true],
    ]);
    expect(state.toolCalls[0].summary).toMatch(/timed out/);
    // The tool saw the original; what goes back to the model is scrubbed to the token again.
    expect(seen[seen.length - 1]).toBe('web01');
    expect(state.toolCalls[1].summary).toBe(`echoed ${token}`);
  });
});
