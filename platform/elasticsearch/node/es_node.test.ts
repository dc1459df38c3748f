import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EsNode } from './es_node';
import { asyncErrorOf } from '../test_support';
import { encodeRecords, walFileName } from '../storage';

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
const OPEN = { ignoreUnavailable: false, allowNoIndices: true, expandWildcards: { open: true, closed: false, hidden: false } };

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'es-node-'));
}

describe('EsNode', () => {
  it('recovers indices, documents, aliases, templates and versions after a restart', async () => {
    const dir = tempDir();
    const node = await EsNode.open({ dataPath: dir, logger });
    node.putIndexTemplate('t', { index_patterns: ['logs-*'], template: { settings: { number_of_replicas: 0 }, mappings: { properties: { level: { type: 'keyword' } } } } }, false);
    const logs = node.writeIndex('logs-a', false);
    expect(logs.raw['index.number_of_replicas']).toBe('0');
    node.indexDoc(logs, '1', '{"level":"info","n":9007199254740993}', {});
    node.indexDoc(logs, '1', '{"level":"warn"}', {});
    node.indexDoc(logs, '2', '{"level":"error"}', {});
    node.deleteDoc(logs, '2', {});
    node.updateDoc(logs, '3', { doc: { a: 1 }, docAsUpsert: true }, { routing: 'r1' });
    node.updateDoc(logs, '3', { doc: { a: 2 } }, {});
    node.updateAliases([{ type: 'add', indices: ['logs-a'], aliases: ['logs'], definition: { is_write_index: true } }], OPEN);
    await node.durable();
    const before = node.getDoc(logs, '1', true);
    const uuid = node.clusterUuid;
    await node.close();

    const again = await EsNode.open({ dataPath: dir, logger });
    expect(again.clusterUuid).toBe(uuid);
    const state = again.writeIndex('logs', false);
    expect(state.name).toBe('logs-a');
    expect(again.getDoc(state, '1', true)).toEqual(before);
    expect(again.getDoc(state, '2', true)).toEqual({ found: false });
    const three = again.getDoc(state, '3', true);
    expect(three.found && { version: three.version, routing: three.routing, source: JSON.parse(three.source) }).toEqual({ version: 2, routing: 'r1', source: { a: 2 } });
    // Everything recovered is searchable.
    expect(state.shard.searchView().numDocs).toBe(2);
    // The next write continues the sequence.
    expect(again.indexDoc(state, '4', '{}', {}).seqNo).toBe(6);
    expect(again.getIndexTemplates('t')).toHaveLength(1);
    await again.close();
  });

  it('replays logs written before sources were stored verbatim (index records as plain JSON)', async () => {
    const dir = tempDir();
    const walDir = path.join(dir, 'wal');
    fs.mkdirSync(walDir, { recursive: true });
    const old = [
      { op: 'init', cluster_uuid: 'old-cluster' },
      { op: 'create_index', name: 'legacy', uuid: 'u1', settings: { 'index.number_of_shards': '1', 'index.number_of_replicas': '0' }, mappings: {}, aliases: {} },
      { op: 'index', index: 'legacy', id: '1', source: '{"n":9007199254740993}', seq_no: 0, version: 1 },
      { op: 'index', index: 'legacy', id: '2', source: '{"k":"v"}', routing: 'r', seq_no: 1, version: 1 },
    ];
    fs.writeFileSync(path.join(walDir, walFileName(0)), encodeRecords(old.map((r) => JSON.stringify(r))));
    const node = await EsNode.open({ dataPath: dir, logger });
    const state = node.readIndex('legacy');
    expect(node.getDoc(state, '1', true)).toMatchObject({ found: true, source: '{"n":9007199254740993}', seqNo: 0 });
    expect(node.getDoc(state, '2', true)).toMatchObject({ found: true, routing: 'r', seqNo: 1 });
    // New writes go to the same log in the new shape and replay together with the old records.
    node.indexDoc(state, '3', '{"k":"w"}', {});
    await node.durable();
    const crashed = tempDir();
    fs.cpSync(dir, crashed, { recursive: true });
    fs.writeFileSync(path.join(crashed, 'node.lock'), '999999999');
    await node.close();
    const again = await EsNode.open({ dataPath: crashed, logger });
    const recovered = again.readIndex('legacy');
    expect(again.clusterUuid).toBe('old-cluster');
    expect(recovered.shard.searchView().numDocs).toBe(3);
    expect(again.getDoc(recovered, '3', true)).toMatchObject({ found: true, source: '{"k":"w"}', seqNo: 2 });
    await again.close();
  });

  it('refuses a second node on the same data path', async () => {
    const dir = tempDir();
    const node = await EsNode.open({ dataPath: dir, logger });
    await expect(EsNode.open({ dataPath: dir, logger })).rejects.toThrow(/failed to obtain node lock/);
    await node.close();
  });

  it('replays from the log alone when no snapshot was written', async () => {
    const dir = tempDir();
    const node = await EsNode.open({ dataPath: dir, logger });
    const s = node.createIndex('a', { mappings: { properties: { x: { type: 'long' } } } });
    node.indexDoc(s, '1', '{"x":1}', {});
    node.putMapping('a', { properties: { y: { type: 'keyword' } } });
    await node.durable();
    // Copy the directory as a crash would leave it (no flush, stale lock of a dead pid).
    const crashed = tempDir();
    fs.cpSync(dir, crashed, { recursive: true });
    fs.writeFileSync(path.join(crashed, 'node.lock'), '999999999');
    await node.close();
    const recovered = await EsNode.open({ dataPath: crashed, logger });
    const state = recovered.readIndex('a');
    expect(state.shard.mappingJson()).toEqual({ properties: { x: { type: 'long' }, y: { type: 'keyword' } } });
    expect(recovered.getDoc(state, '1', false)).toMatchObject({ found: true, version: 1, seqNo: 0 });
    await recovered.close();
  });

  it('resolves write and read targets through aliases', async () => {
    const node = await EsNode.open({ dataPath: tempDir(), logger });
    node.createIndex('i1', {});
    node.createIndex('i2', {});
    node.updateAliases([{ type: 'add', indices: ['i1', 'i2'], aliases: ['both'], definition: {} }], OPEN);
    expect((await asyncErrorOf(() => node.resolveWriteIndex('both', false))).reason).toMatch(/^no write index is defined for alias \[both\]/);
    expect((await asyncErrorOf(() => node.readIndex('both'))).reason).toBe(
      "alias [both] has more than one index associated with it [i1, i2], can't execute a single index op",
    );
    expect((await asyncErrorOf(() => node.resolveWriteIndex('i1', true))).reason).toBe(
      'no such index [i1] and [require_alias] request flag is [true] and [i1] is not an alias',
    );
    node.updateAliases([{ type: 'add', indices: ['i2'], aliases: ['both'], definition: { is_write_index: true } }], OPEN);
    expect(node.resolveWriteIndex('both', true)?.name).toBe('i2');
    const missing = node.updateAliases([{ type: 'remove', indices: ['i1'], aliases: ['nope'], definition: {} }], OPEN);
    expect(missing.errors).toBe(true);
    expect(missing.results[0]).toMatchObject({ status: 404, error: { type: 'aliases_not_found_exception', reason: 'aliases [nope] missing' } });
    expect((await asyncErrorOf(() => node.updateAliases([{ type: 'remove', indices: ['i1'], aliases: ['nope'], definition: {}, mustExist: true }], OPEN))).status).toBe(404);
    expect((await asyncErrorOf(() => node.createIndex('both', {}))).type).toBe('invalid_index_name_exception');
    expect((await asyncErrorOf(() => node.createIndex('i1', {}))).type).toBe('resource_already_exists_exception');
    await node.close();
  });

  it('keeps alias hidden flags consistent', async () => {
    const node = await EsNode.open({ dataPath: tempDir(), logger });
    node.createIndex('h1', { settings: { 'index.hidden': true } });
    node.createIndex('h2', {});
    node.updateAliases([{ type: 'add', indices: ['h1'], aliases: ['.hid'], definition: { is_hidden: true } }], OPEN);
    const e = await asyncErrorOf(() => node.updateAliases([{ type: 'add', indices: ['h2'], aliases: ['.hid'], definition: {} }], OPEN));
    expect(e.reason).toMatch(/alias must have the same is_hidden setting on all indices/);
    expect(node.resolve('.hid*', OPEN).map((r) => r.index)).toEqual(['h1']);
    expect(node.resolve('*', OPEN).map((r) => r.index)).toEqual(['h2']);
    await node.close();
  });
});

describe('search-idle refresh', () => {
  it('skips scheduled refreshes while idle and refreshes before the next search', async () => {
    const node = await EsNode.open({ dataPath: tempDir(), logger });
    const idle = node.createIndex('idle', {});
    node.indexDoc(idle, '1', '{}', {});
    await new Promise((r) => setTimeout(r, 1300));
    expect(idle.shard.searchView().numDocs).toBe(0);
    node.prepareSearch(idle);
    expect(idle.shard.searchView().numDocs).toBe(1);
    // Now active: the 1 s schedule publishes new writes without an explicit refresh.
    node.indexDoc(idle, '2', '{}', {});
    await new Promise((r) => setTimeout(r, 1300));
    expect(idle.shard.searchView().numDocs).toBe(2);
    // An explicit interval always refreshes on schedule.
    const explicit = node.createIndex('explicit', { settings: { refresh_interval: '100ms' } });
    node.indexDoc(explicit, '1', '{}', {});
    await new Promise((r) => setTimeout(r, 300));
    expect(explicit.shard.searchView().numDocs).toBe(1);
    await node.close();
  });
});

describe('snapshots', () => {
  it('writes large shards in chunked lines and restores them', async () => {
    const dir = tempDir();
    const node = await EsNode.open({ dataPath: dir, logger });
    const s = node.createIndex('many', {});
    for (let i = 0; i < 2500; i++) node.indexDoc(s, String(i), `{"i":${i}}`, {});
    node.deleteDoc(s, '5', {});
    await node.durable();
    await node.close();
    const snapDir = path.join(dir, 'snapshots');
    const [file] = fs.readdirSync(snapDir);
    const lines = fs.readFileSync(path.join(snapDir, file), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { t: string }).t)).toEqual(['node', 'index', 'items', 'items', 'items']);
    const again = await EsNode.open({ dataPath: dir, logger });
    const state = again.readIndex('many');
    expect(state.shard.searchView().numDocs).toBe(2499);
    expect(again.getDoc(state, '2499', true)).toMatchObject({ found: true, seqNo: 2499 });
    expect(again.deleteDoc(state, '6', {}).seqNo).toBe(2501);
    await again.close();
  });
});

describe('stale index states', () => {
  it('refuses writes through the state of a deleted index (the log stays replayable)', async () => {
    const dir = tempDir();
    const node = await EsNode.open({ dataPath: dir, logger });
    const old = node.createIndex('gone', {});
    node.deleteIndex('gone');
    node.createIndex('gone', {});
    expect((await asyncErrorOf(() => node.indexDoc(old, '1', '{}', {}))).type).toBe('index_not_found_exception');
    await node.durable();
    await node.close();
    const again = await EsNode.open({ dataPath: dir, logger });
    expect(again.getDoc(again.readIndex('gone'), '1', true)).toEqual({ found: false });
    await again.close();
  });
});
