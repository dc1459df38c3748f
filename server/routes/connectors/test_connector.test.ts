import type { ChatClient, ChatRequest, ChatResponse } from '../../../platform/plugins/actions/server';
import { probeConnector } from './test_connector';

function fakeClient(replies: Array<ChatResponse | Error>): ChatClient & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    connectorId: 'c',
    connectorName: 'C',
    actionTypeId: '.gen-ai',
    defaultModel: 'default-model',
    requests,
    async chatComplete(request) {
      requests.push(request);
      const next = replies.shift();
      if (!next) throw new Error('no reply scripted');
      if (next instanceof Error) throw next;
      return next;
    },
    stream: () => {
      throw new Error('not used');
    },
  };
}

const reply = (extra: Partial<ChatResponse> = {}): ChatResponse => ({ content: 'OK', toolCalls: [], finishReason: 'stop', ...extra });
let clock = 0;
const now = () => (clock += 25);

describe('probeConnector', () => {
  it('reports ok, latency, the model and native tool calling', async () => {
    const client = fakeClient([reply({ model: 'gpt-x' }), reply({ toolCalls: [{ id: '1', name: 'report_status', arguments: '{"status":"ok"}' }], finishReason: 'tool_calls' })]);
    expect(await probeConnector(client, { now })).toEqual({ ok: true, latencyMs: 25, model: 'gpt-x', toolCalling: 'native' });
    expect(client.requests[1].tools?.[0].name).toBe('report_status');
  });

  it('falls back to the default model and prompted tools when the model ignores or rejects tools', async () => {
    expect(await probeConnector(fakeClient([reply(), reply()]), { now })).toEqual(expect.objectContaining({ ok: true, model: 'default-model', toolCalling: 'prompted' }));
    expect(await probeConnector(fakeClient([reply(), new Error('tools not supported')]), { now })).toEqual(expect.objectContaining({ ok: true, toolCalling: 'prompted' }));
  });

  it('sends the requested model and answers failures as ok:false with the error code', async () => {
    const client = fakeClient([Object.assign(new Error('Connector "C": provider said 401'), { code: 'llm_auth_failed' })]);
    expect(await probeConnector(client, { model: 'other', now })).toEqual({ ok: false, latencyMs: 25, error: { code: 'llm_auth_failed', message: 'Connector "C": provider said 401' } });
    expect(client.requests[0].model).toBe('other');
  });
});
