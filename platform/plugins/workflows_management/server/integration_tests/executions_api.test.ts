/**
 * Runs through the HTTP API on the real execution engine: run, test, step test, run-time 400s, executions list and
 * detail, step records, logs, the list's `history`, and cancel (one and all).
 */
import { startTestPlatform, type TestPlatform } from '../../../../../test/helpers';
import type { ExecutionDetail, ExecutionListItem, ExecutionLogsResponse, StepExecution, WorkflowDetail, WorkflowListItem, WorkflowsErrorBody } from '../../common';
import { GREETING_YAML, pollUntil, waitForExecution } from './helpers';

jest.setTimeout(90_000);

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ plugins: ['workflowsManagement'], config: { spaces: [{ id: 'team-a', name: 'Team A' }] } });
});

afterAll(async () => {
  await t?.stop();
});

const create = async (yaml: string, space?: string) => {
  const res = await t.post<WorkflowDetail>('/api/workflows/workflow', { yaml }, space ? { space } : {});
  expect(res.status).toBe(200);
  return res.body;
};

const run = async (id: string, inputs?: Record<string, unknown>, space?: string) => {
  const res = await t.post<{ workflowExecutionId: string }>(`/api/workflows/workflow/${id}/run`, inputs ? { inputs } : {}, space ? { space } : {});
  expect(res.status).toBe(200);
  return res.body.workflowExecutionId;
};

const WAIT_YAML = `name: Waiter
triggers:
  - type: manual
steps:
  - name: hold
    type: wait
    with:
      duration: 30s
`;

describe('runs', () => {
  it('runs a data.set + console workflow and serves its execution, step records, logs and history', async () => {
    const wf = await create(GREETING_YAML);
    const executionId = await run(wf.id, { who: 'SOC' });
    const execution = await waitForExecution(t, executionId);
    expect(execution).toMatchObject({
      id: executionId,
      status: 'completed',
      isTestRun: false,
      triggeredBy: 'manual',
      workflowId: wf.id,
      executedBy: 'elastic',
      spaceId: 'default',
      workflowName: 'Greeter',
      yaml: GREETING_YAML,
    });
    expect(execution.stepExecutions.map((s) => [s.stepId, s.status, s.output])).toEqual([
      ['prepare', 'completed', { greeting: 'hello SOC' }],
      ['say', 'completed', 'hello SOC'],
    ]);

    const step = await t.get<StepExecution>(`/api/workflows/executions/${executionId}/step/${execution.stepExecutions[1]?.id ?? ''}`);
    expect(step.body).toMatchObject({ stepId: 'say', stepType: 'console', input: { message: 'hello SOC' } });
    expect((await t.get(`/api/workflows/executions/${executionId}/step/nope`)).status).toBe(404);

    // Log events are bulk-flushed by the engine (every 1 s or 100 events), so they may trail the final status.
    const logs = await pollUntil(
      () => t.get<ExecutionLogsResponse>(`/api/workflows/executions/${executionId}/logs`),
      (res) => res.body.logs.some((l) => l.message.startsWith('Workflow execution') && l.message.includes('complet')),
    );
    expect(logs.status).toBe(200);
    expect(logs.body.logs.map((l) => l.message)).toContain('Log from step say: hello SOC');
    expect(logs.body).toMatchObject({ page: 1, size: 100, total: logs.body.logs.length });
    const stepLogs = await t.get<ExecutionLogsResponse>(`/api/workflows/executions/${executionId}/logs?stepExecutionId=${execution.stepExecutions[1]?.id ?? ''}&sortOrder=desc`);
    expect(stepLogs.body.logs.length).toBeGreaterThan(0);
    expect(stepLogs.body.logs.every((l) => l.stepId === 'say')).toBe(true);

    const list = await t.get<{ results: WorkflowListItem[] }>('/api/workflows?size=100');
    expect(list.body.results.find((w) => w.id === wf.id)?.history).toEqual([
      { id: executionId, status: 'completed', isTestRun: false, triggeredBy: 'manual', startedAt: execution.startedAt, finishedAt: execution.finishedAt, duration: execution.duration },
    ]);
    const executions = await t.get<{ results: ExecutionListItem[]; total: number }>(`/api/workflows/workflow/${wf.id}/executions`);
    expect(executions.body.results.map((e) => e.id)).toEqual([executionId]);
    expect((await t.get<{ total: number }>(`/api/workflows/workflow/${wf.id}/executions?executionTypes=test`)).body.total).toBe(0);
    // Finished executions are filtered by status in Elasticsearch once the engine's final write is searchable.
    const byStatus = await pollUntil(
      () => t.get<{ total: number }>(`/api/workflows/workflow/${wf.id}/executions?statuses=completed,failed`),
      (res) => res.body.total === 1,
    );
    expect(byStatus.body.total).toBe(1);
    expect((await t.get(`/api/workflows/workflow/${wf.id}/executions?statuses=bogus`)).status).toBe(400);
  });

  it('answers 400 for invalid, disabled and bad-input runs', async () => {
    const invalid = await create('name: Broken\ntriggers:\n  - type: manual\nsteps: []\n');
    const r1 = await t.post<WorkflowsErrorBody>(`/api/workflows/workflow/${invalid.id}/run`, {});
    expect(r1.status).toBe(400);
    expect(r1.body.message).toBe('Workflow is not valid.');
    const disabled = await create(GREETING_YAML.replace('tags: [demo]', 'tags: [demo]\nenabled: false'));
    const r2 = await t.post<WorkflowsErrorBody>(`/api/workflows/workflow/${disabled.id}/run`, {});
    expect(r2.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Workflow is disabled. Enable it to run it.' });
    const ok = await create(GREETING_YAML);
    const r3 = await t.post<WorkflowsErrorBody>(`/api/workflows/workflow/${ok.id}/run`, { inputs: { who: 42, times: 'many' } });
    expect(r3.status).toBe(400);
    expect(r3.body.message).toMatch(/^Invalid workflow inputs: /);
    expect(r3.body.attributes?.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', code: 'invalid-input' })]));
    expect((await t.post(`/api/workflows/workflow/nope/run`, {})).status).toBe(404);
  });

  it('test-runs an unsaved YAML and rejects an invalid one with diagnostics', async () => {
    const res = await t.post<{ workflowExecutionId: string }>('/api/workflows/test', { workflowYaml: GREETING_YAML, inputs: { who: 'tester' } });
    expect(res.status).toBe(200);
    const execution = await waitForExecution(t, res.body.workflowExecutionId);
    expect(execution).toMatchObject({ status: 'completed', isTestRun: true, workflowId: 'test-workflow' });
    expect(execution.stepExecutions[1]?.output).toBe('hello tester');
    const bad = await t.post<WorkflowsErrorBody>('/api/workflows/test', { workflowYaml: 'name: x\ntriggers:\n  - type: manual\nsteps:\n  - name: a\n    type: nope.nope\n' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Workflow is not valid.');
    expect(bad.body.attributes?.diagnostics).toEqual([expect.objectContaining({ code: 'unknown-step-type', line: 6 })]);
  });

  it('test-runs one step with a context override', async () => {
    const res = await t.post<{ workflowExecutionId: string }>('/api/workflows/step/test', {
      workflowYaml: GREETING_YAML,
      stepId: 'say',
      workflowId: 'my-draft',
      contextOverride: { steps: { prepare: { output: { greeting: 'overridden' } } } },
    });
    expect(res.status).toBe(200);
    const execution = await waitForExecution(t, res.body.workflowExecutionId);
    expect(execution).toMatchObject({ status: 'completed', isTestRun: true, workflowId: 'my-draft', stepId: 'say' });
    expect(execution.stepExecutions.map((s) => [s.stepId, s.output])).toEqual([['say', 'overridden']]);
    const unknown = await t.post<WorkflowsErrorBody>('/api/workflows/step/test', { workflowYaml: GREETING_YAML, stepId: 'nope' });
    expect(unknown.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Step [nope] not found in the workflow.' });
  });

  it('cancels one execution and all of a workflow; executions stay in their space', async () => {
    const wf = await create(WAIT_YAML, 'team-a');
    const first = await run(wf.id, undefined, 'team-a');
    await waitForExecution(t, first, { space: 'team-a', until: (e) => e.status === 'running' || e.status === 'waiting' });
    expect((await t.get(`/api/workflows/executions/${first}`)).status).toBe(404);
    expect((await t.post(`/api/workflows/executions/${first}/cancel`, {})).status).toBe(404);
    const cancel = await t.post<{ id: string; status: string; cancelRequested: boolean }>(`/api/workflows/executions/${first}/cancel`, {}, { space: 'team-a' });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ id: first, cancelRequested: true });
    expect((await waitForExecution(t, first, { space: 'team-a' })).status).toBe('cancelled');
    const again = await t.post<{ status: string }>(`/api/workflows/executions/${first}/cancel`, {}, { space: 'team-a' });
    expect(again.body.status).toBe('cancelled');

    const second = await run(wf.id, undefined, 'team-a');
    await waitForExecution(t, second, { space: 'team-a', until: (e) => e.status !== 'pending' });
    const all = await t.post<{ cancelled: number }>(`/api/workflows/workflow/${wf.id}/executions/cancel`, {}, { space: 'team-a' });
    expect(all.body.cancelled).toBeGreaterThanOrEqual(1);
    expect((await waitForExecution(t, second, { space: 'team-a' })).status).toBe('cancelled');
    expect((await t.get(`/api/workflows/executions/nope`)).status).toBe(404);
    expect((await t.get(`/api/workflows/executions/nope/logs`)).status).toBe(404);
  });

  it('keeps executions of a deleted workflow readable', async () => {
    const wf = await create(GREETING_YAML);
    const executionId = await run(wf.id);
    await waitForExecution(t, executionId);
    await t.delete(`/api/workflows/workflow/${wf.id}`);
    const detail = await t.get<ExecutionDetail>(`/api/workflows/executions/${executionId}`);
    expect(detail.body.status).toBe('completed');
  });
});
