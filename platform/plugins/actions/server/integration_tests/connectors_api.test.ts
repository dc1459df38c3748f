import { startTestPlatform, type TestPlatform } from '../../../../../test/helpers';
import { startFakeLlm, type FakeLlm } from '../../../../../test/fake_llm';
import type { ConnectorResponse, ExecuteConnectorResponse } from '../../common';
import type { ActionsPluginStart } from '../plugin';
import { ACTIONS_INDEX } from '../storage/connectors_store';

const API_KEY = 'sk-integration-secret-000111';
const PRECONFIGURED_KEY = 'sk-preconfigured-secret-222333';

let t: TestPlatform;
let llm: FakeLlm;

beforeAll(async () => {
  llm = await startFakeLlm();
  t = await startTestPlatform({
    plugins: ['actions'],
    config: {
      spaces: [{ id: 'team-b', name: 'Team B' }],
      'xpack.actions.preconfigured': {
        'my-preset': {
          name: 'Preset GPT',
          actionTypeId: '.gen-ai',
          config: { apiProvider: 'OpenAI', apiUrl: `${llm.baseUrl}/chat/completions`, defaultModel: 'gpt-preset' },
          secrets: { apiKey: PRECONFIGURED_KEY },
        },
      },
      'security.users': [{ username: 'reader', password: 'reader-pass', roles: ['connectors_reader'] }],
      'security.roles': { connectors_reader: { kibana: [{ spaces: ['*'], base: [], feature: { actions: ['read'] } }] } },
    },
  });
}, 60_000);

afterAll(async () => {
  await t?.stop();
  await llm?.close();
});

beforeEach(() => llm.reset());

const reader = { auth: { username: 'reader', password: 'reader-pass' } };
const localConnector = (url: string) => ({
  name: 'Local Llama',
  connector_type_id: '.gen-ai',
  config: { apiProvider: 'Other', apiUrl: url, defaultModel: 'llama3.1' },
  secrets: { apiKey: API_KEY },
});

describe('connectors API (Kibana-shaped)', () => {
  let id = '';

  it('creates a connector: secrets are encrypted at rest and never answered', async () => {
    const res = await t.post<ConnectorResponse>('/api/actions/connector', localConnector(llm.url));
    expect(res.status).toBe(200);
    id = res.body.id;
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Local Llama',
      connector_type_id: '.gen-ai',
      config: { apiProvider: 'Other', apiUrl: llm.url, defaultModel: 'llama3.1', toolCalling: 'auto' },
      is_preconfigured: false,
      is_deprecated: false,
      is_missing_secrets: false,
      is_system_action: false,
    });
    expect(res.text).not.toContain(API_KEY);
    const raw = await t.es.get({ index: ACTIONS_INDEX, id: `action:default:${id}` });
    expect(JSON.stringify(raw)).not.toContain(API_KEY);
    expect(JSON.stringify(raw._source)).toMatch(/"secrets":"v1\./);
  });

  it('lists preconfigured (without config) and stored connectors by name; other spaces see only the preconfigured', async () => {
    const res = await t.get<ConnectorResponse[]>('/api/actions/connectors');
    expect(res.status).toBe(200);
    expect(res.body.map((c) => [c.name, c.is_preconfigured])).toEqual([
      ['Local Llama', false],
      ['Preset GPT', true],
    ]);
    expect(res.body[1]).toEqual({
      id: 'my-preset',
      name: 'Preset GPT',
      connector_type_id: '.gen-ai',
      is_preconfigured: true,
      is_deprecated: false,
      is_missing_secrets: false,
      is_system_action: false,
    });
    expect(res.text).not.toContain(PRECONFIGURED_KEY);
    const other = await t.get<ConnectorResponse[]>('/api/actions/connectors', { space: 'team-b' });
    expect(other.body.map((c) => c.id)).toEqual(['my-preset']);
    expect((await t.get(`/api/actions/connector/${id}`, { space: 'team-b' })).status).toBe(404);
  });

  it('gets one connector, 404 with a code for an unknown id', async () => {
    expect((await t.get<ConnectorResponse>(`/api/actions/connector/${id}`)).body.name).toBe('Local Llama');
    const missing = await t.get('/api/actions/connector/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Connector nope not found in space default',
      attributes: { code: 'connector_not_found' },
    });
  });

  it('tests a connector through _execute: the model and key reach the provider', async () => {
    llm.enqueue({ content: 'OK', usage: { promptTokens: 9, completionTokens: 1 } });
    const res = await t.post<ExecuteConnectorResponse>(`/api/actions/connector/${id}/_execute`, { params: { subAction: 'test' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      connector_id: id,
      status: 'ok',
      data: { message: 'OK', model: 'llama3.1', usage: { inputTokens: 9, outputTokens: 1, totalTokens: 10 }, latencyMs: expect.any(Number) },
    });
    const [req] = llm.chatRequests();
    expect(req.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req.body).toMatchObject({ model: 'llama3.1', messages: [{ role: 'user', content: 'Reply with the single word OK.' }] });
  });

  it('reports provider failures as status error without leaking the key', async () => {
    llm.enqueue({ error: { status: 401, body: { error: { message: `Incorrect API key provided: ${API_KEY}` } } } });
    const res = await t.post<ExecuteConnectorResponse>(`/api/actions/connector/${id}/_execute`, {
      params: { subAction: 'invokeAI', subActionParams: { messages: [{ role: 'user', content: 'hi' }] } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'error', code: 'llm_auth_failed', retry: false });
    expect(res.text).not.toContain(API_KEY);
    expect(res.text).toContain('provider answered 401');
  });

  it('updates name and config, keeping the write-only secrets when omitted', async () => {
    const res = await t.put<ConnectorResponse>(`/api/actions/connector/${id}`, {
      name: 'Local Llama 2',
      config: { apiProvider: 'Other', apiUrl: `${llm.url}/v1/chat/completions`, defaultModel: 'qwen3' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Local Llama 2', config: { defaultModel: 'qwen3' }, is_missing_secrets: false });
    llm.enqueue({ content: 'still OK' });
    await t.post(`/api/actions/connector/${id}/_execute`, {});
    expect(llm.chatRequests()[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(llm.chatRequests()[0].body).toMatchObject({ model: 'qwen3' });
  });

  it('validates bodies with paths: zod route errors and per-type config errors', async () => {
    const unknownKey = await t.post('/api/actions/connector', { ...localConnector(llm.url), extra: 1 });
    expect(unknownKey.status).toBe(400);
    const badConfig = await t.post<{ message: string; attributes: { code: string; details: unknown } }>('/api/actions/connector', {
      name: 'Broken',
      connector_type_id: '.gen-ai',
      config: { apiProvider: 'Other', apiUrl: 'not a url' },
    });
    expect(badConfig.status).toBe(400);
    expect(badConfig.body.attributes).toEqual({
      code: 'invalid_connector',
      details: [
        { path: 'config.apiUrl', message: 'must be an http(s) URL' },
        { path: 'config.defaultModel', message: 'defaultModel is required for OpenAI-compatible ("Other") connectors' },
      ],
    });
    const badType = await t.post('/api/actions/connector', { name: 'x', connector_type_id: '.slack' });
    expect(badType.status).toBe(400);
    expect(JSON.stringify(badType.body)).toContain('not supported');
  });

  it('creates with a custom id and refuses a duplicate or a preconfigured id', async () => {
    const body = { name: 'Claude', connector_type_id: '.anthropic', config: { apiUrl: llm.url }, secrets: { apiKey: 'sk-ant-x' } };
    expect((await t.post('/api/actions/connector/claude-1', body)).status).toBe(200);
    expect((await t.post('/api/actions/connector/claude-1', body)).status).toBe(409);
    expect((await t.post('/api/actions/connector/my-preset', body)).status).toBe(409);
    expect((await t.delete('/api/actions/connector/claude-1')).status).toBe(204);
  });

  it('keeps preconfigured connectors read-only', async () => {
    const put = await t.put('/api/actions/connector/my-preset', { name: 'x', config: {} });
    expect(put.status).toBe(400);
    expect((put.body as { message: string }).message).toBe('Preconfigured connector my-preset is not allowed to update.');
    expect((await t.delete('/api/actions/connector/my-preset')).status).toBe(400);
  });

  it('enforces kbn-xsrf and privileges: Connectors Read can list and test, not write', async () => {
    expect((await t.post('/api/actions/connector', localConnector(llm.url), { xsrf: false })).status).toBe(400);
    expect((await t.get('/api/actions/connectors', reader)).status).toBe(200);
    expect((await t.post('/api/actions/connector', localConnector(llm.url), reader)).status).toBe(403);
    expect((await t.delete(`/api/actions/connector/${id}`, reader)).status).toBe(403);
    expect((await t.post('/internal/actions/settings', { changes: { 'genAI:defaultConnectorId': id } }, reader)).status).toBe(403);
    llm.enqueue({ content: 'OK' });
    expect((await t.post(`/api/actions/connector/${id}/_execute`, {}, reader)).status).toBe(200);
    expect((await t.get('/api/actions/connectors', { auth: false })).status).toBe(401);
  });

  it('stores the space default and resolves it through the start contract', async () => {
    const actions = t.platform.pluginsStart.get('actions') as ActionsPluginStart;
    expect(await actions.getDefaultConnector('default')).toMatchObject({ connector: { id: 'my-preset' }, source: 'preconfigured' });
    const set = await t.post('/internal/actions/settings', { changes: { 'genAI:defaultConnectorId': id } });
    expect(set.body).toEqual({ settings: { 'genAI:defaultConnectorId': id } });
    expect((await t.get('/internal/actions/settings')).body).toEqual({ settings: { 'genAI:defaultConnectorId': id } });
    expect((await t.get('/internal/actions/settings', { space: 'team-b' })).body).toEqual({
      settings: { 'genAI:defaultConnectorId': null },
    });
    expect(await actions.getDefaultConnector('default')).toEqual({
      connector: {
        id,
        name: 'Local Llama 2',
        actionTypeId: '.gen-ai',
        provider: 'Other',
        defaultModel: 'qwen3',
        toolCalling: 'auto',
        isPreconfigured: false,
        isMissingSecrets: false,
      },
      source: 'space_setting',
    });
    expect((await t.post('/internal/actions/settings', { changes: { 'genAI:defaultConnectorId': 'ghost' } })).status).toBe(404);

    llm.enqueue({ content: 'streamed', chunkSize: 3 });
    const client = await actions.getChatClient('Local Llama 2', { spaceId: 'default' });
    let text = '';
    for await (const ev of client.stream({ messages: [{ role: 'user', content: 'hi' }] })) if (ev.type === 'content') text += ev.delta;
    expect(text).toBe('streamed');
    await expect(actions.getChatClient(id, { spaceId: 'team-b' })).rejects.toMatchObject({ code: 'connector_not_found' });
  });

  it('deletes, and never writes a secret to the logs', async () => {
    expect((await t.delete(`/api/actions/connector/${id}`)).status).toBe(204);
    expect((await t.get(`/api/actions/connector/${id}`)).status).toBe(404);
    expect((await t.delete(`/api/actions/connector/${id}`)).status).toBe(404);
    const logs = JSON.stringify(t.logs.map((r) => ({ m: r.message, meta: r.meta, e: r.error?.message })));
    expect(logs).not.toContain(API_KEY);
    expect(logs).not.toContain(PRECONFIGURED_KEY);
    expect(logs).toContain('Created connector');
  });
});
