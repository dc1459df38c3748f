import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { renderNarrative } from '../../../../common/narrative';
import {
  buildAlertEntityGraphInputSchema,
  renderAlertNarrativeInputSchema,
  TRIAGE_GRAPH_ENTITY_FIELDS,
  TRIAGE_GRAPH_IGNORE_ENTITIES,
  TRIAGE_GRAPH_LIMITS,
} from '../../../../common/workflows';
import { startEmbeddedElasticsearch } from '../../../../platform/elasticsearch';
import { alertsIndexName } from '../../../../platform/plugins/security_solution/common/constants';
import { generateSampleAlerts, seedSampleData } from '../../../../scripts/sample_data';
import { buildEntityGraph, buildEntityGraphSequentially, prepareGraphConfig } from '../build_alert_entity_graph';
import { renderAlertNarrativeHandler } from '../render_alert_narrative';
import type { StepLogger } from '../step_context';

export interface TriageBenchOptions {
  /** Alerts seeded into the embedded engine (default 100,000). */
  readonly alerts?: number;
  /** Seed alerts taken from the labelled scenarios (default 50). */
  readonly graphSeeds?: number;
  readonly log?: (line: string) => void;
}

export interface TriageBenchResult {
  readonly alerts: number;
  readonly seedMs: number;
  readonly graph: {
    readonly seeds: number;
    readonly identical: number;
    readonly ours: { readonly roundTrips: number; readonly ms: number };
    readonly reference: { readonly roundTrips: number; readonly ms: number };
    /** Graphs whose round trips exceeded depth_reached + 2. */
    readonly overBudget: number;
  };
  readonly narrative: {
    readonly pureRendered: number;
    readonly purePerSecond: number;
    readonly batchAlerts: number;
    readonly batchPerSecond: number;
  };
}

const quietLogger: StepLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * `npm run bench -- triage`: the batched entity graph against the sequential reference on the same engine in the same
 * run (round trips and wall time per graph, identical results required), and narrative throughput (pure rendering,
 * and the batch step through one `_mget` per 100 alerts). Numbers are reported as ratios, never asserted.
 */
export async function runTriageBench(options: TriageBenchOptions = {}): Promise<TriageBenchResult> {
  const total = options.alerts ?? 100_000;
  const seedCount = options.graphSeeds ?? 50;
  const log = options.log ?? ((line: string) => console.log(line));
  const spaceId = 'default';
  const now = Date.UTC(2026, 0, 10);
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-bench-'));
  const es = await startEmbeddedElasticsearch({ port: 0, host: '127.0.0.1', dataPath, logger: silent });
  const client = new Client({ node: es.url, requestTimeout: 600_000 });
  try {
    const seedStart = performance.now();
    const seeded = await seedSampleData({ esClient: client, spaceId, count: total, seed: 1, now, batchSize: 5000 });
    await client.indices.refresh({ index: alertsIndexName(spaceId) });
    const seedMs = performance.now() - seedStart;
    log(`seeded ${seeded.indexed} alerts in ${(seedMs / 1000).toFixed(1)} s`);

    const scenarioIds = seeded.manifest.scenarios.flatMap((s) => s.incidents.flatMap((i) => i.alert_ids));
    const seeds = Array.from({ length: seedCount }, (_, i) => scenarioIds[i % scenarioIds.length]);
    const config = prepareGraphConfig(
      buildAlertEntityGraphInputSchema.parse({
        alertId: 'bench',
        entity_fields: TRIAGE_GRAPH_ENTITY_FIELDS,
        ignore_entities: TRIAGE_GRAPH_IGNORE_ENTITIES,
        ...TRIAGE_GRAPH_LIMITS,
        include_seed: false,
      }),
    );
    let identical = 0;
    let overBudget = 0;
    const ours = { roundTrips: 0, ms: 0 };
    const reference = { roundTrips: 0, ms: 0 };
    for (const alertId of seeds) {
      const params = { esClient: client, spaceId, alertId, config };
      const t0 = performance.now();
      const a = await buildEntityGraph(params);
      const t1 = performance.now();
      const b = await buildEntityGraphSequentially(params);
      const t2 = performance.now();
      ours.roundTrips += a.stats.queries;
      ours.ms += t1 - t0;
      reference.roundTrips += b.stats.queries;
      reference.ms += t2 - t1;
      if (JSON.stringify([a.nodes, a.edges]) === JSON.stringify([b.nodes, b.edges])) identical += 1;
      if (a.stats.queries > a.stats.depth_reached + 2) overBudget += 1;
    }
    log(
      `graph (${seeds.length} scenario seeds): identical ${identical}/${seeds.length}; round trips per graph ` +
        `ours ${(ours.roundTrips / seeds.length).toFixed(2)} vs reference ${(reference.roundTrips / seeds.length).toFixed(2)} ` +
        `(ratio ${(ours.roundTrips / reference.roundTrips).toFixed(2)}); wall time per graph ours ` +
        `${(ours.ms / seeds.length).toFixed(1)} ms vs reference ${(reference.ms / seeds.length).toFixed(1)} ms ` +
        `(ratio ${(ours.ms / reference.ms).toFixed(2)}); graphs over depth_reached + 2 round trips: ${overBudget}`,
    );

    // Pure rendering, timed without the generator: documents are generated in chunks, then rendered.
    let pureMs = 0;
    let pureRendered = 0;
    let chunk: Array<Record<string, unknown>> = [];
    const renderChunk = () => {
      const start = performance.now();
      for (const doc of chunk) renderNarrative(doc);
      pureMs += performance.now() - start;
      pureRendered += chunk.length;
      chunk = [];
    };
    for (const sample of generateSampleAlerts({ count: total, seed: 1, spaceId, now })) {
      chunk.push(sample.doc);
      if (chunk.length === 10_000) renderChunk();
    }
    renderChunk();

    const batchIds = [...seeded.manifest.scenarios.flatMap((s) => s.incidents.flatMap((i) => i.alert_ids))];
    for (const sample of generateSampleAlerts({ count: Math.min(total, 2000), seed: 1, spaceId, now })) {
      if (batchIds.length >= 2000) break;
      if (!batchIds.includes(sample.id)) batchIds.push(sample.id);
    }
    const index = alertsIndexName(spaceId);
    const batchStart = performance.now();
    let batchAlerts = 0;
    for (let i = 0; i < batchIds.length; i += 100) {
      const input = renderAlertNarrativeInputSchema.parse({
        alertIds: batchIds.slice(i, i + 100).map((id) => ({ alert_id: id, alert_index: index })),
      });
      const result = await renderAlertNarrativeHandler({
        input,
        contextManager: { getContext: () => ({ workflow: { spaceId } }), getScopedEsClient: () => client },
        logger: quietLogger,
        abortSignal: new AbortController().signal,
      });
      if ('error' in result) throw result.error;
      batchAlerts += result.output.narratives.length - result.output.errors;
    }
    const batchMs = performance.now() - batchStart;
    const narrative = {
      pureRendered,
      purePerSecond: pureRendered / (pureMs / 1000),
      batchAlerts,
      batchPerSecond: batchAlerts / (batchMs / 1000),
    };
    log(
      `narrative: ${narrative.purePerSecond.toFixed(0)} narratives/s pure rendering (${pureRendered} alerts); ` +
        `${narrative.batchPerSecond.toFixed(0)} alerts/s through the batch step (${batchAlerts} alerts, one _mget per 100)`,
    );
    return { alerts: seeded.indexed, seedMs, graph: { seeds: seeds.length, identical, ours, reference, overBudget }, narrative };
  } finally {
    await client.close();
    await es.stop();
    fs.rmSync(dataPath, { recursive: true, force: true });
  }
}
