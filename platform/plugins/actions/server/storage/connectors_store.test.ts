import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { startEmbeddedElasticsearch, type EmbeddedElasticsearch } from '../../../../elasticsearch';
import { ACTIONS_INDEX, createConnectorsStore, StoreConflictError, type StoredConnector } from './connectors_store';

let engine: EmbeddedElasticsearch;
let client: Client;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actions-store-'));
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  engine = await startEmbeddedElasticsearch({ port: 0, host: '127.0.0.1', dataPath: dir, logger: quiet });
  client = new Client({ node: engine.url });
});
afterAll(async () => {
  await client.close();
  await engine.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const connector = (id: string, name: string): StoredConnector => ({
  id,
  name,
  actionTypeId: '.gen-ai',
  config: { apiProvider: 'Other', apiUrl: 'http://127.0.0.1:1', defaultModel: 'm' },
  secrets: 'v1.a.b.c',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'elastic',
});

describe('connectors store on the embedded engine', () => {
  it('creates, lists per space sorted by name, gets, updates with optimistic concurrency and deletes', async () => {
    const store = createConnectorsStore({ esClient: client });
    await store.create('default', connector('c2', 'zeta'));
    await store.create('default', connector('c1', 'alpha'));
    await store.create('other', connector('c1', 'other-space'));
    await expect(store.create('default', connector('c1', 'dup'))).rejects.toThrow(StoreConflictError);

    expect((await store.list('default')).map((c) => c.name)).toEqual(['alpha', 'zeta']);
    expect((await store.list('other')).map((c) => c.name)).toEqual(['other-space']);
    expect(await store.list('empty')).toEqual([]);

    const got = await store.get('default', 'c1');
    expect(got).toMatchObject(connector('c1', 'alpha'));
    if (!got) throw new Error('missing');
    await store.update('default', { ...got, name: 'alpha 2' }, got.version);
    await expect(store.update('default', { ...got, name: 'stale' }, got.version)).rejects.toThrow('changed by someone else');
    expect((await store.get('default', 'c1'))?.name).toBe('alpha 2');
    expect((await store.get('other', 'c1'))?.name).toBe('other-space');

    expect(await store.delete('default', 'c1')).toBe(true);
    expect(await store.delete('default', 'c1')).toBe(false);
    expect(await store.get('default', 'c1')).toBeUndefined();

    const raw = await client.get<{ action: { secrets: string } }>({ index: ACTIONS_INDEX, id: 'action:default:c2' });
    expect(raw._source?.action.secrets).toBe('v1.a.b.c');
  });

  it('keeps per-space settings', async () => {
    const store = createConnectorsStore({ esClient: client });
    expect(await store.getSpaceSettings('s1')).toEqual({});
    await store.setSpaceSetting('s1', 'genAI:defaultConnectorId', 'c9');
    expect(await store.getSpaceSettings('s1')).toEqual({ 'genAI:defaultConnectorId': 'c9' });
    expect(await store.getSpaceSettings('s2')).toEqual({});
    await store.setSpaceSetting('s1', 'genAI:defaultConnectorId', null);
    expect(await store.getSpaceSettings('s1')).toEqual({});
    // Settings never show up as connectors.
    expect(await store.list('s1')).toEqual([]);
  });
});
