import { startFakeLlm, type FakeLlm } from '../../../../../../test/fake_llm';
import type { ActionsPluginStart } from '../../../../actions/server';
import { StepError, StructuredOutputError } from '../errors';
import { createTestActions } from '../test_support/actions';
import { startTestEs, type TestEs } from '../test_support/embedded_es';
import { runStep } from '../test_support/step_context';
import type { AgentDefinition } from '../types';
import { AGENT_CONVERSATIONS_INDEX, createAgentConversationsStore } from './agent_conversations_store';
import { createAiAgentStepDefinition } from './ai_agent_step';
import { createAiPromptStepDefinition } from './ai_prompt_step';

let es: TestEs;
let llm: FakeLlm;
let actions: ActionsPluginStart;

beforeAll(async () => {
  [es, llm] = await Promise.all([startTestEs(), startFakeLlm()]);
  actions = createTestActions(es.client, {
    'azure-gpt': {
      name: 'gpt41Azure',
      actionTypeId: '.gen-ai',
      config: { apiProvider: 'Other', apiUrl: llm.url, defaultModel: 'fake-model' },
      secrets: {},
    },
    claude: {
      name: 'Claude',
      actionTypeId: '.anthropic',
      config: { apiUrl: llm.url, defaultModel: 'claude-test' },
      secrets: { apiKey: 'sk-ant-test-0123456789' },
    },
  });
}, 30_000);

afterAll(async () => {
  await llm?.close();
  await es?.stop();
});

beforeEach(() => llm.reset());

const verdictSchema = {
  type: 'object',
  properties: { verdict: { type: 'string', enum: ['benign', 'malicious'] }, confidence: { type: 'number' } },
  required: ['verdict', 'confidence'],
};

describe('ai.prompt', () => {
  const step = () => createAiPromptStepDefinition({ actions });

  it('sends system prompt, prompt and temperature; outputs content with usage and model', async () => {
    llm.enqueue({ content: 'A short summary.', usage: { promptTokens: 12, completionTokens: 4 }, model: 'fake-model-2026' });
    const result = await runStep(step(), {
      config: { 'connector-id': 'azure-gpt' },
      with: { prompt: 'Summarize', systemPrompt: 'Be brief.', temperature: 0.2 },
    });
    expect(result.error).toBeUndefined();
    expect(result.output).toEqual({
      content: 'A short summary.',
      metadata: { usage: { connectorId: 'azure-gpt', inputTokens: 12, outputTokens: 4, totalTokens: 16 }, model: 'fake-model-2026' },
    });
    expect(llm.chatRequests()[0].body).toMatchObject({
      model: 'fake-model',
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Summarize' },
      ],
    });
  });

  it('resolves connector-id by exact name (and the connectorId alias)', async () => {
    llm.enqueue({ content: 'one' }, { content: 'two' });
    const byName = await runStep(step(), { config: { 'connector-id': 'gpt41Azure' }, with: { prompt: 'x' } });
    expect(byName.output).toMatchObject({ content: 'one', metadata: { usage: { connectorId: 'azure-gpt' } } });
    const byAlias = await runStep(step(), { with: { prompt: 'x', connectorId: 'gpt41Azure' } });
    expect(byAlias.output).toMatchObject({ content: 'two', metadata: { usage: { connectorId: 'azure-gpt' } } });
    expect(llm.chatRequests().every((r) => r.flavor === 'openai')).toBe(true);
  });

  it('structured output (native json_schema): content is the validated object', async () => {
    llm.enqueue({ json: { verdict: 'benign', confidence: 0.93 } });
    const result = await runStep(step(), { config: { 'connector-id': 'azure-gpt' }, with: { prompt: 'Verdict?', schema: verdictSchema } });
    expect(result.output).toMatchObject({ content: { verdict: 'benign', confidence: 0.93 } });
    expect(llm.chatRequests()[0].body).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { schema: verdictSchema } },
    });
  });

  it('structured output that does not match the schema fails with StructuredOutputError {raw, issues}', async () => {
    llm.enqueue({ json: { verdict: 'unsure', confidence: 'high' } });
    const result = await runStep(step(), { config: { 'connector-id': 'azure-gpt' }, with: { prompt: 'Verdict?', outputSchema: verdictSchema } });
    expect(result.error).toBeInstanceOf(StructuredOutputError);
    expect(result.error?.name).toBe('StructuredOutputError');
    const details = (result.error as StructuredOutputError).details;
    expect(details.raw).toBe('{"verdict":"unsure","confidence":"high"}');
    expect(details.issues.map((i) => i.path)).toEqual([['verdict'], ['confidence']]);
  });

  it('a schema given as JSON text works through a connector without native structured output (extraction)', async () => {
    llm.enqueue({ content: 'Here you go:\n```json\n{"verdict": "malicious", "confidence": 0.7}\n```' });
    const result = await runStep(step(), { config: { 'connector-id': 'Claude' }, with: { prompt: 'Verdict?', schema: JSON.stringify(verdictSchema) } });
    expect(result.error).toBeUndefined();
    expect(result.output).toMatchObject({ content: { verdict: 'malicious', confidence: 0.7 }, metadata: { usage: { connectorId: 'claude' } } });
    const request = llm.chatRequests()[0];
    expect(request.flavor).toBe('anthropic');
    expect(JSON.stringify(request.body)).toContain('Answer with a single JSON value');
  });

  it('an answer without JSON fails with StructuredOutputError carrying the raw text', async () => {
    llm.enqueue({ content: 'I cannot decide.' });
    const result = await runStep(step(), { config: { 'connector-id': 'Claude' }, with: { prompt: 'Verdict?', schema: verdictSchema } });
    expect(result.error?.name).toBe('StructuredOutputError');
    expect((result.error as StructuredOutputError).details.raw).toBe('I cannot decide.');
  });

  it('rejects a schema that is not JSON or not an object at input parsing', () => {
    expect(step().inputSchema.safeParse({ prompt: 'x', schema: '{nope' }).error?.issues[0].message).toBe('schema is not valid JSON');
    expect(step().inputSchema.safeParse({ prompt: 'x', schema: '[1]' }).success).toBe(false);
    expect(step().inputSchema.safeParse({ prompt: 'x', temperature: 1.5 }).success).toBe(false);
  });

  it('fails with ConnectorNotFoundError for an unknown connector, without calling a model', async () => {
    const result = await runStep(step(), { config: { 'connector-id': 'nope' }, with: { prompt: 'x' } });
    expect(result.error?.name).toBe('ConnectorNotFoundError');
    expect(result.error?.message).toBe('Connector "nope" not found in space default');
    expect(llm.chatRequests()).toHaveLength(0);
  });

  it('without connector-id uses the space default connector', async () => {
    await actions.setDefaultConnectorId('team-a', 'azure-gpt');
    llm.enqueue({ content: 'default' });
    const result = await runStep(step(), { spaceId: 'team-a', with: { prompt: 'x' } });
    expect(result.output).toMatchObject({ content: 'default', metadata: { usage: { connectorId: 'azure-gpt' } } });
  });

  it('fails with ConnectorNotFoundError when the space has no connector at all, or there is no actions plugin', async () => {
    const empty = createAiPromptStepDefinition({ actions: createTestActions(es.client, {}) });
    const none = await runStep(empty, { spaceId: 'empty-space', with: { prompt: 'x' } });
    expect(none.error?.name).toBe('ConnectorNotFoundError');
    expect(none.error?.message).toContain('No AI connector configured in space empty-space');
    const noPlugin = await runStep(createAiPromptStepDefinition({}), { with: { prompt: 'x' } });
    expect(noPlugin.error?.name).toBe('ConnectorNotFoundError');
  });

  it('a cancelled run aborts the model call (LlmRequestError llm_aborted)', async () => {
    llm.enqueue({ hang: true });
    const controller = new AbortController();
    const pending = runStep(step(), { config: { 'connector-id': 'azure-gpt' }, with: { prompt: 'x' }, abortSignal: controller.signal });
    await llm.waitForChatRequests(1);
    controller.abort();
    const result = await pending;
    expect(result.error?.name).toBe('LlmRequestError');
    expect((result.error as StepError).details).toMatchObject({ code: 'llm_aborted' });
  });

  it('maps a provider failure to LlmRequestError with the connector code', async () => {
    llm.enqueue({ error: { status: 401 } });
    const result = await runStep(step(), { config: { 'connector-id': 'azure-gpt' }, with: { prompt: 'x' } });
    expect(result.error?.name).toBe('LlmRequestError');
    expect((result.error as StepError).details).toMatchObject({ code: 'llm_auth_failed', connectorId: 'azure-gpt', status: 401 });
  });
});

describe('ai.agent', () => {
  const agents: Record<string, AgentDefinition> = {
    'elastic-ai-agent': { id: 'elastic-ai-agent', name: 'Elastic AI Agent', instructions: 'You are a SOC analyst.' },
  };
  const conversations = () => createAgentConversationsStore({ esClient: es.client });
  const step = () => createAiAgentStepDefinition({ actions, agents: { get: (id) => agents[id] }, conversations: conversations() });
  const alert = { _id: 'a1', host: { name: 'h1' }, 'kibana.alert.rule.name': 'Encoded PowerShell' };

  it('asks the agent with attachments and a schema, creates a conversation owned by the run identity', async () => {
    llm.enqueue({ json: { verdict: 'benign', confidence: 0.9 }, usage: { promptTokens: 100, completionTokens: 10 } });
    const message = `Is this alert a false positive? ${'x'.repeat(100)}`;
    const result = await runStep(step(), {
      spaceId: 'team-a',
      executedBy: 'analyst',
      config: { 'connector-id': 'gpt41Azure', 'create-conversation': 'true' },
      with: { message, schema: verdictSchema, attachments: [{ id: 'a1', type: 'security.alert', data: alert }], metadata: { run: 1 } },
    });
    expect(result.error).toBeUndefined();
    expect(result.output).toEqual({
      message: '{"verdict":"benign","confidence":0.9}',
      structured_output: { verdict: 'benign', confidence: 0.9 },
      conversation_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      metadata: { usage: { connectorId: 'azure-gpt', inputTokens: 100, outputTokens: 10, totalTokens: 110 } },
    });
    expect(llm.chatRequests()[0].body).toMatchObject({
      messages: [
        { role: 'system', content: 'You are a SOC analyst.' },
        { role: 'user', content: `${message}\n\n<attachment id="a1" type="security.alert">\n${JSON.stringify(alert, null, 2)}\n</attachment>` },
      ],
    });
    const id = (result.output as { conversation_id: string }).conversation_id;
    const stored = await es.client.get<Record<string, unknown>>({ index: AGENT_CONVERSATIONS_INDEX, id });
    expect(stored._source).toMatchObject({
      id,
      title: message.slice(0, 80),
      agent_id: 'elastic-ai-agent',
      owner: 'analyst',
      space_id: 'team-a',
      rounds: [{ message, response: '{"verdict":"benign","confidence":0.9}', metadata: { run: 1 }, usage: { connectorId: 'azure-gpt' } }],
    });
  });

  it('continues a conversation: earlier rounds are replayed and the round is appended', async () => {
    llm.enqueue({ content: 'First answer' }, { content: 'Second answer' });
    const first = await runStep(step(), {
      executedBy: 'analyst',
      config: { 'connector-id': 'azure-gpt', 'create-conversation': true },
      with: { message: 'First question' },
    });
    const conversationId = (first.output as { conversation_id: string }).conversation_id;
    const second = await runStep(step(), {
      executedBy: 'analyst',
      config: { 'connector-id': 'azure-gpt' },
      with: { message: 'Second question', conversation_id: conversationId },
    });
    expect(second.output).toMatchObject({ message: 'Second answer', conversation_id: conversationId });
    expect(llm.chatRequests()[1].body).toMatchObject({
      messages: [
        { role: 'system', content: 'You are a SOC analyst.' },
        { role: 'user', content: 'First question' },
        { role: 'assistant', content: 'First answer' },
        { role: 'user', content: 'Second question' },
      ],
    });
    const conversation = await conversations().get({ id: conversationId, spaceId: 'default', owner: 'analyst' });
    expect(conversation?.rounds.map((r) => r.response)).toEqual(['First answer', 'Second answer']);
  });

  it("another user's or space's conversation reads as not found; output is {message: '', metadata}", async () => {
    llm.enqueue({ content: 'Mine' });
    const mine = await runStep(step(), { executedBy: 'analyst', config: { 'connector-id': 'azure-gpt', 'create-conversation': true }, with: { message: 'q' } });
    const id = (mine.output as { conversation_id: string }).conversation_id;
    const other = await runStep(step(), { executedBy: 'intruder', config: { 'connector-id': 'azure-gpt' }, with: { message: 'q', conversation_id: id } });
    expect(other.error?.name).toBe('AgentConversationNotFoundError');
    expect(other.output).toEqual({ message: '', metadata: {} });
    const otherSpace = await runStep(step(), { executedBy: 'analyst', spaceId: 'team-b', config: { 'connector-id': 'azure-gpt' }, with: { message: 'q', conversation_id: id } });
    expect(otherSpace.error?.name).toBe('AgentConversationNotFoundError');
    expect(llm.chatRequests()).toHaveLength(1);
  });

  it('stores nothing without create-conversation ("false" is read as false)', async () => {
    llm.enqueue({ content: 'Plain' });
    const result = await runStep(step(), { config: { 'connector-id': 'azure-gpt', 'create-conversation': 'false' }, with: { message: 'q' } });
    expect(result.output).toEqual({
      message: 'Plain',
      metadata: { usage: { connectorId: 'azure-gpt', inputTokens: expect.any(Number), outputTokens: expect.any(Number), totalTokens: expect.any(Number) } },
    });
    expect(step().configSchema?.safeParse({ 'create-conversation': 'maybe' }).success).toBe(false);
    expect(step().configSchema?.parse({})).toEqual({ 'agent-id': 'elastic-ai-agent', 'create-conversation': false });
  });

  it('fails with AgentNotFoundError for an unknown agent, without calling a model', async () => {
    const result = await runStep(step(), { config: { 'agent-id': 'ghost', 'connector-id': 'azure-gpt' }, with: { message: 'q' } });
    expect(result.error?.name).toBe('AgentNotFoundError');
    expect(result.error?.message).toBe('Agent "ghost" not found');
    expect(result.output).toEqual({ message: '', metadata: {} });
    expect(llm.chatRequests()).toHaveLength(0);
  });

  it('a structured answer off the schema fails with StructuredOutputError; output keeps the usage', async () => {
    llm.enqueue({ json: { verdict: 'maybe' }, usage: { promptTokens: 5, completionTokens: 2 } });
    const result = await runStep(step(), { config: { 'connector-id': 'azure-gpt', 'create-conversation': true }, with: { message: 'q', schema: verdictSchema } });
    expect(result.error?.name).toBe('StructuredOutputError');
    expect(result.output).toEqual({ message: '', metadata: { usage: { connectorId: 'azure-gpt', inputTokens: 5, outputTokens: 2, totalTokens: 7 } } });
  });

  it('fails with ConnectorNotFoundError for a missing connector', async () => {
    const result = await runStep(step(), { config: { 'connector-id': 'gpt5' }, with: { message: 'q' } });
    expect(result.error?.name).toBe('ConnectorNotFoundError');
    expect(result.output).toEqual({ message: '', metadata: {} });
  });
});
