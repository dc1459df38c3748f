/**
 * `npm run bench -- es [--docs N] [--runs R] [--concurrency C] [--taskset CPU] [--keep]`
 *
 * Starts the embedded engine in its own process, bulk-ingests N synthetic alerts over HTTP (1000 per
 * `_bulk`, refresh=false), then times four queries over HTTP (p50/p95 over R runs) against a brute-force
 * scan of the same documents in this process, checks both give the same numbers, and reports the
 * engine's peak RSS and its cold start time with the data. Numbers are printed, never asserted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { DocColumns, MAPPING, bulkBody } from './es_docs';
import { benchQueries } from './es_queries';
import { cpuSecondsFromStat } from './es_proc';
import { formatMs, peakRssBytes, percentile } from './stats';

interface EsBenchOptions {
  docs: number;
  runs: number;
  concurrency: number;
  batch: number;
  taskset?: string;
}

const INDEX = 'bench-alerts';

function parseOptions(argv: readonly string[]): EsBenchOptions {
  const options: EsBenchOptions = { docs: 1_000_000, runs: 200, concurrency: 1, batch: 1000 };
  for (let i = 0; i < argv.length; i++) {
    const value = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v <= 0) throw new Error(`${argv[i - 1]} needs a positive integer`);
      return v;
    };
    switch (argv[i]) {
      case '--docs':
        options.docs = value();
        break;
      case '--runs':
        options.runs = value();
        break;
      case '--concurrency':
        options.concurrency = value();
        break;
      case '--batch':
        options.batch = value();
        break;
      case '--taskset':
        options.taskset = argv[++i];
        break;
      default:
        throw new Error(`unknown option ${argv[i]} (expected --docs, --runs, --concurrency, --batch, --taskset)`);
    }
  }
  return options;
}

interface Engine {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  startMs: number;
}

function startEngine(bundle: string, dataPath: string, taskset: string | undefined): Promise<Engine> {
  const started = performance.now();
  const child =
    taskset === undefined
      ? spawn(process.execPath, [bundle, dataPath], { stdio: ['ignore', 'pipe', 'inherit'] })
      : spawn('taskset', ['-c', taskset, process.execPath, bundle, dataPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m !== null) resolve({ url: m[1], child, exited, startMs: performance.now() - started });
    });
    child.once('exit', (code) => reject(new Error(`engine exited with code ${code} before it was ready`)));
  });
}

async function stopEngine(engine: Engine): Promise<void> {
  engine.child.kill('SIGTERM');
  await engine.exited;
}

async function call(url: string, method: string, pathname: string, body?: string, contentType = 'application/json'): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}${pathname}`, { method, headers: body === undefined ? {} : { 'content-type': contentType }, body });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${pathname} -> ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

function readCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return cpuSecondsFromStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

function readPeakRss(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return peakRssBytes(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}

async function ingest(url: string, options: EsBenchOptions, columns: DocColumns): Promise<{ seconds: number; bytes: number }> {
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  let lastReport = started;
  const take = (): { from: number; to: number; body: string } | undefined => {
    if (next >= options.docs) return undefined;
    const from = next;
    const to = Math.min(options.docs, from + options.batch);
    next = to;
    const body = bulkBody(INDEX, from, to, columns);
    bytes += Buffer.byteLength(body);
    return { from, to, body };
  };
  const worker = async (): Promise<void> => {
    let upcoming = take();
    while (upcoming !== undefined) {
      const { from, to, body } = upcoming;
      const request = call(url, 'POST', '/_bulk?refresh=false', body, 'application/x-ndjson');
      request.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
      // Generate the next body while this one is in flight (once the request has gone out), as a bulk
      // client with its next batch ready would: the harness's own JSON generation (~10 µs/doc) stays
      // off the engine's critical path.
      await new Promise<void>((resolve) => setImmediate(resolve));
      upcoming = take();
      const reply = await request;
      if (reply.errors === true) throw new Error(`bulk ${from}-${to} reported item errors: ${JSON.stringify(reply).slice(0, 500)}`);
      const now = performance.now();
      if (now - lastReport > 10_000) {
        lastReport = now;
        console.log(`  ... ${to.toLocaleString('en-US')} docs, ${Math.round(to / ((now - started) / 1000)).toLocaleString('en-US')} docs/s`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { seconds: (performance.now() - started) / 1000, bytes };
}

function sameResult(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function runEsBench(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'es-bench-'));
  const dataPath = path.join(work, 'data');
  const bundle = path.join(work, 'engine.js');
  buildSync({ entryPoints: [path.join(__dirname, 'es_engine_child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
  let engine: Engine | undefined;
  let mismatches = 0;
  try {
    engine = await startEngine(bundle, dataPath, options.taskset);
    console.log(`es bench: ${options.docs.toLocaleString('en-US')} docs, ${options.runs} runs per query, engine pid ${engine.child.pid} at ${engine.url} (started in ${formatMs(engine.startMs)})`);
    await call(engine.url, 'PUT', `/${INDEX}`, JSON.stringify({ settings: { number_of_shards: 1, number_of_replicas: 0 }, mappings: MAPPING }));

    const columns = new DocColumns(options.docs);
    const cpuBefore = readCpuSeconds(engine.child.pid);
    const { seconds, bytes } = await ingest(engine.url, options, columns);
    const cpuAfter = readCpuSeconds(engine.child.pid);
    console.log(`ingest: ${Math.round(options.docs / seconds).toLocaleString('en-US')} docs/s (${seconds.toFixed(1)} s, ${options.batch}/bulk, refresh=false, concurrency ${options.concurrency}, ${Math.round(bytes / options.docs)} B/doc on the wire)`);
    if (cpuBefore !== undefined && cpuAfter !== undefined) {
      // Wall-clock docs/s depends on what else the machine runs; the engine's own CPU per document does not.
      const cpu = cpuAfter - cpuBefore;
      console.log(`ingest engine CPU: ${cpu.toFixed(1)} s, ${((cpu * 1e6) / options.docs).toFixed(1)} µs/doc (${Math.round((100 * cpu) / seconds)}% of one core)`);
    }
    const refreshStart = performance.now();
    await call(engine.url, 'POST', `/${INDEX}/_refresh`);
    console.log(`refresh: ${formatMs(performance.now() - refreshStart)}`);

    // Transport cost alone (HTTP round trip + JSON of a tiny reply), to read the query numbers against.
    const pingMs: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const t0 = performance.now();
      await call(engine.url, 'GET', '/');
      pingMs.push(performance.now() - t0);
    }
    console.log(`HTTP round trip (GET /): p50 ${formatMs(percentile(pingMs, 50))}, p95 ${formatMs(percentile(pingMs, 95))}`);

    console.log('');
    console.log(`${'query'.padEnd(34)} ${'engine p50'.padStart(11)} ${'engine p95'.padStart(11)} ${'scan p50'.padStart(11)} ${'scan p95'.padStart(11)}  scan/engine`);
    for (const query of benchQueries(options.docs)) {
      // Correctness first: exact totals (or buckets) must equal the brute-force scan.
      for (const k of [0, 1, 2]) {
        const expected = query.scan(columns, k);
        const actual = query.fromResponse(await call(engine.url, 'POST', `/${INDEX}/_search`, JSON.stringify(query.body(k, true))));
        if (!sameResult(actual, expected)) {
          mismatches++;
          console.log(`  MISMATCH ${query.name} variant ${k}: engine ${JSON.stringify(actual)} vs scan ${JSON.stringify(expected)}`);
        }
      }
      const engineMs: number[] = [];
      const scanMs: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        const body = JSON.stringify(query.body(run, false));
        const t0 = performance.now();
        await call(engine.url, 'POST', `/${INDEX}/_search`, body);
        engineMs.push(performance.now() - t0);
      }
      const scanRuns = Math.min(options.runs, 50);
      for (let run = 0; run < scanRuns; run++) {
        const t0 = performance.now();
        query.scan(columns, run);
        scanMs.push(performance.now() - t0);
      }
      const e50 = percentile(engineMs, 50);
      const s50 = percentile(scanMs, 50);
      console.log(
        `${query.name.padEnd(34)} ${formatMs(e50).padStart(11)} ${formatMs(percentile(engineMs, 95)).padStart(11)} ${formatMs(s50).padStart(11)} ${formatMs(percentile(scanMs, 95)).padStart(11)}  ${(s50 / e50).toFixed(2)}x`,
      );
    }
    const rss = readPeakRss(engine.child.pid);
    console.log('');
    console.log(`engine peak RSS: ${rss === undefined ? 'n/a' : `${(rss / 1024 / 1024).toFixed(0)} MB`}`);

    await stopEngine(engine);
    engine = await startEngine(bundle, dataPath, options.taskset);
    const count = await call(engine.url, 'GET', `/${INDEX}/_count`);
    console.log(`cold start with ${options.docs.toLocaleString('en-US')} docs: ${formatMs(engine.startMs)} (count after restart: ${String(count.count)})`);
    if (count.count !== options.docs) {
      mismatches++;
      console.log(`  MISMATCH count after restart: ${String(count.count)} vs ${options.docs}`);
    }
  } finally {
    if (engine !== undefined) await stopEngine(engine);
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (mismatches > 0) console.log(`${mismatches} result mismatches between the engine and the scan`);
  return mismatches === 0 ? 0 : 1;
}
