import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { type ActualDoc, DurabilityModel, isRecord } from './model';
import { Random } from './random';
import { type WriteOp, INDICES, bulkBody, nextOp, ownedDocs, predictedOutcome } from './workload';

export interface CrashRunOptions {
  runs: number;
  /** Seed of the first run; run i uses seed + i. */
  seed: number;
  /** Crash cycles per run (each: write, SIGKILL, restart, verify). */
  cycles?: number;
  workers?: number;
  log?: (line: string) => void;
}

export interface CrashRunSummary {
  runs: number;
  crashes: number;
  acknowledged: number;
  unacknowledged: number;
  violations: string[];
}

const HERE = __dirname;

/** Bundles the engine child once: plain `node bundle.js` starts several times faster than tsx. */
export function bundleEngineChild(outDir: string): string {
  const outfile = path.join(outDir, 'engine_child.js');
  buildSync({ entryPoints: [path.join(HERE, 'engine_child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

interface RunningEngine {
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

function startEngine(bundle: string, dataDir: string, flushThreshold: number | undefined): Promise<RunningEngine> {
  const args = [bundle, dataDir, ...(flushThreshold === undefined ? [] : [String(flushThreshold)])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`engine did not start within 60 s: ${err}`));
    }, 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ url: m[1], child, exited });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`engine exited during startup (code ${code}, signal ${signal}): ${err.trim()}`));
    });
  });
}

async function request(url: string, method: string, pathname: string, body?: string, contentType = 'application/json'): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}${pathname}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body,
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

function ackOf(op: Exclude<WriteOp, { kind: 'bulk' }>, reply: unknown, model: DurabilityModel): void {
  if (!isRecord(reply) || typeof reply._version !== 'number' || typeof reply._seq_no !== 'number') {
    throw new Error(`unexpected write reply for ${op.index}/${op.id}: ${JSON.stringify(reply)}`);
  }
  const predicted = predictedOutcome(model, op);
  model.recordAck(DurabilityModel.key(op.index, op.id), { ...predicted, version: reply._version, seqNo: reply._seq_no });
}

/** Sends one op; acknowledged results go into the model, a missing reply makes it uncertain. */
async function execute(url: string, op: WriteOp, model: DurabilityModel): Promise<'acked' | 'uncertain'> {
  const singles = op.kind === 'bulk' ? op.items.filter((i): i is Exclude<WriteOp, { kind: 'bulk' }> => i.kind !== 'bulk') : [op];
  let reply: { status: number; json: unknown };
  try {
    if (op.kind === 'bulk') reply = await request(url, 'POST', '/_bulk', bulkBody(op.items), 'application/x-ndjson');
    else if (op.kind === 'index') reply = await request(url, 'PUT', `/${op.index}/_doc/${op.id}`, JSON.stringify(op.source));
    else if (op.kind === 'update') reply = await request(url, 'POST', `/${op.index}/_update/${op.id}`, JSON.stringify({ doc: op.doc }));
    else reply = await request(url, 'DELETE', `/${op.index}/_doc/${op.id}`);
  } catch {
    for (const single of singles) model.recordUncertain(DurabilityModel.key(single.index, single.id), predictedOutcome(model, single));
    return 'uncertain';
  }
  if (reply.status >= 300) throw new Error(`engine rejected a valid write (${reply.status}): ${JSON.stringify(reply.json)}`);
  if (op.kind !== 'bulk') {
    ackOf(op, reply.json, model);
    return 'acked';
  }
  const items = isRecord(reply.json) && Array.isArray(reply.json.items) ? reply.json.items : [];
  if (items.length !== singles.length) throw new Error(`bulk reply has ${items.length} items for ${singles.length} actions`);
  singles.forEach((single, i) => {
    const item: unknown = items[i];
    const result = isRecord(item) ? item[single.kind] : undefined;
    if (!isRecord(result) || typeof result.status !== 'number' || result.status >= 300) {
      throw new Error(`bulk item ${i} failed: ${JSON.stringify(item)}`);
    }
    ackOf(single, result, model);
  });
  return 'acked';
}

async function readDoc(url: string, key: string): Promise<ActualDoc> {
  const reply = await request(url, 'GET', `/${key.replace('/', '/_doc/')}`);
  if (reply.status === 404) {
    // A missing index also means a missing document (nothing acknowledged may have created it).
    return { found: false };
  }
  if (reply.status !== 200 || !isRecord(reply.json)) throw new Error(`GET ${key} -> ${reply.status} ${JSON.stringify(reply.json)}`);
  const doc = reply.json;
  return {
    found: doc.found === true,
    version: typeof doc._version === 'number' ? doc._version : undefined,
    seqNo: typeof doc._seq_no === 'number' ? doc._seq_no : undefined,
    source: doc._source,
  };
}

/** Checks every document the model knows, then adopts the recovered state; also checks seq_no continuity. */
async function verify(url: string, model: DurabilityModel, cycle: number): Promise<string[]> {
  const violations: string[] = [];
  for (const key of model.keys()) {
    const actual = await readDoc(url, key);
    const problem = model.violation(key, actual);
    if (problem !== undefined) violations.push(problem);
    model.resetTo(key, actual);
  }
  for (const index of model.indices()) {
    const probe = `probe-${cycle}`;
    const reply = await request(url, 'PUT', `/${index}/_doc/${probe}`, JSON.stringify({ probe: cycle }));
    const seqNo = isRecord(reply.json) ? reply.json._seq_no : undefined;
    if (reply.status >= 300 || typeof seqNo !== 'number') {
      violations.push(`${index}: probe write after restart failed: ${reply.status} ${JSON.stringify(reply.json)}`);
    } else if (seqNo <= model.maxAckedSeqNo(index)) {
      violations.push(`${index}: _seq_no restarted at ${seqNo} although ${model.maxAckedSeqNo(index)} was acknowledged`);
    } else {
      const version = isRecord(reply.json) && typeof reply.json._version === 'number' ? reply.json._version : 0;
      model.recordAck(DurabilityModel.key(index, probe), { exists: true, version, seqNo, source: { probe: cycle } });
    }
  }
  return violations;
}

async function runOne(bundle: string, seed: number, cycles: number, workers: number, summary: CrashRunSummary): Promise<string[]> {
  const rng = new Random(seed);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'es-crash-'));
  // Some runs flush (snapshot + log trim) constantly, so crashes also land inside flushes.
  const flushThreshold = rng.next() < 0.4 ? rng.between(4_096, 65_536) : undefined;
  const model = new DurabilityModel();
  const violations: string[] = [];
  let engine: RunningEngine | undefined;
  try {
    for (let cycle = 0; cycle <= cycles; cycle++) {
      engine = await startEngine(bundle, dataDir, flushThreshold);
      if (cycle > 0) violations.push(...(await verify(engine.url, model, cycle)).map((v) => `seed ${seed} cycle ${cycle}: ${v}`));
      if (cycle === cycles) break;
      const current = engine;
      let killed = false;
      // The crash point is chosen in acknowledged writes (then a random extra delay), so runs cover
      // early and late crashes whatever the machine's speed.
      const killAfterAcks = rng.between(1, 60);
      let acksThisCycle = 0;
      let reachedTarget: () => void = () => {};
      const targetReached = new Promise<void>((resolve) => {
        reachedTarget = resolve;
      });
      const workerLoops = Array.from({ length: workers }, async (_, w) => {
        const docs = ownedDocs(w);
        for (let counter = 1; !killed; counter++) {
          const op = nextOp(rng, model, docs, w, counter);
          const outcome = await execute(current.url, op, model);
          if (outcome === 'uncertain') {
            summary.unacknowledged++;
            return;
          }
          summary.acknowledged++;
          if (++acksThisCycle >= killAfterAcks) reachedTarget();
        }
      });
      const allWorkers = Promise.all(workerLoops);
      const stopped = allWorkers.then(() => 'workers stopped before the crash point' as const);
      const died = current.exited.then(() => 'engine died on its own' as const);
      const first = await Promise.race([targetReached.then(() => 'target' as const), stopped, died]);
      if (first !== 'target') throw new Error(`seed ${seed} cycle ${cycle}: ${first}`);
      await new Promise((resolve) => setTimeout(resolve, rng.between(0, 40)));
      killed = true;
      current.child.kill('SIGKILL');
      summary.crashes++;
      await current.exited;
      await allWorkers;
      engine = undefined;
    }
  } finally {
    if (engine !== undefined) {
      engine.child.kill('SIGTERM');
      await engine.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return violations;
}

/** Runs `runs` independent crash/restart trials and collects every durability violation. */
export async function runCrashTrials(options: CrashRunOptions): Promise<CrashRunSummary> {
  const log = options.log ?? (() => {});
  const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'es-crash-bundle-'));
  const summary: CrashRunSummary = { runs: 0, crashes: 0, acknowledged: 0, unacknowledged: 0, violations: [] };
  try {
    const bundle = bundleEngineChild(bundleDir);
    for (let i = 0; i < options.runs; i++) {
      const seed = options.seed + i;
      const found = await runOne(bundle, seed, options.cycles ?? 2, options.workers ?? 4, summary);
      summary.runs++;
      summary.violations.push(...found);
      log(`run ${i + 1}/${options.runs} (seed ${seed}): ${found.length === 0 ? 'ok' : `${found.length} violations`}; ${summary.acknowledged} acknowledged writes so far`);
    }
  } finally {
    fs.rmSync(bundleDir, { recursive: true, force: true });
  }
  return summary;
}

export { INDICES };
