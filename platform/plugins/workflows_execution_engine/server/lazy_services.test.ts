import { Client } from '@elastic/elasticsearch';
import type { ActionsPluginStart } from '../../actions/server';
import { lazyActions, lazyClient } from './lazy_services';

describe('lazy host services', () => {
  it('resolve the started service on first use, not before', async () => {
    let client: Client | undefined;
    const lazy = lazyClient(() => {
      if (!client) throw new Error('not started');
      return client;
    });
    expect(() => lazy.indices).toThrow('not started');
    client = new Client({ node: 'http://127.0.0.1:9' });
    expect(typeof lazy.search).toBe('function');
    expect(lazy.indices).toBe(client.indices);
    await client.close();

    const calls: string[] = [];
    const actions = lazyActions(() => ({ listConnectors: async (spaceId: string) => (calls.push(spaceId), []) }) as unknown as ActionsPluginStart);
    await expect(actions.listConnectors('blue')).resolves.toEqual([]);
    expect(calls).toEqual(['blue']);
  });
});
