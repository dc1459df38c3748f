/**
 * Alert-driven runs (workflow-engine §6.2) and the run dialog's alert picker over seeded sample alerts: KQL search
 * with a time range, `alertIds` resolved by mget into `event.alerts` + `event.rule`, and the 400s.
 */
import { startTestPlatform, type TestPlatform } from '../../../../../test/helpers';
import type { SearchAlertsResponse, WorkflowDetail, WorkflowsErrorBody } from '../../common';
import { waitForExecution } from './helpers';

jest.setTimeout(120_000);

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({
    plugins: ['workflowsManagement', 'securitySolution'],
    config: { 'sampleData.enabled': true, 'xpack.securitySolution.sampleData.count': 150, spaces: [{ id: 'team-a', name: 'Team A' }] },
  });
});

afterAll(async () => {
  await t?.stop();
});

const ALERT_YAML = `name: Alert summary
triggers:
  - type: alert
steps:
  - name: summarize
    type: data.set
    with:
      count: "\${{ event.alerts | size }}"
      rule_id: "{{ event.rule.id }}"
      rule_name: "{{ event.rule.name }}"
      first_host: "{{ event.alerts[0].host.name }}"
      first_id: "{{ event.alerts[0]._id }}"
      space: "{{ event.spaceId }}"
  - name: raw_event
    type: data.set
    with:
      rule: "\${{ event.rule }}"
      first: "\${{ event.alerts[0] }}"
`;

const searchAlerts = async (body: Record<string, unknown>, space?: string) => {
  const res = await t.post<SearchAlertsResponse>('/internal/workflows/alerts/_search', body, space ? { space } : {});
  expect(res.status).toBe(200);
  return res.body;
};

describe('alert picker search', () => {
  it('lists recent alerts newest first with the table columns, filtered by KQL', async () => {
    const all = await searchAlerts({ from: 'now-30d', size: 100 });
    expect(all.total).toBeGreaterThan(0);
    expect(all.alerts.length).toBe(Math.min(100, all.total));
    const first = all.alerts[0];
    expect(first).toEqual(
      expect.objectContaining({ _id: expect.any(String), _index: expect.stringContaining('.alerts-security.alerts-default'), ruleName: expect.any(String), severity: expect.any(String), status: 'open' }),
    );
    const stamps = all.alerts.map((a) => a['@timestamp']);
    expect([...stamps].sort().reverse()).toEqual(stamps);

    const rule = first?.ruleName ?? '';
    const byRule = await searchAlerts({ from: 'now-30d', size: 100, query: `kibana.alert.rule.name: "${rule}"` });
    expect(byRule.total).toBeGreaterThan(0);
    expect(byRule.alerts.every((a) => a.ruleName === rule)).toBe(true);
    const notRule = await searchAlerts({ from: 'now-30d', size: 100, query: `not kibana.alert.rule.name: "${rule}"` });
    expect(notRule.total + byRule.total).toBe(all.total);
    const sevs = await searchAlerts({ from: 'now-30d', size: 100, query: 'kibana.alert.severity: (high or critical)' });
    expect(sevs.alerts.every((a) => a.severity === 'high' || a.severity === 'critical')).toBe(true);

    expect((await searchAlerts({ from: 'now-30d', size: 3 })).alerts).toHaveLength(3);
    expect((await searchAlerts({ from: 'now-30d', to: 'now-29d' })).total).toBeLessThan(all.total);
    expect((await searchAlerts({ from: 'now-30d' }, 'team-a')).total).toBe(0);
  });

  it('answers 400 for broken KQL and sizes over 100', async () => {
    const bad = await t.post<WorkflowsErrorBody>('/internal/workflows/alerts/_search', { query: 'host.name:(a or' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^Invalid KQL query: /);
    expect((await t.post('/internal/workflows/alerts/_search', { size: 101 })).status).toBe(400);
  });
});

describe('runs with alerts', () => {
  let workflow: WorkflowDetail;
  beforeAll(async () => {
    workflow = (await t.post<WorkflowDetail>('/api/workflows/workflow', { yaml: ALERT_YAML })).body;
    expect(workflow.valid).toBe(true);
  });

  it('fetches the picked alerts, expands dotted keys and builds rule from the first alert', async () => {
    const { alerts } = await searchAlerts({ from: 'now-30d', size: 2 });
    const alertIds = alerts.map((a) => ({ _id: a._id, _index: a._index }));
    const res = await t.post<{ workflowExecutionId: string }>(`/api/workflows/workflow/${workflow.id}/run`, { inputs: { event: { triggerType: 'alert', alertIds } } });
    expect(res.status).toBe(200);
    const execution = await waitForExecution(t, res.body.workflowExecutionId);
    expect(execution).toMatchObject({ status: 'completed', triggeredBy: 'manual' });
    const raw = await t.es.get<Record<string, unknown>>({ index: alerts[0]?._index ?? '', id: alerts[0]?._id ?? '' });
    const source = raw._source ?? {};
    const ruleUuid = source['kibana.alert.rule.uuid'] ?? (source as { kibana?: { alert?: { rule?: { uuid?: string } } } }).kibana?.alert?.rule?.uuid;
    expect(execution.stepExecutions[0]?.output).toEqual({
      count: 2,
      rule_id: ruleUuid,
      rule_name: alerts[0]?.ruleName,
      first_host: alerts[0]?.hostName ?? '',
      first_id: alerts[0]?._id,
      space: 'default',
    });
    const rawEvent = execution.stepExecutions[1]?.output as { rule: Record<string, unknown>; first: Record<string, unknown> };
    expect(rawEvent.rule).toEqual({
      id: ruleUuid,
      name: alerts[0]?.ruleName,
      tags: expect.any(Array),
      consumer: expect.any(String),
      producer: expect.any(String),
      ruleTypeId: expect.any(String),
    });
    // Dotted `_source` keys were expanded into objects, with `_id` and `_index` added.
    expect(Object.keys(rawEvent.first).filter((k) => k.includes('.'))).toEqual([]);
    expect(rawEvent.first).toEqual(expect.objectContaining({ _id: alerts[0]?._id, _index: alerts[0]?._index, kibana: expect.objectContaining({ alert: expect.any(Object) }) }));
  });

  it('test-runs an unsaved YAML with alerts and uses a programmatic event as is', async () => {
    const { alerts } = await searchAlerts({ from: 'now-30d', size: 1 });
    const alertIds = alerts.map((a) => ({ _id: a._id, _index: a._index }));
    const tested = await t.post<{ workflowExecutionId: string }>('/api/workflows/test', { workflowYaml: ALERT_YAML, inputs: { event: { triggerType: 'alert', alertIds } } });
    expect(tested.status).toBe(200);
    const execution = await waitForExecution(t, tested.body.workflowExecutionId);
    expect(execution).toMatchObject({ status: 'completed', isTestRun: true });
    expect(execution.stepExecutions[0]?.output).toMatchObject({ count: 1, first_id: alerts[0]?._id });

    const prepared = { alerts: [{ _id: 'p1', _index: 'x', host: { name: 'given' } }], rule: { id: 'r-given', name: 'Given rule' }, spaceId: 'default' };
    const direct = await t.post<{ workflowExecutionId: string }>(`/api/workflows/workflow/${workflow.id}/run`, { inputs: { event: prepared } });
    const directExecution = await waitForExecution(t, direct.body.workflowExecutionId);
    expect(directExecution.stepExecutions[0]?.output).toMatchObject({ count: 1, rule_id: 'r-given', first_host: 'given', first_id: 'p1' });
  });

  it('answers 400 for missing alerts, alerts of another space and bad alert id lists', async () => {
    const run = (event: unknown, space?: string) =>
      t.post<WorkflowsErrorBody>(`/api/workflows/workflow/${workflow.id}/run`, { inputs: { event } }, space ? { space } : {});
    const missing = await run({ triggerType: 'alert', alertIds: [{ _id: 'does-not-exist', _index: '.alerts-security.alerts-default' }] });
    expect(missing.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Alerts not found in space [default]: does-not-exist (.alerts-security.alerts-default)' });
    const foreign = await run({ triggerType: 'alert', alertIds: [{ _id: 'x', _index: '.workflows-workflows' }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toContain('must come from the alerts index of space [default]');
    expect((await run({ triggerType: 'alert', alertIds: [] })).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ _id: `a${i}`, _index: '.alerts-security.alerts-default' }));
    expect((await run({ triggerType: 'alert', alertIds: tooMany })).body.message).toMatch(/^Invalid alert event: \[inputs\.event\.alertIds\]/);
  });
});
