/** The alerts app's triage routes on the whole platform, over seeded sample alerts on the embedded engine. */
import { seedSampleData, type GroundTruthManifest } from '../../../scripts/sample_data';
import { startTestPlatform, type TestPlatform } from '../../../test/helpers';
import { INTERNAL_API_VERSION } from '../../../common/constants';
import { triageRoutePath, type NarrativeResponse, type RelatedGraphResponse } from '../../../common/api/triage';

jest.setTimeout(180_000);

const headers = { 'elastic-api-version': INTERNAL_API_VERSION };
let t: TestPlatform;
let manifest: GroundTruthManifest;

beforeAll(async () => {
  t = await startTestPlatform({
    plugins: ['securityAiAssistant', 'securitySolution'],
    config: { spaces: [{ id: 'other', name: 'Other' }] },
  });
  manifest = (await seedSampleData({ esClient: t.es, spaceId: 'default', count: 160, seed: 7 })).manifest;
  await t.es.indices.refresh({ index: '.alerts-security.alerts-default' });
});

afterAll(async () => {
  await t?.stop();
});

const graphOf = (alertId: string, space?: string) =>
  t.get<RelatedGraphResponse>(triageRoutePath('relatedGraph', alertId), { headers, ...(space ? { space } : {}) });

describe('GET …/alerts/{alertId}/related_graph', () => {
  it('returns the seed and its related alerts, with why, consistent edges and stats', async () => {
    const incidents = manifest.scenarios.flatMap((s) => s.incidents).filter((i) => i.alert_ids.length >= 2);
    expect(incidents.length).toBeGreaterThan(0);
    let linked = 0;
    for (const incident of incidents) {
      const seed = incident.alert_ids[0];
      const res = await graphOf(seed);
      expect(res.status).toBe(200);
      const { alerts, edges, stats, nodes } = res.body;
      const ids = new Set(alerts.map((a) => a.alert_id));
      expect(ids.has(seed)).toBe(true);
      expect(alerts.find((a) => a.alert_id === seed)?.why).toEqual([]);
      expect(stats.nodes).toBe(alerts.length);
      expect(nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
      expect(stats.edges).toBe(edges.length);
      for (const edge of edges) {
        expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
        // The workflow's threshold: no link below min_entity_score 6.
        expect(edge.score).toBeGreaterThanOrEqual(6);
      }
      for (const alert of alerts.filter((a) => a.alert_id !== seed)) {
        expect(alert.why.length).toBeGreaterThan(0);
        expect(alert.why_text).not.toBe('');
      }
      expect(alerts.length).toBeLessThanOrEqual(21);
      if (alerts.some((a) => a.alert_id !== seed && incident.alert_ids.includes(a.alert_id))) linked += 1;
    }
    // The scenarios are built so that their incidents link through shared entities.
    expect(linked).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown alert and for an alert of another space, and 401 without credentials', async () => {
    expect((await graphOf('no-such-alert')).status).toBe(404);
    const seed = manifest.scenarios[0].incidents[0].alert_ids[0];
    expect((await graphOf(seed, 'other')).status).toBe(404);
    const anonymous = await t.get(triageRoutePath('relatedGraph', seed), { headers, auth: false });
    expect(anonymous.status).toBe(401);
  });
});

describe('GET …/alerts/{alertId}/narrative', () => {
  it('renders the narrative of an alert with its strategy', async () => {
    const seed = manifest.scenarios[0].incidents[0].alert_ids[0];
    const res = await t.get<NarrativeResponse>(triageRoutePath('narrative', seed), { headers });
    expect(res.status).toBe(200);
    expect(res.body.alert_id).toBe(seed);
    expect(res.body.alert_index).toContain('alerts-security.alerts-default');
    expect(res.body.strategy).not.toBe('');
    expect(res.body.text.length).toBeGreaterThan(20);
  });

  it('answers 404 for an unknown alert', async () => {
    const res = await t.get<{ message: string }>(triageRoutePath('narrative', 'no-such-alert'), { headers });
    expect(res.status).toBe(404);
    expect(res.body.message).toContain('no-such-alert');
  });
});
