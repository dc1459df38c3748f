import type { Client } from '@elastic/elasticsearch';

export const DEFAULT_ELSER_ENDPOINT = '.elser-2-elasticsearch';

export type InferenceProbe = { available: true; inferenceId: string } | { available: false; reason: string };

/**
 * Finds a usable inference endpoint (assistant.md §7.2): the configured one, else `.elser-2-elasticsearch` if
 * `GET _inference` lists it. Never installs models or creates endpoints. The embedded engine has no inference API,
 * so this answers `available:false` with the engine's reason.
 */
export async function probeInference(esClient: Client, configuredId: string | undefined): Promise<InferenceProbe> {
  let endpoints: Array<{ inference_id?: string }>;
  try {
    const res = (await esClient.transport.request({ method: 'GET', path: '/_inference/_all' })) as { endpoints?: Array<{ inference_id?: string }> };
    endpoints = res.endpoints ?? [];
  } catch (error) {
    const reason = (error as { meta?: { body?: { error?: { reason?: string } } } }).meta?.body?.error?.reason ?? (error as Error).message;
    return { available: false, reason: `Semantic search is unavailable: this cluster has no inference API (${reason}). The knowledge base keeps working in lexical mode.` };
  }
  const wanted = configuredId ?? DEFAULT_ELSER_ENDPOINT;
  if (!endpoints.some((e) => e.inference_id === wanted)) {
    return {
      available: false,
      reason: `Semantic search is unavailable: inference endpoint ${wanted} does not exist. Create it, or set xpack.securityAiAssistant.knowledgeBase.inferenceId; the knowledge base keeps working in lexical mode.`,
    };
  }
  return { available: true, inferenceId: wanted };
}

/** Runs the endpoint once (with one retry) so a broken model is found before the mode switches. */
export async function testInference(esClient: Client, inferenceId: string): Promise<string | undefined> {
  let last: unknown;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await esClient.transport.request({ method: 'POST', path: `/_inference/${encodeURIComponent(inferenceId)}`, body: { input: 'knowledge base check' } });
      return undefined;
    } catch (error) {
      last = error;
    }
  }
  return `Inference endpoint ${inferenceId} failed a test call: ${(last as Error).message}`;
}
