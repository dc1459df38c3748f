/**
 * Issue [8/8] "Faults", engine kill: the embedded engine as a child process, killed with SIGKILL
 * (a) in the middle of concurrent `_bulk`/index requests — every acknowledged write must survive the restart on the
 *     same data dir with its acknowledged (or a later attempted) content, and nothing stored may be corrupt;
 * (b) during a workflow run of the platform pointed at it through `elasticsearch.hosts` — after the engine and the
 *     platform restart, the interrupted execution ends `failed` with a clear error, its acknowledged step output intact.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createFakeKibanaRequest, type AuthenticatedUser } from '../../platform/core/server';
import type { WorkflowDefinition } from '../../platform/packages/workflows/definition';
import type { WorkflowsExecutionEnginePluginStart } from '../../platform/plugins/workflows_execution_engine/server/plugin';
import { startTestPlatform, type TestPlatform } from '../helpers/start_test_platform';
import { WriteLedger, readBack, seededRandom, startEngineProcess, startWriteLoad, type EngineProcess, type LedgerReport } from './helpers';

jest.setTimeout(120_000);

const INDEX = 'faults-kill';
const tempDirs: string[] = [];
const engines: EngineProcess[] = [];
const platforms: TestPlatform[] = [];

const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};

const startEngine = async (dataPath: string, port?: number) => {
  const engine = await startEngineProcess({ dataPath, port });
  engines.push(engine);
  return engine;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

afterAll(async () => {
  for (const platform of platforms) await platform.stop().catch(() => undefined);
  for (const engine of engines) await engine.kill9();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 of the engine under concurrent writes', () => {
  it('keeps every acknowledged write, across two kills in the middle of _bulk and index streams', async () => {
    const seed = Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const dataPath = tempDir('faults-engine-kill-');
    const ledger = new WriteLedger();
    let engine = await startEngine(dataPath);
    const created = await fetch(`${engine.url}/${INDEX}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mappings: { properties: { key: { type: 'keyword' }, rev: { type: 'integer' }, writer: { type: 'integer' } } } }),
    });
    expect(created.status).toBe(200);

    const kills: Array<{ acknowledgedAtKill: number; answered: number; connectionFailures: number }> = [];
    let reuse: ReadonlyArray<readonly string[]> = [];
    for (const round of [1, 2]) {
      const load = startWriteLoad({ url: engine.url, index: INDEX, ledger, keyPrefix: `r${round}`, reuse, random });
      const ackBefore = ledger.verify(new Map()).acknowledgedWrites;
      // Kill at a random point once the stream is well under way (writes in flight on every writer).
      await until('acknowledged writes', () => ledger.verify(new Map()).acknowledgedWrites - ackBefore >= 400 + Math.floor(random() * 400));
      await sleep(Math.floor(random() * 50));
      const acknowledgedAtKill = ledger.verify(new Map()).acknowledgedWrites;
      await engine.kill9();
      await load.done();
      kills.push({ acknowledgedAtKill, answered: load.answered, connectionFailures: load.connectionFailures });
      reuse = Array.from({ length: 6 }, (_, n) => load.keysOf(n));
      // Restart on the same data dir: recovery must succeed without --repair (a torn tail is fine, corruption is not).
      engine = await startEngine(dataPath);
      expect(engine.output()).toMatch(/Recovered node state/);
    }

    const keys = ledger.keys();
    const stored = await readBack(engine.url, INDEX, keys);
    const present = [...stored.values()].filter((v) => v !== undefined).length;
    await fetch(`${engine.url}/${INDEX}/_refresh`, { method: 'POST' });
    const count = (await (await fetch(`${engine.url}/${INDEX}/_count`)).json()) as { count: number };
    const report: LedgerReport = ledger.verify(stored, count.count > present ? [`${count.count - present} unknown documents`] : []);

    // The searchable view agrees with realtime gets after recovery (no half-applied documents).
    const search = (await (
      await fetch(`${engine.url}/${INDEX}/_search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ size: 0, aggs: { writers: { terms: { field: 'writer', size: 10 } } } }),
      })
    ).json()) as { hits: { total: { value: number } }; aggregations: { writers: { buckets: Array<{ doc_count: number }> } } };
    expect(search.hits.total.value).toBe(present);
    expect(search.aggregations.writers.buckets.reduce((sum, b) => sum + b.doc_count, 0)).toBe(present);

    // eslint-disable-next-line no-console
    console.log(
      `faults_engine_kill (seed ${seed}): ${kills.length} SIGKILLs, ${report.attemptedWrites} writes attempted, ` +
        `${report.acknowledgedWrites} acknowledged (${report.acknowledged} documents), ${report.verified} verified, ` +
        `${report.lost.length} lost, ${report.corrupt.length} corrupt, ${report.unacknowledgedPresent} unacknowledged present; ` +
        `per kill ${JSON.stringify(kills)}`,
    );
    expect(report.corrupt).toEqual([]);
    expect(report.lost).toEqual([]);
    expect(report.verified).toBe(report.acknowledged);
    expect(report.acknowledged).toBeGreaterThan(500);
    expect(kills.every((k) => k.connectionFailures > 0)).toBe(true);
    await engine.stop();
  });
});

const SUPERUSER: AuthenticatedUser = {
  username: 'elastic',
  roles: ['superuser'],
  enabled: true,
  metadata: {},
  authentication_realm: { name: 'native', type: 'native' },
  lookup_realm: { name: 'native', type: 'native' },
  authentication_provider: { type: 'basic', name: 'basic' },
  authentication_type: 'realm',
};

const WAIT_YAML = `
name: engine-kill-during-wait
steps:
  - name: before
    type: data.set
    with: { marker: acknowledged-before-kill, n: 7 }
  - name: hold
    type: wait
    with: { duration: 1m }
  - name: after
    type: console
    with: { message: "must never run" }
`;

interface StoredStep {
  stepId: string;
  status: string;
  output?: unknown;
  workflowRunId: string;
}

const engineOf = (platform: TestPlatform) => {
  const engine = platform.platform.pluginsStart.get('workflowsExecutionEngine') as WorkflowsExecutionEnginePluginStart | undefined;
  if (!engine) throw new Error('workflowsExecutionEngine did not start');
  return engine;
};

/** Step records of one execution as the engine (child process) has them on disk, read straight from its REST API. */
async function storedSteps(url: string, executionId: string): Promise<StoredStep[]> {
  await fetch(`${url}/.workflows-step-executions/_refresh`, { method: 'POST' });
  const res = await fetch(`${url}/.workflows-step-executions/_search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ size: 100, query: { term: { workflowRunId: executionId } } }),
  });
  if (res.status !== 200) return [];
  const body = (await res.json()) as { hits: { hits: Array<{ _source: StoredStep }> } };
  return body.hits.hits.map((h) => h._source);
}

describe('kill -9 of the engine during a workflow run', () => {
  it('the interrupted execution ends failed with a clear error after restarts, acknowledged step output intact', async () => {
    const esData = tempDir('faults-engine-wf-es-');
    const kibanaData = tempDir('faults-engine-wf-kbn-');
    let engine = await startEngine(esData);
    const start = () =>
      startTestPlatform({
        plugins: ['workflowsExecutionEngine'],
        dataPath: kibanaData,
        config: { 'elasticsearch.hosts': [engine.url], 'elasticsearch.requestTimeout': 5000 },
      });
    let platform = await start();
    platforms.push(platform);
    expect(platform.esUrl).toBe(engine.url);

    const definition = { version: '1', enabled: true, triggers: [{ type: 'manual' }], ...(parse(WAIT_YAML) as object) } as WorkflowDefinition;
    const { workflowExecutionId: id } = await engineOf(platform).runWorkflow({
      workflow: { id: 'wf-engine-kill', name: 'engine kill', enabled: true, yaml: WAIT_YAML, definition },
      spaceId: 'default',
      inputs: {},
      request: createFakeKibanaRequest({ spaceId: 'default', user: SUPERUSER }),
    });
    await until('the run to wait', async () => (await engineOf(platform).getExecution('default', id))?.status === 'waiting');
    // Acknowledged = on the engine's disk: the write-behind has flushed the finished step and the open wait before the kill.
    let acknowledged: StoredStep | undefined;
    await until('the step records to be acknowledged', async () => {
      const stored = await storedSteps(engine.url, id);
      acknowledged = stored.find((s) => s.stepId === 'before' && s.status === 'completed');
      return acknowledged !== undefined && stored.some((s) => s.stepId === 'hold');
    });
    expect(acknowledged?.output).toEqual({ marker: 'acknowledged-before-kill', n: 7 });

    await engine.kill9();
    // The host survives the outage, keeps answering, and its status API notices the cluster is gone.
    await until('the status API to report the outage', async () => (await platform.get('/api/status', { auth: false })).status === 503);
    expect((await platform.get('/internal/security/me')).status).toBe(200);

    engine = await startEngine(esData, engine.port);
    await platform.stop();
    platform = await start();
    platforms.push(platform);

    const after = await engineOf(platform).getExecution('default', id);
    expect(after?.status).toBe('failed');
    expect(after?.error).toEqual({
      type: 'ExecutionInterruptedError',
      message: 'Execution was interrupted because the host stopped while it was waiting. Run the workflow again.',
    });
    const steps = new Map((after?.stepExecutions ?? []).map((s) => [s.stepId, s]));
    expect(steps.get('before')).toMatchObject({ status: 'completed', output: { marker: 'acknowledged-before-kill', n: 7 } });
    expect(steps.get('hold')).toMatchObject({ status: 'failed', error: { type: 'ExecutionInterruptedError' } });
    expect(steps.has('after')).toBe(false);
    await platform.stop();
  });
});

describe('kill -9 of the engine while a run keeps going', () => {
  it('a run that finishes during the outage has its final state written once the cluster is back, not left running', async () => {
    const esData = tempDir('faults-engine-wf2-es-');
    const kibanaData = tempDir('faults-engine-wf2-kbn-');
    let engine = await startEngine(esData);
    const platform = await startTestPlatform({
      plugins: ['workflowsExecutionEngine'],
      dataPath: kibanaData,
      config: { 'elasticsearch.hosts': [engine.url], 'elasticsearch.requestTimeout': 5000 },
    });
    platforms.push(platform);
    const yamlText = `
name: engine-kill-short-wait
steps:
  - { name: before, type: data.set, with: { marker: kept } }
  - { name: hold, type: wait, with: { duration: 3s } }
  - { name: after, type: console, with: { message: "ran during the outage" } }
`;
    const definition = { version: '1', enabled: true, triggers: [{ type: 'manual' }], ...(parse(yamlText) as object) } as WorkflowDefinition;
    const { workflowExecutionId: id } = await engineOf(platform).runWorkflow({
      workflow: { id: 'wf-engine-kill-2', name: 'engine kill 2', enabled: true, yaml: yamlText, definition },
      spaceId: 'default',
      inputs: {},
      request: createFakeKibanaRequest({ spaceId: 'default', user: SUPERUSER }),
    });
    await until('the first step record to be acknowledged', async () => (await storedSteps(engine.url, id)).some((s) => s.stepId === 'before'));
    await engine.kill9();
    // The run goes on without the cluster and ends; its final write fails.
    expect(await engineOf(platform).waitForCompletion(id, 30_000)).toBe('completed');
    expect((await engineOf(platform).getExecution('default', id))?.status).toBe('completed');

    engine = await startEngine(esData, engine.port);
    const url = engine.url;
    // What the index says (what another host, or this one after a restart, would read): completed, every step there.
    const stored = await until('the final state to be written after the outage', async () => {
      const res = await fetch(`${url}/.workflows-executions/_doc/${id}`).catch(() => undefined);
      if (!res || res.status !== 200) return false;
      const body = (await res.json()) as { _source: { status: string } };
      return body._source.status === 'completed';
    }, 40_000).then(() => storedSteps(url, id));
    expect(stored.map((s) => [s.stepId, s.status]).sort()).toEqual([
      ['after', 'completed'],
      ['before', 'completed'],
      ['hold', 'completed'],
    ]);
    expect(stored.find((s) => s.stepId === 'before')?.output).toEqual({ marker: 'kept' });
    await until('the engine to log the late final write', () =>
      platform.logs.some((l) => /Wrote the final state of a workflow execution after a failed write/.test(l.message)),
    );
    await platform.stop();
  });
});
