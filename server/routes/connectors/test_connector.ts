import type { ChatClient } from '../../../platform/plugins/actions/server';
import type { ConnectorTestResponse } from '../../../common/api/connectors';

const PROBE_TOOL = {
  name: 'report_status',
  description: 'Reports that the connection works.',
  parameters: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] },
};

/**
 * N2's probe: one tiny completion (latency, model), then one call offering a tool to learn whether the model calls
 * tools natively; a provider that rejects `tools` or ignores the tool needs prompted tools.
 */
export async function probeConnector(client: ChatClient, options: { model?: string; now?: () => number } = {}): Promise<ConnectorTestResponse> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  try {
    const reply = await client.chatComplete({
      messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
      maxTokens: 16,
      temperature: 0,
      ...(options.model ? { model: options.model } : {}),
    });
    const latencyMs = Math.round(now() - started);
    const model = reply.model ?? options.model ?? client.defaultModel;
    let toolCalling: 'native' | 'prompted' = 'prompted';
    try {
      const toolReply = await client.chatComplete({
        messages: [{ role: 'user', content: 'Call the report_status tool with status "ok".' }],
        tools: [PROBE_TOOL],
        toolChoice: 'auto',
        maxTokens: 64,
        temperature: 0,
        ...(options.model ? { model: options.model } : {}),
      });
      if (toolReply.toolCalls.some((c) => c.name === PROBE_TOOL.name)) toolCalling = 'native';
    } catch {
      toolCalling = 'prompted';
    }
    return { ok: true, latencyMs, ...(model ? { model } : {}), toolCalling };
  } catch (error) {
    const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'llm_error';
    return { ok: false, latencyMs: Math.round(now() - started), error: { code, message: (error as Error).message } };
  }
}
