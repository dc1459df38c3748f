import type { Client } from '@elastic/elasticsearch';
import { DEFAULT_ELSER_ENDPOINT, probeInference, testInference } from './semantic';

/** Only the transport is used; the rest of the client is never touched. */
const clientWith = (request: (params: { method: string; path: string }) => Promise<unknown>) => ({ transport: { request } }) as unknown as Client;

describe('probeInference', () => {
  it('is unavailable, with the engine\'s reason, when the cluster has no inference API', async () => {
    const es = clientWith(() => Promise.reject(Object.assign(new Error('unsupported'), { meta: { body: { error: { reason: 'inference endpoints [/_inference] are not supported' } } } })));
    const probe = await probeInference(es, undefined);
    expect(probe).toEqual({ available: false, reason: expect.stringContaining('inference endpoints [/_inference] are not supported') });
  });

  it('finds the configured endpoint, else ELSER, and never invents one', async () => {
    const es = clientWith(async () => ({ endpoints: [{ inference_id: DEFAULT_ELSER_ENDPOINT }, { inference_id: 'my-e5' }] }));
    expect(await probeInference(es, undefined)).toEqual({ available: true, inferenceId: DEFAULT_ELSER_ENDPOINT });
    expect(await probeInference(es, 'my-e5')).toEqual({ available: true, inferenceId: 'my-e5' });
    expect(await probeInference(es, 'missing')).toEqual({ available: false, reason: expect.stringContaining('inference endpoint missing does not exist') });
  });
});

describe('testInference', () => {
  it('retries once, then reports the failure', async () => {
    let calls = 0;
    const flaky = clientWith(async () => {
      calls += 1;
      if (calls === 1) throw new Error('timeout');
      return {};
    });
    expect(await testInference(flaky, 'e')).toBeUndefined();
    expect(calls).toBe(2);
    const broken = clientWith(() => Promise.reject(new Error('model not deployed')));
    expect(await testInference(broken, 'e')).toBe('Inference endpoint e failed a test call: model not deployed');
  });
});
