/**
 * In-process shard benchmark: 1M synthetic alert documents into one IndexShard with the alerts mapping.
 * Prints ingest docs/s, refresh cost, RSS, and a few read timings.
 * Run: npx tsx platform/elasticsearch/shard/bench_shard.ts [docs=1000000]
 */
import { IndexShard } from './index_shard';
import { testIndexSettings } from '../test_support';

const total = Number(process.argv[2] ?? 1_000_000);
const REFRESH_EVERY = 50_000;

let seed = 42;
function rand(n: number): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const words = 'process network file registry created modified suspicious powershell encoded command lateral movement credential access'.split(' ');
const severities = ['low', 'medium', 'high', 'critical'];
const statuses = ['open', 'acknowledged', 'closed'];

function makeDoc(i: number): string {
  const ts = Date.UTC(2026, 0, 1) + i * 1000;
  return JSON.stringify({
    '@timestamp': new Date(ts).toISOString(),
    'kibana.alert.uuid': `a${i.toString(16).padStart(12, '0')}-${rand(1e6)}`,
    'kibana.alert.rule.name': `Rule ${rand(100)}`,
    'kibana.alert.severity': severities[rand(4)],
    'kibana.alert.workflow_status': statuses[rand(3)],
    'kibana.alert.risk_score': rand(100),
    host: { name: `host-${rand(1000)}` },
    user: { name: `user-${rand(500)}` },
    'source.ip': `10.${rand(256)}.${rand(256)}.${rand(256)}`,
    'process.name': `proc${rand(50)}.exe`,
    'event.action': words[rand(words.length)],
    message: `${words[rand(words.length)]} ${words[rand(words.length)]} ${words[rand(words.length)]} on host-${rand(1000)} by user-${rand(500)}`,
  });
}

/** Shaped like the security alerts mapping: explicit, dynamic false, keyword-heavy, a few text multi-fields. */
const kw = { type: 'keyword', ignore_above: 1024 };
const kwText = { ...kw, fields: { text: { type: 'text' } } };
const ALERT_MAPPINGS = {
  dynamic: false,
  properties: {
    '@timestamp': { type: 'date' },
    message: { type: 'text' },
    kibana: {
      properties: {
        alert: {
          properties: {
            uuid: kw,
            severity: kw,
            workflow_status: kw,
            risk_score: { type: 'float' },
            reason: kwText,
            start: { type: 'date' },
            rule: { properties: { name: kwText, uuid: kw, tags: kw, risk_score: { type: 'float' } } },
          },
        },
      },
    },
    host: { properties: { name: kw, ip: { type: 'ip' }, os: { properties: { name: kw, family: kw } } } },
    user: { properties: { name: kw, domain: kw } },
    source: { properties: { ip: { type: 'ip' }, port: { type: 'long' } } },
    destination: { properties: { ip: { type: 'ip' }, port: { type: 'long' } } },
    process: { properties: { name: kw, pid: { type: 'long' }, command_line: kwText, executable: kw } },
    event: { properties: { action: kw, category: kw, kind: kw, outcome: kw } },
  },
};

const shard = IndexShard.create({ name: 'bench', uuid: 'u', settings: testIndexSettings({ refreshInterval: -1 }), mappings: ALERT_MAPPINGS });
let indexMs = 0;
let indexCpuMs = 0;
let baselineCpuMs = 0;
let refreshMs = 0;
let refreshCpuMs = 0;
let refreshes = 0;
let maxRefresh = 0;
let bytes = 0;
const CHUNK = 10_000;
for (let start = 0; start < total; start += CHUNK) {
  const batch: string[] = [];
  for (let i = start; i < Math.min(total, start + CHUNK); i++) batch.push(makeDoc(i));
  // baseline measured in the same run: the JSON.parse every engine must do anyway
  const b0 = process.cpuUsage();
  let keys = 0;
  for (let j = 0; j < batch.length; j++) keys += Object.keys(JSON.parse(batch[j]) as object).length;
  const b1 = process.cpuUsage(b0);
  baselineCpuMs += (b1.user + b1.system) / 1000 + (keys < 0 ? 1 : 0);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let j = 0; j < batch.length; j++) {
    shard.indexDoc(String(start + j), batch[j]);
    bytes += batch[j].length;
  }
  const c1 = process.cpuUsage(c0);
  indexCpuMs += (c1.user + c1.system) / 1000;
  indexMs += performance.now() - t0;
  if ((start + CHUNK) % REFRESH_EVERY === 0) {
    const r0 = performance.now();
    const rc0 = process.cpuUsage();
    shard.refresh();
    const rc1 = process.cpuUsage(rc0);
    refreshCpuMs += (rc1.user + rc1.system) / 1000;
    const dt = performance.now() - r0;
    refreshMs += dt;
    maxRefresh = Math.max(maxRefresh, dt);
    refreshes++;
  }
}
const r0 = performance.now();
shard.refresh();
refreshMs += performance.now() - r0;
refreshes++;
// updates (superseding docs) and deletes
const u0 = performance.now();
for (let i = 0; i < 10_000; i++) shard.updateDoc(String((i * 7) % total), { doc: { kibana: { alert: { workflow_status: 'closed' } } } });
const updMs = performance.now() - u0;
shard.refresh();
if (global.gc) global.gc();
const rss = process.memoryUsage().rss / 1e6;
const heap = process.memoryUsage().heapUsed / 1e6;

const view = shard.searchView();
function time(label: string, fn: () => number, runs = 200): void {
  const samples: number[] = [];
  let out = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label}: p50 ${samples[Math.floor(runs / 2)].toFixed(3)} ms, p95 ${samples[Math.floor(runs * 0.95)].toFixed(3)} ms (result ${out})`);
}
console.log(`docs ${total}, avg ${(bytes / total).toFixed(0)} B`);
console.log(`ingest: ${((total / indexMs) * 1000).toFixed(0)} docs/s wall, ${((total / indexCpuMs) * 1000).toFixed(0)} docs/s per CPU second (index only; the machine is shared, so CPU time is the steadier number)`);
console.log(`ingest cost: ${(indexCpuMs / baselineCpuMs).toFixed(1)}x the CPU of JSON.parse alone on the same docs; ${((indexCpuMs * 1000) / total).toFixed(1)} µs CPU per doc`);
console.log(`refresh (every ${REFRESH_EVERY} docs): ${refreshes} refreshes, total ${refreshMs.toFixed(0)} ms wall / ${refreshCpuMs.toFixed(0)} ms CPU, max ${maxRefresh.toFixed(0)} ms wall`);
console.log(`updates: ${((10_000 / updMs) * 1000).toFixed(0)} updates/s`);
console.log(`RSS ${rss.toFixed(0)} MB, heap ${heap.toFixed(0)} MB`);
let h = 0;
time('keyword postings host.name (~1000 docs) + first 10 live', () => {
  const f = view.field('host.name');
  if (f?.kind !== 'terms') return -1;
  const p = f.postings(`host-${h++ % 1000}`) ?? new Int32Array(0);
  let n = 0;
  for (let i = 0; i < p.length && n < 10; i++) if (view.isLive(p[i])) n++;
  return p.length;
});
time('keyword postings workflow_status=open (~333k docs), count live', () => {
  const f = view.field('kibana.alert.workflow_status');
  if (f?.kind !== 'terms') return -1;
  const p = f.postings('open') ?? new Int32Array(0);
  let n = 0;
  for (let i = 0; i < p.length; i++) if (view.isLive(p[i])) n++;
  return n;
}, 50);
time('range @timestamp last hour', () => {
  const f = view.field('@timestamp');
  if (f?.kind !== 'numeric') return -1;
  const end = Date.UTC(2026, 0, 1) + total * 1000;
  return f.range(end - 3_600_000, end).length;
});
time('range risk_score 90..99 (~100k)', () => {
  const f = view.field('kibana.alert.risk_score');
  if (f?.kind !== 'numeric') return -1;
  return f.range(90, 99).length;
}, 50);
time('text postings message:powershell', () => {
  const f = view.field('message');
  if (f?.kind !== 'text') return -1;
  return f.postings('powershell')?.docs.length ?? 0;
}, 50);
time('terms() of host.name', () => {
  const f = view.field('host.name');
  return f?.kind === 'terms' ? f.terms().length : -1;
}, 20);
