import {
  buildAlertEntityGraphInputSchema,
  TRIAGE_GRAPH_ENTITY_FIELDS,
  TRIAGE_GRAPH_IGNORE_ENTITIES,
  TRIAGE_GRAPH_LIMITS,
} from '../../../../common/workflows';
import { seedSampleData, type GroundTruthManifest } from '../../../../scripts/sample_data';
import { startTestEs, type TestEs } from '../test_support/embedded_es';
import { prepareGraphConfig } from './config';
import { buildEntityGraph } from './graph_builder';
import { buildEntityGraphSequentially } from './reference_builder';

/**
 * The graph with the triage workflow's settings on the labelled sample corpus: from any alert of a true incident it
 * must find that incident's other alerts and nothing else (no SYSTEM/root users, forwarder agents, loopback,
 * metadata or NAT IPs).
 */
const SPACE = 'default';
let testEs: TestEs;
let manifest: GroundTruthManifest;

beforeAll(async () => {
  testEs = await startTestEs();
  const seeded = await seedSampleData({ esClient: testEs.client, spaceId: SPACE, count: 3000, seed: 1, now: Date.UTC(2026, 0, 10) });
  manifest = seeded.manifest;
  await testEs.client.indices.refresh({ index: `.alerts-security.alerts-${SPACE}` });
}, 180_000);
afterAll(async () => {
  await testEs.stop();
});

const config = prepareGraphConfig(
  buildAlertEntityGraphInputSchema.parse({
    alertId: 'unused',
    entity_fields: TRIAGE_GRAPH_ENTITY_FIELDS,
    ignore_entities: TRIAGE_GRAPH_IGNORE_ENTITIES,
    ...TRIAGE_GRAPH_LIMITS,
    include_seed: false,
    seed_window: '1h',
    expand_window: '1h',
  }),
);

describe('entity graph on the sample-data scenarios', () => {
  it('finds every alert of a true incident from each of its alerts (recall 1) and nothing else (precision 1)', async () => {
    const incidents = manifest.scenarios
      .filter((scenario) => scenario.expected_verdict === 'true_positive')
      .flatMap((scenario) => scenario.incidents);
    let truePositives = 0;
    let expected = 0;
    let seeds = 0;
    const unrelated: string[] = [];
    const missed: string[] = [];
    const overBudget: string[] = [];
    const recallByIncident: string[] = [];
    for (const incident of incidents) {
      const members = new Set(incident.alert_ids);
      let found = 0;
      for (const seed of incident.alert_ids) {
        const output = await buildEntityGraph({ esClient: testEs.client, spaceId: SPACE, alertId: seed, config });
        const ids = new Set(output.nodes.map((n) => n.id));
        for (const id of ids) if (!members.has(id)) unrelated.push(`${incident.incident} from ${seed}: ${id}`);
        for (const id of members) if (id !== seed && !ids.has(id)) missed.push(`${incident.incident} from ${seed}: ${id}`);
        const hits = [...ids].filter((id) => members.has(id)).length;
        found += hits;
        truePositives += hits;
        expected += members.size - 1;
        seeds += 1;
        // The seed, one round trip per round that found something, and the round that found nothing.
        if (output.stats.queries > output.stats.depth_reached + 2) overBudget.push(`${seed}: ${JSON.stringify(output.stats)}`);
      }
      const possible = members.size * (members.size - 1);
      recallByIncident.push(`${incident.incident} ${possible === 0 ? 'n/a' : (found / possible).toFixed(2)}`);
    }
    console.log(
      `scenario graphs over ${seeds} seeds: recall ${(truePositives / Math.max(1, expected)).toFixed(3)} ` +
        `(${recallByIncident.join(', ')}), unrelated alerts linked: ${unrelated.length}`,
    );
    expect(incidents.length).toBeGreaterThanOrEqual(6);
    expect(unrelated).toEqual([]);
    expect(missed).toEqual([]);
    expect(overBudget).toEqual([]);
  }, 120_000);

  it('matches the sequential reference on scenario seeds with at most half its round trips', async () => {
    let ours = 0;
    let reference = 0;
    const seeds = manifest.scenarios.flatMap((s) => s.incidents.flatMap((i) => i.alert_ids.slice(0, 4)));
    for (const seed of seeds) {
      const params = { esClient: testEs.client, spaceId: SPACE, alertId: seed, config };
      const a = await buildEntityGraph(params);
      const b = await buildEntityGraphSequentially(params);
      expect([seed, a.nodes, a.edges, a.stats.depth_reached]).toEqual([seed, b.nodes, b.edges, b.stats.depth_reached]);
      expect(a.stats.queries).toBeLessThanOrEqual(b.stats.queries);
      expect([seed, a.stats.queries <= a.stats.depth_reached + 2]).toEqual([seed, true]);
      ours += a.stats.queries;
      reference += b.stats.queries;
    }
    console.log(`round trips over ${seeds.length} scenario seeds: ours ${ours}, reference ${reference} (ratio ${(ours / reference).toFixed(2)})`);
    expect(ours * 2).toBeLessThanOrEqual(reference);
  }, 120_000);
});
