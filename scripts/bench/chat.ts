/**
 * `npm run bench -- chat [--runs=N] [--no-http]`: what the chat adds before the first token, and what
 * anonymization costs. Prints numbers and ratios against baselines measured in the same run; never asserts.
 *
 * 1. Time to first token: the fake LLM streams immediately. Baseline = the same connector client called
 *    directly; measured = the orchestrator in-process (in-memory storage) and, unless --no-http, the whole
 *    platform over HTTP (embedded Elasticsearch storage, NDJSON).
 * 2. Anonymization: a 300-field alert serialized through the engine (§5.4) vs plain JSON.stringify.
 */
import { performance } from 'node:perf_hooks';
import { createFieldPolicy, createReplacementsStore, serializeContext, type FieldRule } from '../../common/anonymization';
import { chatCompleteRequestSchema } from '../../common/api/chat';
import { createChatEventDecoder } from '../../common/chat';
import { prepareChat } from '../../server/assistant';
import { createInMemoryData, createMemoryAlertsSearch, createTestActions, silentLogger, testConfig } from '../../server/assistant/test_support/in_memory_clients';
import { startFakeLlm, type FakeLlm } from '../../test/fake_llm';
import { startTestPlatform } from '../../test/helpers';
import { percentile } from './stats';

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

function summarize(label: string, samples: number[], baseline?: number[]): void {
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  const ratio = baseline ? `  (×${(p50 / percentile(baseline, 50)).toFixed(2)} p50, ×${(p95 / percentile(baseline, 95)).toFixed(2)} p95 vs direct)` : '';
  console.log(`${label.padEnd(44)} p50 ${fmt(p50).padStart(10)}  p95 ${fmt(p95).padStart(10)}${ratio}`);
}

async function directFirstToken(llm: FakeLlm, runs: number): Promise<number[]> {
  const actions = createTestActions(llm.baseUrl);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const client = await actions.getChatClient('fake-connector', { spaceId: 'default' });
    const start = performance.now();
    let first: number | undefined;
    for await (const event of client.stream({ messages: [{ role: 'user', content: `hello ${i}` }] })) {
      if (event.type === 'content' && first === undefined) first = performance.now() - start;
    }
    samples.push(first ?? Number.NaN);
  }
  return samples;
}

async function orchestratorFirstToken(llm: FakeLlm, runs: number): Promise<number[]> {
  const data = createInMemoryData({ policy: [{ field: 'host.name', allowed: true, anonymized: true }] });
  const deps = {
    actions: createTestActions(llm.baseUrl),
    dataClients: data.clients,
    searchAlerts: createMemoryAlertsSearch([]),
    config: testConfig(),
    logger: silentLogger(),
    scope: { spaceId: 'default', user: { name: 'bench' } },
    canLoosenAnonymization: false,
  };
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    let first: number | undefined;
    const prepared = await prepareChat(chatCompleteRequestSchema.parse({ message: `hello ${i}`, conversation: { title: 'bench' } }), deps);
    await prepared.run((e) => {
      if (e.type === 'content' && first === undefined) first = performance.now() - start;
    }, new AbortController().signal);
    samples.push(first ?? Number.NaN);
  }
  return samples;
}

async function httpFirstToken(llm: FakeLlm, runs: number): Promise<number[]> {
  const t = await startTestPlatform({
    plugins: ['securityAiAssistant', 'actions'],
    config: {
      'xpack.actions.preconfigured': {
        'fake-llm': { name: 'Fake LLM', actionTypeId: '.gen-ai', config: { apiProvider: 'Other', apiUrl: llm.baseUrl, defaultModel: 'fake-model' }, secrets: {} },
      },
    },
  });
  try {
    const samples: number[] = [];
    const auth = `Basic ${Buffer.from(`elastic:${t.password}`).toString('base64')}`;
    for (let i = 0; i < runs + 3; i += 1) {
      const start = performance.now();
      let first: number | undefined;
      const res = await fetch(`${t.url}/api/security_ai_assistant/chat/complete`, {
        method: 'POST',
        headers: { authorization: auth, 'kbn-xsrf': 'bench', 'content-type': 'application/json' },
        body: JSON.stringify({ message: `hello ${i}`, conversation: { title: 'bench' } }),
      });
      if (!res.body) throw new Error(`chat answered ${res.status} without a body`);
      const decoder = createChatEventDecoder();
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const e of decoder.push(value)) if (e.type === 'content' && first === undefined) first = performance.now() - start;
      }
      // The first runs create the storage indices: warm-up, not measured.
      if (i >= 3) samples.push(first ?? Number.NaN);
    }
    return samples;
  } finally {
    await t.stop();
  }
}

function alertWith300Fields(): { doc: Record<string, string>; rules: FieldRule[] } {
  const doc: Record<string, string> = {};
  const rules: FieldRule[] = [];
  for (let i = 0; i < 300; i += 1) {
    const field = `group${i % 12}.field_${i}`;
    const kind = i % 6 === 0 ? 'denied' : i % 3 === 0 ? 'anonymized' : 'allowed';
    doc[field] =
      kind === 'allowed'
        ? `process started by host-${(i * 7) % 300} user-${(i * 11) % 300} with args --flag value-${i} C:\\Temp\\x${i}.exe`
        : `${kind === 'denied' ? 'secret' : 'host'}-${i}`;
    rules.push({ field, allowed: kind !== 'denied', anonymized: kind === 'anonymized' });
  }
  return { doc, rules };
}

function throughput(label: string, fields: number, fn: () => unknown, minMs = 1_500): number {
  for (let i = 0; i < 20; i += 1) fn();
  let iterations = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    iterations += 1;
  }
  const perSecond = (iterations * fields) / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(44)} ${Math.round(perSecond).toLocaleString('en-US').padStart(14)} fields/s  (${((performance.now() - start) / iterations).toFixed(3)} ms per alert)`);
  return perSecond;
}

export async function run(argv: readonly string[]): Promise<number> {
  const runs = Number(argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 40);
  const http = !argv.includes('--no-http');
  const llm = await startFakeLlm();
  llm.setHandler(() => ({ content: 'first token right away, then the rest of a short answer', chunkSize: 16 }));
  try {
    console.log(`chat bench: ${runs} runs per measurement, fake LLM streaming immediately`);
    await directFirstToken(llm, 5);
    const direct = await directFirstToken(llm, runs);
    summarize('first token, connector client directly', direct);
    await orchestratorFirstToken(llm, 5);
    summarize('first token, orchestrator (in-memory storage)', await orchestratorFirstToken(llm, runs), direct);
    if (http) summarize('first token, HTTP route (embedded ES storage)', await httpFirstToken(llm, runs), direct);
  } finally {
    await llm.close();
  }

  const { doc, rules } = alertWith300Fields();
  const policy = createFieldPolicy(rules);
  const json = throughput('JSON.stringify (baseline)', 300, () => JSON.stringify(doc));
  const anon = throughput('serializeContext, fresh conversation', 300, () =>
    serializeContext({ id: 'a', category: 'alert', description: 'bench', document: doc, policy, store: createReplacementsStore() }),
  );
  const store = createReplacementsStore();
  const warm = throughput('serializeContext, tokens already issued', 300, () =>
    serializeContext({ id: 'a', category: 'alert', description: 'bench', document: doc, policy, store }),
  );
  console.log(`anonymization vs JSON.stringify: ×${(json / anon).toFixed(1)} slower (fresh), ×${(json / warm).toFixed(1)} slower (warm)`);
  return 0;
}
