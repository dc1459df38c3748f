/**
 * AI connectors through workflows: the connectors route (AI connectors, default flagged), `unknown-connector`
 * warnings from the space's connectors, and an `ai.prompt` workflow run against the scripted fake LLM.
 */
import { startFakeLlm, type FakeLlm } from '../../../../../test/fake_llm';
import { startTestPlatform, type TestPlatform } from '../../../../../test/helpers';
import type { ActionsPluginStart } from '../../../actions/server';
import type { ValidateWorkflowResponse, WorkflowConnectorsResponse, WorkflowDetail } from '../../common';
import { waitForExecution } from './helpers';

jest.setTimeout(90_000);

let t: TestPlatform;
let llm: FakeLlm;

beforeAll(async () => {
  llm = await startFakeLlm();
  t = await startTestPlatform({
    plugins: ['workflowsManagement', 'actions'],
    config: {
      'xpack.actions.preconfigured': {
        'my-gpt': {
          name: 'My GPT',
          actionTypeId: '.gen-ai',
          config: { apiProvider: 'Other', apiUrl: `${llm.baseUrl}/chat/completions`, defaultModel: 'fake-model' },
          secrets: { apiKey: 'sk-test-key' },
        },
      },
    },
  });
});

afterAll(async () => {
  await t?.stop();
  await llm?.close();
});

beforeEach(() => llm.reset());

const PROMPT_YAML = (connector: string) => `name: Ask the model
triggers:
  - type: manual
inputs:
  - name: host
    type: string
    default: web01
steps:
  - name: ask
    type: ai.prompt
    connector-id: ${connector}
    with:
      prompt: "Is {{ inputs.host }} suspicious?"
      systemPrompt: You are a SOC analyst.
  - name: structured
    type: ai.prompt
    connector-id: ${connector}
    with:
      prompt: Classify it.
      schema:
        type: object
        properties:
          verdict: { type: string }
        required: [verdict]
`;

describe('AI connectors in workflows', () => {
  it('lists AI connectors with the default flagged', async () => {
    const before = await t.get<WorkflowConnectorsResponse>('/api/workflows/connectors');
    expect(before.body).toEqual({ connectors: [{ id: 'my-gpt', name: 'My GPT', actionTypeId: '.gen-ai', isDefault: false }] });
    const actions = t.platform.pluginsStart.get('actions') as ActionsPluginStart;
    await actions.setDefaultConnectorId('default', 'my-gpt');
    const after = await t.get<WorkflowConnectorsResponse>('/api/workflows/connectors');
    expect(after.body.connectors[0]?.isDefault).toBe(true);
  });

  it('warns about unknown connectors but accepts ids and names', async () => {
    const unknown = await t.post<ValidateWorkflowResponse>('/api/workflows/validate', { yaml: PROMPT_YAML('nope-connector') });
    expect(unknown.body.valid).toBe(true);
    expect(unknown.body.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning', code: 'unknown-connector', line: 11 })]));
    for (const known of ['my-gpt', '"My GPT"']) {
      const res = await t.post<ValidateWorkflowResponse>('/api/workflows/validate', { yaml: PROMPT_YAML(known) });
      expect(res.body.diagnostics.filter((d) => d.code === 'unknown-connector')).toEqual([]);
    }
  });

  it('runs an ai.prompt workflow against the fake LLM', async () => {
    llm.enqueue({ content: 'Probably not.', usage: { promptTokens: 12, completionTokens: 3 } }, { json: { verdict: 'benign' } });
    const wf = (await t.post<WorkflowDetail>('/api/workflows/workflow', { yaml: PROMPT_YAML('"My GPT"') })).body;
    const run = await t.post<{ workflowExecutionId: string }>(`/api/workflows/workflow/${wf.id}/run`, {});
    expect(run.status).toBe(200);
    const execution = await waitForExecution(t, run.body.workflowExecutionId);
    expect(execution.status).toBe('completed');
    expect(execution.stepExecutions.map((s) => s.output)).toEqual([
      { content: 'Probably not.', metadata: { usage: { connectorId: 'my-gpt', inputTokens: 12, outputTokens: 3, totalTokens: 15 }, model: expect.any(String) } },
      { content: { verdict: 'benign' }, metadata: expect.objectContaining({ usage: expect.objectContaining({ connectorId: 'my-gpt' }) }) },
    ]);
    const [first] = llm.chatRequests();
    expect(first?.body).toMatchObject({
      model: 'fake-model',
      messages: [
        { role: 'system', content: 'You are a SOC analyst.' },
        { role: 'user', content: 'Is web01 suspicious?' },
      ],
    });
  });
});
