import type { ActionsPluginStart, AiConnector, ChatClient, ChatRequest, ChatResponse } from '../../../../actions/server';
import type { ServerStepDefinition } from '../../../../workflows_extensions/common';
import type { AiRequestGuard, AiRequestGuardContext, AiRequestGuardFactory } from '../../contract';
import { createTestStepContext } from '../test_support/step_context';
import type { AgentConversation, AgentConversationsStore } from '../types';
import { createAiAgentStepDefinition } from './ai_agent_step';
import { createAiPromptStepDefinition } from './ai_prompt_step';
import { AiRequestGuardError, openRequestGuard, scrubMessages, scrubText, scrubValue } from './request_guard';

/** A scripted connector: records every request, answers from a queue. */
function scriptedActions() {
  const requests: ChatRequest[] = [];
  const replies: Array<Partial<ChatResponse>> = [];
  const connector: AiConnector = {
    id: 'scripted',
    name: 'Scripted',
    actionTypeId: '.gen-ai',
    provider: 'Other',
    toolCalling: 'native',
    isPreconfigured: true,
    isMissingSecrets: false,
  };
  const client: ChatClient = {
    connectorId: 'scripted',
    connectorName: 'Scripted',
    actionTypeId: '.gen-ai',
    defaultModel: 'scripted-model',
    chatComplete: async (request) => {
      requests.push(request);
      const reply = replies.shift();
      if (!reply) throw new Error('no scripted reply');
      return { content: '', toolCalls: [], finishReason: 'stop', ...reply };
    },
    stream: () => {
      throw new Error('the AI steps do not stream');
    },
  };
  const actions: ActionsPluginStart = {
    listConnectors: async () => [connector],
    getConnector: async () => connector,
    getDefaultConnector: async () => ({ connector, source: 'only_connector' }),
    getDefaultConnectorId: async () => connector.id,
    setDefaultConnectorId: async () => undefined,
    getChatClient: async () => client,
  };
  return { actions, requests, reply: (...r: Array<Partial<ChatResponse>>) => replies.push(...r) };
}

function memoryConversations(): AgentConversationsStore & { all: AgentConversation[] } {
  const all: AgentConversation[] = [];
  return {
    all,
    get: async ({ id, spaceId, owner }) => all.find((c) => c.id === id && c.spaceId === spaceId && c.owner === owner),
    create: async ({ title, agentId, spaceId, owner, round }) => {
      const conversation = { id: `conv-${all.length + 1}`, title, agentId, spaceId, owner, createdAt: round.createdAt, updatedAt: round.createdAt, rounds: [round] };
      all.push(conversation);
      return conversation;
    },
    appendRound: async ({ id, round }) => {
      const conversation = all.find((c) => c.id === id);
      if (!conversation) throw new Error(`no conversation ${id}`);
      conversation.rounds.push(round);
      return conversation;
    },
  };
}

/** A guard that swaps fixed values for fixed tokens and back, recording what it was asked. */
function tableGuard(table: Record<string, string>, seen: AiRequestGuardContext[] = []): AiRequestGuardFactory {
  const swap = (text: string, pairs: Array<[string, string]>) => pairs.reduce((out, [from, to]) => out.split(from).join(to), text);
  const restoreDeep = (value: unknown): unknown => {
    if (typeof value === 'string') return swap(value, Object.entries(table).map(([real, token]) => [token, real]));
    if (Array.isArray(value)) return value.map(restoreDeep);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreDeep(v)]));
    return value;
  };
  return async (context) => {
    seen.push(context);
    return { scrub: (text) => swap(text, Object.entries(table)), restore: restoreDeep };
  };
}

async function run(definition: ServerStepDefinition, options: { with: unknown; config?: Record<string, unknown>; event?: Record<string, unknown> }) {
  const input: unknown = definition.inputSchema.parse(options.with);
  const config = definition.configSchema ? definition.configSchema.parse(options.config ?? {}) : {};
  const { context } = createTestStepContext<unknown, Record<string, unknown>>({ input, config, stepId: 'ask', stepType: definition.id, executedBy: 'analyst' });
  const base = context.contextManager;
  const withEvent = { ...context, contextManager: { ...base, getContext: () => ({ ...base.getContext(), event: options.event }) } };
  try {
    return await definition.handler(withEvent);
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

const sentText = (request: ChatRequest) => JSON.stringify({ system: request.system, messages: request.messages });

describe('request guard helpers', () => {
  const scrub = (text: string) => text.split('CORP\\bob').join('TOKEN-U').split('fin-07').join('TOKEN-H');

  it('scrubs JSON text by its leaves, so escaping cannot hide a value', () => {
    const json = JSON.stringify({ user: { name: 'CORP\\bob' }, host: 'fin-07' });
    expect(json).toContain('CORP\\\\bob');
    expect(scrubText(json, scrub)).toBe(JSON.stringify({ user: { name: 'TOKEN-U' }, host: 'TOKEN-H' }));
    expect(scrubText('{not json fin-07', scrub)).toBe('{not json TOKEN-H');
    expect(scrubValue({ 'fin-07': ['x fin-07', 3, null, { a: JSON.stringify(['CORP\\bob']) }] }, scrub)).toEqual({
      'TOKEN-H': ['x TOKEN-H', 3, null, { a: '["TOKEN-U"]' }],
    });
  });

  it('scrubs every message, tool results and echoed tool-call arguments', () => {
    const out = scrubMessages(
      [
        { role: 'user', content: 'on fin-07' },
        { role: 'assistant', content: 'checking fin-07', toolCalls: [{ id: 't1', name: 'lookup', arguments: JSON.stringify({ user: 'CORP\\bob' }) }] },
        { role: 'tool', toolCallId: 't1', content: JSON.stringify({ host: 'fin-07' }) },
      ],
      scrub,
    );
    expect(JSON.stringify(out)).not.toMatch(/fin-07|bob/);
    expect(out[1]).toMatchObject({ content: 'checking TOKEN-H', toolCalls: [{ id: 't1', name: 'lookup', arguments: '{"user":"TOKEN-U"}' }] });
  });

  it('composes guards: scrub in registration order, restore in reverse; undefined guards are skipped', async () => {
    const order: string[] = [];
    const tagging =
      (name: string): AiRequestGuardFactory =>
      async () => ({
        scrub: (text) => {
          order.push(`scrub:${name}`);
          return `${text}+${name}`;
        },
        restore: (value) => {
          order.push(`restore:${name}`);
          return value;
        },
      });
    const context = { spaceId: 's', workflowId: 'w', executionId: 'e', stepId: 'x', stepType: 'ai.prompt', event: undefined, attachments: [], outgoingText: [] };
    const guard = await openRequestGuard([tagging('a'), async () => undefined, tagging('b')], context);
    expect(guard?.scrub('t')).toBe('t+a+b');
    guard?.restore('r');
    expect(order).toEqual(['scrub:a', 'scrub:b', 'restore:b', 'restore:a']);
    expect(await openRequestGuard([async () => undefined], context)).toBeUndefined();
    await expect(openRequestGuard([tagging('a'), async () => Promise.reject(new Error('policy unavailable'))], context)).rejects.toThrow(
      new AiRequestGuardError('create', new Error('policy unavailable')),
    );
    const throwing: AiRequestGuard = {
      scrub: () => {
        throw new Error('boom');
      },
      restore: (v) => v,
    };
    const broken = await openRequestGuard([async () => throwing], context);
    expect(() => broken?.scrub('x')).toThrow(AiRequestGuardError);
  });
});

describe('ai.prompt with a guard', () => {
  it('sends only scrubbed text, gives the factory the request context and restores content', async () => {
    const { actions, requests, reply } = scriptedActions();
    const seen: AiRequestGuardContext[] = [];
    const step = createAiPromptStepDefinition({ actions, guards: () => [tableGuard({ 'fin-07': 'TOKEN-H' }, seen)] });
    reply({ content: 'Host TOKEN-H looks fine.' });
    const event = { alerts: [{ _id: 'a1', host: { name: 'fin-07' } }] };
    const result = await run(step, { with: { prompt: 'Summarise the alert on fin-07', systemPrompt: 'You watch fin-07.' }, event });
    expect(result.error).toBeUndefined();
    expect(result.output).toMatchObject({ content: 'Host fin-07 looks fine.' });
    expect(requests[0]).toMatchObject({ system: 'You watch TOKEN-H.', messages: [{ role: 'user', content: 'Summarise the alert on TOKEN-H' }] });
    expect(seen).toEqual([
      {
        spaceId: 'default',
        workflowId: 'wf-1',
        executionId: 'exec-1',
        stepId: 'ask',
        stepType: 'ai.prompt',
        event,
        attachments: [],
        outgoingText: ['You watch fin-07.', 'Summarise the alert on fin-07'],
      },
    ]);
  });

  it('restores the structured answer before schema validation', async () => {
    const { actions, requests, reply } = scriptedActions();
    const step = createAiPromptStepDefinition({ actions, guards: () => [tableGuard({ 'fin-07': 'TOKEN-H' })] });
    const schema = { type: 'object', properties: { host: { type: 'string', enum: ['fin-07'] } }, required: ['host'] };
    reply({ content: '{"host":"TOKEN-H"}', structured: { host: 'TOKEN-H' } });
    const result = await run(step, { with: { prompt: 'Which host? fin-07', schema } });
    expect(result.error).toBeUndefined();
    expect(result.output).toMatchObject({ content: { host: 'fin-07' } });
    expect(sentText(requests[0])).not.toContain('fin-07');
  });

  it('fails with AiRequestGuardError and sends nothing when a factory throws', async () => {
    const { actions, requests } = scriptedActions();
    const step = createAiPromptStepDefinition({ actions, guards: () => [async () => Promise.reject(new Error('anonymization policy unavailable'))] });
    const result = await run(step, { with: { prompt: 'x on fin-07' } });
    expect(result.error?.name).toBe('AiRequestGuardError');
    expect(result.error?.message).toBe(
      'The AI request guard failed while guarding the request; nothing was sent to the model: anonymization policy unavailable',
    );
    expect(requests).toHaveLength(0);
  });

  it('without guards the request is sent as built', async () => {
    const { actions, requests, reply } = scriptedActions();
    reply({ content: 'ok' });
    const result = await run(createAiPromptStepDefinition({ actions, guards: () => [] }), { with: { prompt: 'fin-07' } });
    expect(result.output).toMatchObject({ content: 'ok' });
    expect(requests[0].messages).toEqual([{ role: 'user', content: 'fin-07' }]);
  });
});

describe('ai.agent with a guard', () => {
  const agents = { get: (id: string) => (id === 'elastic-ai-agent' ? { id, name: 'Agent', instructions: 'Triage alerts from fin-07.' } : undefined) };
  const schema = {
    type: 'object',
    properties: { rationale: { type: 'string' }, user: { type: 'string', enum: ['CORP\\bob'] } },
    required: ['rationale', 'user'],
  };

  it('scrubs system, message and attachment data (also JSON-in-JSON), restores the answer and stores real values', async () => {
    const { actions, requests, reply } = scriptedActions();
    const conversations = memoryConversations();
    const seen: AiRequestGuardContext[] = [];
    const step = createAiAgentStepDefinition({
      actions,
      agents,
      conversations,
      guards: () => [tableGuard({ 'fin-07': 'TOKEN-H', 'CORP\\bob': 'TOKEN-U' }, seen)],
    });
    const alert = { _id: 'a1', host: { name: 'fin-07' }, user: { name: 'CORP\\bob' } };
    const attachments = [{ id: 'fin-07-alert', type: 'security.alert', data: { alert: JSON.stringify(alert), attachmentLabel: 'CORP\\bob on fin-07' } }];
    reply({ content: '', structured: { rationale: 'TOKEN-U ran a backup on TOKEN-H', user: 'TOKEN-U' } });
    const result = await run(step, {
      config: { 'create-conversation': true },
      with: { message: 'Is the alert on fin-07 benign?', attachments, schema },
    });
    expect(result.error).toBeUndefined();
    expect(result.output).toMatchObject({
      structured_output: { rationale: 'CORP\\bob ran a backup on fin-07', user: 'CORP\\bob' },
      message: JSON.stringify({ rationale: 'CORP\\bob ran a backup on fin-07', user: 'CORP\\bob' }),
      conversation_id: 'conv-1',
    });
    const sent = sentText(requests[0]);
    expect(sent).not.toMatch(/fin-07|bob/);
    expect(requests[0].system).toBe('Triage alerts from TOKEN-H.');
    expect(requests[0].messages[0].content).toContain('<attachment id="TOKEN-H-alert" type="security.alert">');
    expect(seen[0].attachments).toEqual(attachments);
    expect(seen[0].outgoingText[0]).toBe('Triage alerts from fin-07.');
    expect(seen[0].outgoingText[1]).toContain('Is the alert on fin-07 benign?');
    expect(conversations.all[0].rounds[0]).toMatchObject({
      message: 'Is the alert on fin-07 benign?',
      response: JSON.stringify({ rationale: 'CORP\\bob ran a backup on fin-07', user: 'CORP\\bob' }),
    });
    expect(conversations.all[0].rounds[0].userContent).toContain('fin-07');
  });

  it('scrubs replayed history of a continued conversation', async () => {
    const { actions, requests, reply } = scriptedActions();
    const conversations = memoryConversations();
    const step = createAiAgentStepDefinition({ actions, agents, conversations, guards: () => [tableGuard({ 'fin-07': 'TOKEN-H' })] });
    reply({ content: 'TOKEN-H is a laptop.' }, { content: 'Yes, TOKEN-H.' });
    const first = await run(step, { config: { 'create-conversation': true }, with: { message: 'What is fin-07?' } });
    expect(first.output).toMatchObject({ message: 'fin-07 is a laptop.' });
    const second = await run(step, { with: { message: 'Sure?', conversation_id: 'conv-1' } });
    expect(second.output).toMatchObject({ message: 'Yes, fin-07.' });
    expect(requests[1].messages).toEqual([
      { role: 'user', content: 'What is TOKEN-H?' },
      { role: 'assistant', content: 'TOKEN-H is a laptop.' },
      { role: 'user', content: 'Sure?' },
    ]);
  });

  it('a throwing factory fails the step (AiRequestGuardError, empty message) without calling the model', async () => {
    const { actions, requests } = scriptedActions();
    const step = createAiAgentStepDefinition({
      actions,
      agents,
      conversations: memoryConversations(),
      guards: () => [tableGuard({}), async () => Promise.reject(new Error('alerts lookup failed'))],
    });
    const result = await run(step, { with: { message: 'q' } });
    expect(result.error).toBeInstanceOf(AiRequestGuardError);
    expect(result.error?.message).toContain('alerts lookup failed');
    expect(result.output).toEqual({ message: '', metadata: {} });
    expect(requests).toHaveLength(0);
  });
});
