import fs from 'node:fs';
import { startHarness, tempDataPath, type Harness } from '../../../../elasticsearch/test_support/rest_harness';
import { createEsWorkflowsStore } from '../store/es_store';
import { createTestEngine, type TestEngine } from '../test_support/engine_harness';

const waitUntil = async (predicate: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('engine persistence on the embedded Elasticsearch engine', () => {
  const dataPath = tempDataPath();
  let harness: Harness | undefined;
  let engine: TestEngine | undefined;

  afterAll(async () => {
    await engine?.stop();
    await harness?.stop();
    fs.rmSync(dataPath, { recursive: true, force: true });
  });

  it('creates hidden indices with explicit mappings, persists runs, serves them after they finish, enforces the space', async () => {
    harness = await startHarness(dataPath);
    engine = await createTestEngine({ store: createEsWorkflowsStore({ client: harness.client, indexPrefix: '.workflows-' }) });
    for (const index of ['.workflows-executions', '.workflows-step-executions', '.workflows-execution-logs']) {
      const settings = await harness.client.indices.getSettings({ index, expand_wildcards: 'all' });
      expect(String(settings[index]?.settings?.index?.hidden)).toBe('true');
    }
    const mapping = await harness.client.indices.getMapping({ index: '.workflows-step-executions', expand_wildcards: 'all' });
    expect(mapping['.workflows-step-executions'].mappings.properties?.input).toEqual({ type: 'object', enabled: false });
    expect(mapping['.workflows-step-executions'].mappings.dynamic).toBe('false');

    const detail = await engine.run(
      `
name: persisted
steps:
  - name: loop
    type: foreach
    foreach: '[1,2,3]'
    steps:
      - { name: log, type: console, with: { message: "item {{ foreach.item }}" } }
  - name: flaky
    type: test.flaky
    with: { failures: 1 }
    on-failure:
      retry: { max-attempts: 1, delay: 1ms }
`,
      { spaceId: 'blue' },
    );
    expect(detail.status).toBe('completed');
    expect(detail.stepExecutions.map((s) => s.stepId)).toEqual(['loop', 'log', 'log', 'log', 'flaky', 'flaky']);
    expect(detail.stepExecutions[5].output).toEqual({ attempt: 2 });
    const raw = await harness.client.get<{ status: string; spaceId: string }>({ index: '.workflows-executions', id: detail.id });
    expect(raw._source).toMatchObject({ status: 'completed', spaceId: 'blue' });
    expect(await engine.service.getExecution('default', detail.id)).toBeUndefined();
    const logs = await engine.service.getExecutionLogs('blue', detail.id, { page: 1, size: 5, sortOrder: 'asc' });
    expect(logs.total).toBeGreaterThan(10);
    expect(logs.logs[0].message).toBe('Workflow execution started');
    const list = await engine.service.findExecutions({ spaceId: 'blue', workflowId: 'wf-1', page: 1, size: 10 });
    expect(list.results.map((r) => [r.id, r.status])).toEqual([[detail.id, 'completed']]);
    expect((await engine.service.findExecutions({ spaceId: 'default', workflowId: 'wf-1', page: 1, size: 10 })).total).toBe(0);
    const latest = await engine.service.getLatestExecutions('blue', ['wf-1']);
    expect(latest['wf-1']).toMatchObject({ id: detail.id, status: 'completed' });
  });

  it('after a stop mid-run and an engine restart on the same data, the run is failed with ExecutionInterruptedError', async () => {
    if (!harness || !engine) throw new Error('previous test did not start the harness');
    const { workflowExecutionId: id } = await engine.start(
      `
name: long
steps:
  - { name: first, type: console, with: { message: "before" } }
  - { name: sleeping, type: test.sleep, with: { ms: 60000 } }
`,
      { spaceId: 'blue' },
    );
    const store = createEsWorkflowsStore({ client: harness.client, indexPrefix: '.workflows-' });
    await waitUntil(async () => (await store.getStepExecutions('blue', id)).some((s) => s.stepId === 'sleeping' && s.status === 'running'));
    await engine.stop();
    engine = undefined;
    await harness.stop();

    harness = await startHarness(dataPath);
    engine = await createTestEngine({ store: createEsWorkflowsStore({ client: harness.client, indexPrefix: '.workflows-' }) });
    const detail = await engine.detail(id, 'blue');
    expect(detail.status).toBe('failed');
    expect(detail.error).toEqual({
      type: 'ExecutionInterruptedError',
      message: 'Execution was interrupted because the host stopped while it was running. Run the workflow again.',
    });
    expect(detail.finishedAt).toBeDefined();
    expect(detail.stepExecutions.map((s) => [s.stepId, s.status])).toEqual([
      ['first', 'completed'],
      ['sleeping', 'failed'],
    ]);
    expect(detail.stepExecutions[1].error?.type).toBe('ExecutionInterruptedError');
    const logs = await engine.service.getExecutionLogs('blue', id, { page: 1, size: 100, sortOrder: 'desc' });
    expect(logs.logs[0].message).toBe(
      'ExecutionInterruptedError: Execution was interrupted because the host stopped while it was running. Run the workflow again.',
    );
  });
});
