import { createAssistantStartApi } from './start_api';
import type { AssistantService, PromptContext } from './service';

/** A stand-in exposing only what the start API calls, recording the calls. */
function recordingService() {
  const calls: string[] = [];
  const service = {
    open: (o?: { conversationId?: string }) => calls.push(`open:${o?.conversationId ?? ''}`),
    registerPromptContext: (c: PromptContext) => {
      calls.push(`register:${c.id}`);
      return () => calls.push(`unregister:${c.id}`);
    },
    registerInvestigationTarget: (t: { id: string }) => {
      calls.push(`target:${t.id}`);
      return () => calls.push(`untarget:${t.id}`);
    },
  };
  return { calls, service: service as unknown as AssistantService };
}

const context = (id: string): PromptContext => ({ id, category: 'alert', description: id, getPromptContext: () => ({}) });

describe('assistant start contract', () => {
  it('applies calls made before the service exists once it does, in order', async () => {
    const { calls, service } = recordingService();
    let resolve: (s: AssistantService) => void = () => undefined;
    const api = createAssistantStartApi(new Promise((r) => (resolve = r)));
    api.registerPromptContext(context('a'));
    api.open({ conversationId: 'c1' });
    expect(calls).toEqual([]);
    resolve(service);
    await expect(api.getService()).resolves.toBe(service);
    await Promise.resolve();
    expect(calls).toEqual(['register:a', 'open:c1']);
  });

  it('an unregister called before the service exists cancels the registration', async () => {
    const { calls, service } = recordingService();
    let resolve: (s: AssistantService) => void = () => undefined;
    const api = createAssistantStartApi(new Promise((r) => (resolve = r)));
    const unregister = api.registerPromptContext(context('gone'));
    const untarget = api.registerInvestigationTarget({ id: 'timeline', languages: ['kql'], addQuery: () => undefined });
    unregister();
    untarget();
    resolve(service);
    await api.getService();
    await Promise.resolve();
    expect(calls).toEqual([]);
  });

  it('unregisters through the service once registered', async () => {
    const { calls, service } = recordingService();
    const api = createAssistantStartApi(Promise.resolve(service));
    const unregister = api.registerPromptContext(context('b'));
    await api.getService();
    await Promise.resolve();
    unregister();
    expect(calls).toEqual(['register:b', 'unregister:b']);
  });
});
