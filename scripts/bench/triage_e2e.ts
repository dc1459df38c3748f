/**
 * `npm run bench -- triage_e2e [--alerts N] [--store M]`: the preinstalled `security.alert.validation` workflow on N
 * alerts (default 1,000) over a store of M sample alerts (default 100,000), one run per alert as rule actions start
 * them, at the workflow's own concurrency, with a zero-latency fake LLM. Elasticsearch sits behind a counting proxy,
 * so every round trip the platform makes during triage is counted. Prints alerts/s, round trips per alert by
 * endpoint, and the mean time per step; it never asserts.
 */
import fs from 'node:fs';
import http from 'node:http';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from '@elastic/elasticsearch';
import { startEmbeddedElasticsearch } from '../../platform/elasticsearch';
import type { WorkflowsExecutionEngineStart } from '../../platform/plugins/workflows_execution_engine/server/contract';
import { startFakeLlm } from '../../test/fake_llm';
import { startTestPlatform } from '../../test/helpers';
import { seedSampleData } from '../sample_data';
import { PREINSTALLED_WORKFLOWS } from '../../server/workflows/bootstrap';

interface Options {
  alerts: number;
  store: number;
  /** Writes a V8 CPU profile of the triage phase only (not start-up or seeding) to this file. */
  profile?: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { alerts: 1000, store: 100_000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const raw = argv[++i];
    if (flag === '--profile') {
      if (raw === undefined || raw === '') throw new Error('--profile needs a file name');
      options.profile = path.resolve(raw);
      continue;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive integer`);
    if (flag === '--alerts') options.alerts = value;
    else if (flag === '--store') options.store = value;
    else throw new Error(`unknown option ${flag} (expected --alerts, --store, --profile)`);
  }
  return options;
}

/** A CPU profiler on this process (the embedded engine runs in it too), started and stopped around one phase. */
function startCpuProfile(file: string): () => Promise<void> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  const started = post('Profiler.enable').then(() => post('Profiler.start'));
  return async () => {
    await started;
    const result = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(file, JSON.stringify(result.profile));
    session.disconnect();
    console.log(`CPU profile of the triage phase: ${file}`);
  };
}

/** Groups a request into the endpoint it calls (`_search`, `_mget`, `_doc`…) and its index, ignoring ids. */
export function endpointOf(method: string, url: string): { endpoint: string; index: string } {
  const pathname = url.split('?')[0];
  const parts = pathname.split('/').filter((part) => part !== '');
  const action = parts.find((part) => part.startsWith('_'));
  const first = parts[0];
  const index = first === undefined || first.startsWith('_') ? '' : decodeURIComponent(first);
  return { endpoint: `${method} ${action ?? (pathname === '/' ? '/' : '<index>')}`, index };
}

interface ProxyCounts {
  /** Round trips per endpoint. */
  byEndpoint: Map<string, number>;
  /** Round trips and request bytes per endpoint and index. */
  byIndex: Map<string, { n: number; bytes: number }>;
}

/** An HTTP proxy in front of Elasticsearch that counts requests per endpoint and index while `counting` is on. */
async function startCountingProxy(target: string) {
  let counts: ProxyCounts = { byEndpoint: new Map(), byIndex: new Map() };
  let counting = false;
  const targetUrl = new URL(target);
  const server = http.createServer((req, res) => {
    let key: string | undefined;
    if (counting) {
      const { endpoint, index } = endpointOf(req.method ?? 'GET', req.url ?? '/');
      counts.byEndpoint.set(endpoint, (counts.byEndpoint.get(endpoint) ?? 0) + 1);
      key = `${endpoint} ${index}`;
      const entry = counts.byIndex.get(key) ?? { n: 0, bytes: 0 };
      entry.n += 1;
      counts.byIndex.set(key, entry);
    }
    const upstream = http.request(
      { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      res.writeHead(502);
      res.end(error.message);
    });
    const tally = counts.byIndex;
    if (key !== undefined) {
      const counted = key;
      req.on('data', (chunk: Buffer) => {
        const entry = tally.get(counted);
        if (entry) entry.bytes += chunk.length;
      });
    }
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    start: () => {
      counts = { byEndpoint: new Map(), byIndex: new Map() };
      counting = true;
    },
    stop: (): ProxyCounts => {
      counting = false;
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function run(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-triage-e2e-'));
  const es = await startEmbeddedElasticsearch({ port: 0, dataPath: path.join(dir, 'es'), logger: { info: () => {}, warn: () => {}, error: console.error } });
  const proxy = await startCountingProxy(es.url);
  const llm = await startFakeLlm();
  // A zero-latency model: a confident verdict for every alert (true positive, so no alert is closed mid-run).
  llm.setHandler(() => ({
    json: { classification: 'true_positive', confidence_score: 0.7, rationale: 'Benchmark verdict.', contributing_factors: ['bench'], related_alert_ids: [] },
  }));
  const t = await startTestPlatform({
    plugins: ['securityAiAssistant', 'securitySolution', 'workflowsManagement', 'actions'],
    dataPath: path.join(dir, 'kibana'),
    config: {
      'elasticsearch.hosts': [proxy.url],
      'feature_flags.overrides': { 'securitySolution.preinstalledWorkflowsEnabled': true },
      'xpack.actions.preconfigured': {
        'bench-llm': {
          name: 'Bench LLM',
          actionTypeId: '.gen-ai',
          config: { apiProvider: 'Other', apiUrl: `${llm.baseUrl}/chat/completions`, defaultModel: 'fake-model' },
          secrets: { apiKey: 'sk-bench' },
        },
      },
    },
  });
  try {
    const direct = new Client({ node: es.url });
    const seedStarted = Date.now();
    await seedSampleData({ esClient: direct, spaceId: 'default', count: options.store, seed: 42 });
    await direct.indices.refresh({ index: '.alerts-security.alerts-default' });
    console.log(`seeded ${options.store} alerts in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const workflowId = PREINSTALLED_WORKFLOWS[0].id;
    for (let i = 0; ; i++) {
      const wf = await t.get<{ valid: boolean }>(`/api/workflows/workflow/${workflowId}`);
      if (wf.status === 200 && wf.body.valid) break;
      if (i > 300) throw new Error('the preinstalled workflow was not installed');
      await new Promise((r) => setTimeout(r, 200));
    }
    const picked = await direct.search({
      index: '.alerts-security.alerts-default',
      size: options.alerts,
      query: { term: { 'kibana.alert.workflow_status': 'open' } },
      sort: [{ '@timestamp': 'desc' }],
      _source: false,
    });
    const alerts = picked.hits.hits.map((h) => ({ _id: h._id ?? '', _index: h._index }));
    const engine = t.platform.pluginsStart.get('workflowsExecutionEngine') as WorkflowsExecutionEngineStart;

    const stopProfile = options.profile ? startCpuProfile(options.profile) : undefined;
    proxy.start();
    const cpuBefore = process.cpuUsage();
    const started = Date.now();
    const ids: string[] = [];
    for (const alert of alerts) {
      const res = await t.post<{ workflowExecutionId: string }>(`/api/workflows/workflow/${workflowId}/run`, {
        inputs: { event: { triggerType: 'alert', alertIds: [alert] } },
      });
      if (res.status !== 200) throw new Error(`run failed: ${res.status} ${res.text}`);
      ids.push(res.body.workflowExecutionId);
    }
    const statuses = await Promise.all(ids.map((id) => engine.waitForCompletion(id, 3_600_000)));
    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const counts = proxy.stop();
    await stopProfile?.();
    const llmCalls = llm.chatRequests().length;

    const total = [...counts.byEndpoint.values()].reduce((a, b) => a + b, 0);
    const byStatus = statuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    console.log(`\ntriaged ${alerts.length} alerts over a ${options.store}-alert store in ${seconds.toFixed(1)} s: ${(alerts.length / seconds).toFixed(2)} alerts/s (statuses ${JSON.stringify(byStatus)}, LLM calls ${llmCalls})`);
    // CPU time holds up better than wall time on a machine shared with other work (the engine runs in this process).
    console.log(`CPU: ${((cpu.user + cpu.system) / 1000 / alerts.length).toFixed(0)} ms per alert (platform, embedded Elasticsearch and fake LLM in one process)`);
    console.log(`Elasticsearch round trips: ${total} = ${(total / alerts.length).toFixed(1)} per alert`);
    for (const [endpoint, n] of [...counts.byEndpoint.entries()].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${endpoint.padEnd(36)} ${String(n).padStart(7)}  ${(n / alerts.length).toFixed(2)}/alert`);
    }
    console.log('by endpoint and index (round trips per alert, mean request size):');
    for (const [key, { n, bytes }] of [...counts.byIndex.entries()].sort((a, b) => b[1].n - a[1].n)) {
      console.log(`  ${key.padEnd(64)} ${(n / alerts.length).toFixed(2).padStart(6)}/alert  ${(bytes / n / 1024).toFixed(1).padStart(7)} KiB`);
    }

    // A failed run is reported with its error and failing step, never only counted.
    for (const [i, id] of ids.entries()) {
      if (statuses[i] === 'completed') continue;
      const detail = await engine.getExecution('default', id, { includeInput: false, includeOutput: false });
      const failedStep = detail?.stepExecutions.find((step) => step.error);
      console.log(
        `  ${statuses[i]} execution ${id} (alert ${alerts[i]}): ${detail?.error?.type ?? '?'}: ${detail?.error?.message ?? '?'}` +
          (failedStep ? ` [step ${failedStep.stepId}: ${failedStep.error?.type}: ${failedStep.error?.message}]` : ''),
      );
    }

    // Mean time per step over a sample of executions.
    const perStep = new Map<string, { ms: number; n: number }>();
    for (const id of ids.slice(0, 50)) {
      const detail = await engine.getExecution('default', id, { includeInput: false, includeOutput: false });
      for (const step of detail?.stepExecutions ?? []) {
        const entry = perStep.get(step.stepId) ?? { ms: 0, n: 0 };
        entry.ms += step.executionTimeMs ?? 0;
        entry.n += 1;
        perStep.set(step.stepId, entry);
      }
    }
    console.log('\nmean time per step (first 50 executions):');
    for (const [step, { ms, n }] of [...perStep.entries()].sort((a, b) => b[1].ms / b[1].n - a[1].ms / a[1].n)) {
      console.log(`  ${step.padEnd(28)} ${(ms / n).toFixed(1).padStart(8)} ms  (${n} records)`);
    }
  } finally {
    await t.stop();
    await llm.close();
    await proxy.close();
    await es.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}
