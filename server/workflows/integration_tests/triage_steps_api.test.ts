/**
 * The triage steps through the path users and scripts take: `POST /api/workflows/test` with a YAML using the steps,
 * then `GET /api/workflows/executions/{id}` for their outputs, on alerts indexed into the embedded engine.
 */
import { startTestPlatform, type TestPlatform } from '../../../test/helpers';
import { seedSampleData } from '../../../scripts/sample_data';

jest.setTimeout(120_000);

const ALERTS_INDEX = '.alerts-security.alerts-default';

interface StepRecord {
  stepId: string;
  status: string;
  output?: Record<string, unknown>;
  error?: { type: string; message: string };
}
interface Execution {
  status: string;
  error?: { message: string };
  stepExecutions: StepRecord[];
}

let t: TestPlatform;
let alertId: string;

async function testRun(yaml: string): Promise<Execution> {
  const res = await t.post<{ workflowExecutionId: string; message?: string }>('/api/workflows/test', { workflowYaml: yaml });
  expect(res.status).toBe(200);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const e = await t.get<Execution>(`/api/workflows/executions/${res.body.workflowExecutionId}`);
    if (['completed', 'failed', 'cancelled', 'timed_out'].includes(e.body.status)) return e.body;
    if (Date.now() > deadline) throw new Error('execution did not finish');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const workflow = (steps: string) => `version: "1"
name: Triage steps test
triggers:
  - type: manual
steps:
${steps}`;

beforeAll(async () => {
  t = await startTestPlatform({ plugins: ['securityAiAssistant', 'securitySolution', 'workflowsManagement'] });
  await seedSampleData({ esClient: t.es, spaceId: 'default', count: 160, seed: 3 });
  await t.es.indices.refresh({ index: ALERTS_INDEX });
  const hit = await t.es.search({ index: ALERTS_INDEX, size: 1, query: { exists: { field: 'process.name' } }, sort: [{ '@timestamp': 'desc' }] });
  alertId = hit.hits.hits[0]._id ?? '';
});

afterAll(async () => {
  await t?.stop();
});

describe('triage steps through the workflows API', () => {
  it('renders a narrative and builds the related-alert graph, in one batch for several alerts', async () => {
    const execution = await testRun(
      workflow(`  - name: narrative
    type: security.renderAlertNarrative
    with:
      alertId: "${alertId}"
  - name: graph
    type: security.buildAlertEntityGraph
    with:
      alertId: "${alertId}"
      entity_fields:
        - { field: host.name, score: 2 }
        - { field: user.name, score: 2 }
      min_entity_score: 2
  - name: batch
    type: security.renderAlertNarrative
    with:
      alertIds: "\${{ steps.graph.output.alerts | map: 'alert_id' }}"
`),
    );
    expect(execution.status).toBe('completed');
    const byId = Object.fromEntries(execution.stepExecutions.map((s) => [s.stepId, s]));
    expect(byId.narrative.output).toMatchObject({ alert_id: alertId });
    expect(String(byId.narrative.output?.timeline_string)).toMatch(/\w+/);

    const graph = byId.graph.output as { alerts: Array<{ alert_id: string; why: unknown[]; why_text: string }>; stats: { queries: number } };
    expect(graph.alerts[0].alert_id).toBe(alertId);
    expect(graph.stats.queries).toBeGreaterThan(0);
    for (const related of graph.alerts.slice(1)) {
      expect(related.why.length).toBeGreaterThan(0);
      expect(related.why_text).toMatch(/score/);
    }
    const batch = byId.batch.output as { narratives: Array<{ alert_id: string; found: boolean }> };
    expect(batch.narratives.map((n) => n.alert_id)).toEqual(graph.alerts.map((a) => a.alert_id));
    expect(batch.narratives.every((n) => n.found)).toBe(true);
  });

  it('fails the step with an error naming an unknown alert id', async () => {
    const execution = await testRun(
      workflow(`  - name: narrative
    type: security.renderAlertNarrative
    with:
      alertId: "no-such-alert"
`),
    );
    expect(execution.status).toBe('failed');
    expect(execution.stepExecutions[0].error?.message).toContain('no-such-alert');
  });

  it('rejects malformed entity_fields before running, with the path in the message', async () => {
    const res = await t.post<{ message: string; attributes?: { diagnostics?: Array<{ message: string; path: unknown[]; line: number }> } }>('/api/workflows/test', {
      workflowYaml: workflow(`  - name: graph
    type: security.buildAlertEntityGraph
    with:
      alertId: "${alertId}"
      entity_fields:
        - { score: 2 }
`),
    });
    expect(res.status).toBe(400);
    const diagnostic = res.body.attributes?.diagnostics?.find((d) => d.path.includes('entity_fields'));
    expect(diagnostic).toBeDefined();
    expect(diagnostic?.line).toBeGreaterThan(0);
  });

  it('rejects an alert index outside the space with a clear error', async () => {
    const execution = await testRun(
      workflow(`  - name: graph
    type: security.buildAlertEntityGraph
    with:
      alertId: "${alertId}"
      alertIndex: ".alerts-security.alerts-other-space"
`),
    );
    expect(execution.status).toBe('failed');
    expect(execution.stepExecutions[0].error?.message).toMatch(/space/i);
  });
});
