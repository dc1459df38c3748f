import { createMemoryWorkflowsStore } from './store/memory_store';
import type { ExecutionDoc } from './store/types';
import { createTestEngine, workflowFromYaml, type TestEngine } from './test_support/engine_harness';

const YAML = `
name: t
steps:
  - name: loop
    type: foreach
    foreach: '[1,2]'
    steps:
      - { name: log, type: console, with: { message: "item {{ foreach.item }}" } }
  - { name: final, type: data.set, with: { done: true } }
`;

describe('execution service: reads, logs, step tests, restart recovery', () => {
  let engine: TestEngine;
  afterEach(async () => {
    await engine.stop();
  });

  it('serves finished executions from the store with the same shape, enforcing the space', async () => {
    const store = createMemoryWorkflowsStore();
    engine = await createTestEngine({ store });
    const detail = await engine.run(YAML, { spaceId: 'blue' });
    expect(detail.status).toBe('completed');
    expect(store.executions.get(detail.id)?.status).toBe('completed');
    expect([...store.steps.values()].filter((s) => s.workflowRunId === detail.id)).toHaveLength(4);
    expect(await engine.service.getExecution('default', detail.id)).toBeUndefined();
    const stored = await engine.service.getExecution('blue', detail.id, { includeOutput: false });
    expect(stored?.stepExecutions.map((s) => s.stepId)).toEqual(['loop', 'log', 'log', 'final']);
    expect(stored?.stepExecutions.every((s) => s.output === undefined)).toBe(true);
    expect(stored).toMatchObject({ spaceId: 'blue', workflowId: 'wf-1', workflowName: 'Test workflow', executedBy: 'alice', triggeredBy: 'manual', isTestRun: false });
    const step = stored?.stepExecutions[1];
    expect(await engine.service.getStepExecution('blue', detail.id, step?.id ?? '')).toMatchObject({ stepId: 'log', output: 'item 1' });
    expect(await engine.service.getStepExecution('default', detail.id, step?.id ?? '')).toBeUndefined();

    const logs = await engine.service.getExecutionLogs('blue', detail.id, { page: 1, size: 100, sortOrder: 'asc' });
    const messages = logs.logs.map((l) => l.message);
    expect(messages[0]).toBe('Workflow execution started');
    expect(messages).toContain('Log from step log: item 2');
    expect(messages[messages.length - 1]).toBe('Workflow execution completed');
    const stepLogs = await engine.service.getExecutionLogs('blue', detail.id, { stepExecutionId: step?.id, page: 1, size: 100, sortOrder: 'desc' });
    expect(stepLogs.logs.every((l) => l.stepExecutionId === step?.id)).toBe(true);
    expect(stepLogs.logs[0].message).toBe('Step "log" completed');
    expect((await engine.service.getExecutionLogs('default', detail.id, { page: 1, size: 10, sortOrder: 'asc' })).total).toBe(0);
  });

  it('lists executions newest first with live ones merged, filters by type, and reports the latest per workflow', async () => {
    engine = await createTestEngine();
    const first = await engine.run(YAML);
    const test = await engine.run(YAML, { isTestRun: true });
    const running = await engine.start(`
name: t
steps:
  - { name: s, type: test.sleep, with: { ms: 3000 } }
`);
    const page = await engine.service.findExecutions({ spaceId: 'default', workflowId: 'wf-1', page: 1, size: 10 });
    expect(page.total).toBe(3);
    expect(page.results.map((r) => r.id)).toEqual([running.workflowExecutionId, test.id, first.id]);
    const production = await engine.service.findExecutions({ spaceId: 'default', workflowId: 'wf-1', page: 1, size: 10, executionTypes: ['production'] });
    expect(production.results.map((r) => r.id)).toEqual([running.workflowExecutionId, first.id]);
    const second = await engine.service.findExecutions({ spaceId: 'default', workflowId: 'wf-1', page: 2, size: 2 });
    expect(second.results.map((r) => r.id)).toEqual([first.id]);
    const latest = await engine.service.getLatestExecutions('default', ['wf-1', 'none']);
    expect(Object.keys(latest)).toEqual(['wf-1']);
    expect(latest['wf-1'].id).toBe(running.workflowExecutionId);
    await engine.service.cancelExecution('default', running.workflowExecutionId, 'bob');
  });

  it('step test runs only the step with the context override', async () => {
    engine = await createTestEngine();
    const yaml = `
name: t
steps:
  - { name: first, type: console, with: { message: "should not run" } }
  - name: target
    type: console
    with: { message: "{{ inputs.who }} {{ steps.first.output }} {{ variables.v }} {{ foreach.item }} {{ workflow.name }}" }
`;
    const detail = await engine.run(yaml, {
      stepId: 'target',
      isTestRun: true,
      contextOverride: { inputs: { who: 'me' }, steps: { first: { output: 'out1' } }, variables: { v: 7 }, foreach: { item: 'it', index: 0, items: ['it'], total: 1 }, workflow: { name: 'Overridden' } },
    });
    expect(detail.status).toBe('completed');
    expect(detail.stepId).toBe('target');
    expect(detail.isTestRun).toBe(true);
    expect(detail.stepExecutions.map((s) => [s.stepId, s.output])).toEqual([['target', 'me out1 7 it Overridden']]);
    const missing = await engine.run(yaml, { stepId: 'nope' });
    expect(missing.error?.message).toBe('Step "nope" not found in the workflow.');
  });

  it('at start, marks running/waiting executions failed (ExecutionInterruptedError), fails open records, logs once, re-admits pending/queued in createdAt order', async () => {
    const store = createMemoryWorkflowsStore();
    const definition = workflowFromYaml('name: t\nsteps:\n  - { name: hello, type: console, with: { message: "hi {{ inputs.n }}" } }\n');
    const base = (id: string, status: ExecutionDoc['status'], createdAt: string): ExecutionDoc => ({
      id,
      spaceId: 'default',
      workflowId: 'wf-r',
      workflowName: 't',
      workflowEnabled: true,
      status,
      triggeredBy: 'manual',
      executedBy: 'alice',
      principal: { username: 'alice', roles: ['editor'] },
      isTestRun: false,
      cancelRequested: false,
      createdAt,
      startedAt: createdAt,
      workflowDefinition: definition,
      yaml: '',
      context: { inputs: { n: id } },
    });
    await store.putExecution(base('run-1', 'running', '2026-01-01T00:00:00.000Z'));
    await store.putExecution(base('wait-1', 'waiting', '2026-01-01T00:00:01.000Z'));
    await store.putExecution(base('queued-2', 'queued', '2026-01-01T00:00:03.000Z'));
    await store.putExecution(base('pending-1', 'pending', '2026-01-01T00:00:02.000Z'));
    await store.putStepExecutions([
      {
        id: 'rec-1',
        spaceId: 'default',
        workflowRunId: 'run-1',
        workflowId: 'wf-r',
        stepId: 'hello',
        stepType: 'console',
        status: 'running',
        isTestRun: false,
        scopeStack: [],
        topologicalIndex: 0,
        globalExecutionIndex: 0,
        stepExecutionIndex: 0,
        startedAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    engine = await createTestEngine({ store });
    const run = store.executions.get('run-1');
    expect(run?.status).toBe('failed');
    expect(run?.error).toEqual({
      type: 'ExecutionInterruptedError',
      message: 'Execution was interrupted because the host stopped while it was running. Run the workflow again.',
    });
    expect(run?.finishedAt).toBeDefined();
    expect(store.executions.get('wait-1')?.error?.message).toBe('Execution was interrupted because the host stopped while it was waiting. Run the workflow again.');
    expect(store.steps.get('rec-1')).toMatchObject({ status: 'failed', error: { type: 'ExecutionInterruptedError' } });
    expect(store.logs.filter((l) => l.workflow.execution_id === 'run-1')).toHaveLength(1);
    expect(await engine.service.waitForCompletion('pending-1')).toBe('completed');
    expect(await engine.service.waitForCompletion('queued-2')).toBe('completed');
    const pending = await engine.detail('pending-1');
    const queued = await engine.detail('queued-2');
    expect(pending.stepExecutions[0].output).toBe('hi pending-1');
    expect(Date.parse(queued.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(pending.startedAt ?? ''));
  });

  it('writes heartbeats for running executions', async () => {
    const store = createMemoryWorkflowsStore();
    engine = await createTestEngine({ store, heartbeatIntervalMs: 20 });
    const { workflowExecutionId } = await engine.start('name: t\nsteps:\n  - { name: s, type: test.sleep, with: { ms: 200 } }\n');
    await new Promise((resolve) => setTimeout(resolve, 120));
    const doc = store.executions.get(workflowExecutionId);
    expect(doc?.ownerId).toBe(engine.service.ownerId);
    expect(Date.parse(doc?.lastHeartbeatAt ?? '')).toBeGreaterThan(Date.parse(doc?.startedAt ?? ''));
    await engine.service.waitForCompletion(workflowExecutionId);
  });
});
