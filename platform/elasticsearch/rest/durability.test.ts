import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { startEmbeddedElasticsearch } from '../index';
import { quietLogger, rawRequest, tempDataPath } from '../test_support';

const CLI = path.join(__dirname, '..', 'cli.ts');
const REPO = path.join(__dirname, '..', '..', '..');

function startChild(dataPath: string): Promise<{ child: ChildProcess; port: number }> {
    // `node --import tsx` keeps the server in this very process, so SIGKILL hits it (the tsx CLI would fork).
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--path.data', dataPath], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`child did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited with ${code}: ${out}`));
    });
  });
}

describe('durability', () => {
  it('keeps everything across a clean stop and start', async () => {
    const dataPath = tempDataPath();
    let es = await startEmbeddedElasticsearch({ port: 0, dataPath, logger: quietLogger });
    let client = new Client({ node: es.url });
    await client.indices.create({ index: 'keep', settings: { number_of_replicas: 0 }, aliases: { keeper: { is_write_index: true } } });
    await client.bulk({ operations: Array.from({ length: 100 }, (_, i) => [{ index: { _index: 'keeper', _id: String(i) } }, { i }]).flat() });
    await client.delete({ index: 'keep', id: '7' });
    await client.update({ index: 'keep', id: '8', doc: { extra: true } });
    await client.indices.putIndexTemplate({ name: 'kt', index_patterns: ['kt-*'], template: { settings: { number_of_replicas: 0 } } });
    await client.close();
    await es.stop();
    expect(fs.existsSync(path.join(dataPath, 'embedded-es.json'))).toBe(false);

    es = await startEmbeddedElasticsearch({ port: 0, dataPath, logger: quietLogger });
    client = new Client({ node: es.url });
    expect((await client.count({ index: 'keeper' })).count).toBe(99);
    expect(await client.get({ index: 'keep', id: '8' })).toMatchObject({ _version: 2, _seq_no: 101, _source: { i: 8, extra: true } });
    expect(await client.indices.existsIndexTemplate({ name: 'kt' })).toBe(true);
    const next = await client.index({ index: 'keeper', id: 'new', document: {} });
    expect(next._seq_no).toBe(102);
    await client.close();
    await es.stop();
  }, 30_000);

  it('keeps every acknowledged write after kill -9', async () => {
    const dataPath = tempDataPath();
    const { child, port } = await startChild(dataPath);
    const acked = new Map<string, number>();
    let stop = false;
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        const id = `w${w}-${i % 20}`;
        try {
          const res = await rawRequest(port, 'PUT', `/crash/_doc/${id}`, { w, i });
          if (res.status === 200 || res.status === 201) acked.set(id, (res.json() as { _version: number })._version);
        } catch {
          return; // connection reset by the kill
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await new Promise((r) => setTimeout(r, 400 + Math.random() * 400));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    stop = true;
    await Promise.all(writers);
    expect(acked.size).toBeGreaterThan(0);

    const es = await startEmbeddedElasticsearch({ port: 0, dataPath, logger: quietLogger });
    try {
      const client = new Client({ node: es.url });
      const docs = await client.mget({ index: 'crash', ids: [...acked.keys()] });
      for (const doc of docs.docs) {
        const expected = acked.get(doc._id);
        // The version is at least the acknowledged one (a later write may have reached the log unacknowledged).
        expect([doc._id, 'found' in doc && doc.found]).toEqual([doc._id, true]);
        expect('_version' in doc && (doc._version ?? 0) >= (expected ?? 0)).toBe(true);
      }
      await client.close();
    } finally {
      await es.stop();
    }
  }, 60_000);
});
