import { sleep } from '../runner/abort';
import { createTestEngine, type TestEngine } from '../test_support/engine_harness';
import { ConcurrencyGroups } from './concurrency_groups';
import { HostPool } from './host_pool';

const waitUntil = async (predicate: () => boolean | Promise<boolean>, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('HostPool', () => {
  it('starts up to max, then hands slots FIFO; removes waiting entries', () => {
    const pool = new HostPool(2);
    const started: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) pool.acquire(id, () => started.push(id));
    expect(started).toEqual(['a', 'b']);
    expect(pool.remove('d')).toBe(true);
    pool.release();
    pool.release();
    expect(started).toEqual(['a', 'b', 'c', 'e']);
    pool.release();
    pool.release();
    expect(pool.activeCount).toBe(0);
  });
});

describe('ConcurrencyGroups', () => {
  const policy = { strategy: 'queue' as const, max: 1, queueSize: 1, queueTtlMs: 1000 };
  it('queues up to queue-size, skips beyond it, promotes on release and expires after queue-ttl', () => {
    const groups = new ConcurrencyGroups();
    expect(groups.admit('k', 'a', policy, 0)).toEqual({ decision: 'run', cancel: [] });
    expect(groups.admit('k', 'b', policy, 0)).toEqual({ decision: 'queued' });
    expect(groups.admit('k', 'c', policy, 0).decision).toBe('skipped');
    expect(groups.admit('other', 'x', policy, 0).decision).toBe('run');
    expect(groups.release('k', 'a', 1, 500)).toEqual({ start: ['b'], expired: [] });
    expect(groups.admit('k', 'd', policy, 600).decision).toBe('queued');
    expect(groups.release('k', 'b', 1, 5000)).toEqual({ start: [], expired: ['d'] });
  });
  it('drop skips while full; cancel-in-progress cancels the oldest', () => {
    const groups = new ConcurrencyGroups();
    const drop = { ...policy, strategy: 'drop' as const, max: 2 };
    groups.admit('k', 'a', drop, 0);
    groups.admit('k', 'b', drop, 0);
    expect(groups.admit('k', 'c', drop, 0).decision).toBe('skipped');
    const cancel = { ...policy, strategy: 'cancel-in-progress' as const, max: 2 };
    expect(groups.admit('k', 'd', cancel, 0)).toEqual({ decision: 'run', cancel: ['a'] });
    expect(groups.activeIds('k')).toEqual(['b', 'd']);
  });
});

describe('execution service: admission, cancel, concurrency', () => {
  let engine: TestEngine;
  afterEach(async () => {
    await engine.stop();
  });

  const slow = (ms: number, settings = '') => `
name: t
${settings}
steps:
  - { name: s, type: test.sleep, with: { ms: ${ms} } }
  - { name: after, type: console, with: { message: "done" } }
`;

  it('cancels a running execution: the step is aborted, onCancel called, both cancelled', async () => {
    engine = await createTestEngine();
    const { workflowExecutionId: id } = await engine.start(slow(5000));
    await waitUntil(async () => (await engine.detail(id)).stepExecutions.some((s) => s.stepId === 's'));
    const response = await engine.service.cancelExecution('default', id, 'bob');
    expect(response).toEqual({ id, status: 'running', cancelRequested: true });
    expect(await engine.service.waitForCompletion(id, 2000)).toBe('cancelled');
    const detail = await engine.detail(id);
    expect(detail.status).toBe('cancelled');
    expect(detail.stepExecutions.map((s) => [s.stepId, s.status])).toEqual([['s', 'cancelled']]);
    await waitUntil(() => engine.state.cancelled.includes('s'));
    expect(await engine.service.cancelExecution('default', id, 'bob')).toEqual({ id, status: 'cancelled', cancelRequested: true });
    expect(await engine.service.cancelExecution('other-space', id, 'bob')).toBeUndefined();
  });

  it('host pool: overflow waits pending FIFO and a pending execution is cancelled at once', async () => {
    engine = await createTestEngine({ maxConcurrentRuns: 1 });
    const first = await engine.start(slow(150));
    const second = await engine.start(slow(10));
    const third = await engine.start(slow(10));
    expect((await engine.detail(second.workflowExecutionId)).status).toBe('pending');
    const cancelled = await engine.service.cancelExecution('default', third.workflowExecutionId, 'bob');
    expect(cancelled?.status).toBe('cancelled');
    expect(await engine.service.waitForCompletion(third.workflowExecutionId)).toBe('cancelled');
    expect(await engine.service.waitForCompletion(first.workflowExecutionId)).toBe('completed');
    expect(await engine.service.waitForCompletion(second.workflowExecutionId)).toBe('completed');
    const a = await engine.detail(first.workflowExecutionId);
    const b = await engine.detail(second.workflowExecutionId);
    expect(Date.parse(b.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(a.finishedAt ?? ''));
    expect((await engine.detail(third.workflowExecutionId)).stepExecutions).toEqual([]);
  });

  it('queue strategy: queued until under max, cancel of a queued run is immediate, queue-size skips', async () => {
    engine = await createTestEngine();
    const settings = 'settings: { concurrency: { key: "{{ inputs.host }}", strategy: queue, max: 1, queue-size: 1 } }';
    const a = await engine.start(slow(120, settings), { inputs: { host: 'h1' } });
    const b = await engine.start(slow(10, settings), { inputs: { host: 'h1' } });
    const c = await engine.start(slow(10, settings), { inputs: { host: 'h1' } });
    const other = await engine.start(slow(10, settings), { inputs: { host: 'h2' } });
    expect([a.status, b.status, c.status, other.status]).toEqual(['pending', 'queued', 'skipped', 'pending']);
    expect(await engine.service.waitForCompletion(other.workflowExecutionId)).toBe('completed');
    expect((await engine.detail(b.workflowExecutionId)).status).toBe('queued');
    expect(await engine.service.waitForCompletion(a.workflowExecutionId)).toBe('completed');
    expect(await engine.service.waitForCompletion(b.workflowExecutionId)).toBe('completed');
    const d = await engine.start(slow(200, settings), { inputs: { host: 'h1' } });
    const e = await engine.start(slow(10, settings), { inputs: { host: 'h1' } });
    expect(e.status).toBe('queued');
    expect((await engine.service.cancelExecution('default', e.workflowExecutionId, 'bob'))?.status).toBe('cancelled');
    expect(await engine.service.waitForCompletion(d.workflowExecutionId)).toBe('completed');
    const skipped = await engine.detail(c.workflowExecutionId);
    expect(skipped.error?.type).toBe('ConcurrencyLimitError');
  });

  it('drop skips while the key is busy; cancel-in-progress cancels the running one; test runs ignore both', async () => {
    engine = await createTestEngine();
    const drop = 'settings: { concurrency: { strategy: drop, max: 1 } }';
    const a = await engine.start(slow(100, drop));
    expect((await engine.start(slow(10, drop))).status).toBe('skipped');
    expect((await engine.start(slow(10, drop), { isTestRun: true })).status).toBe('pending');
    await engine.service.waitForCompletion(a.workflowExecutionId);

    const cip = 'settings: { concurrency: { strategy: cancel-in-progress, max: 1 } }';
    const old = await engine.start(slow(3000, cip), { workflowId: 'wf-cip' });
    await waitUntil(async () => (await engine.detail(old.workflowExecutionId)).stepExecutions.length > 0);
    const fresh = await engine.start(slow(10, cip), { workflowId: 'wf-cip' });
    expect(await engine.service.waitForCompletion(old.workflowExecutionId)).toBe('cancelled');
    expect(await engine.service.waitForCompletion(fresh.workflowExecutionId)).toBe('completed');
    expect((await engine.detail(old.workflowExecutionId)).cancelRequested).toBe(true);
  });

  it('cancelWorkflowExecutions cancels every live run of the workflow in the space', async () => {
    engine = await createTestEngine({ maxConcurrentRuns: 1 });
    const ids = [await engine.start(slow(3000)), await engine.start(slow(3000)), await engine.start(slow(3000), { workflowId: 'other' })];
    await sleep(20, new AbortController().signal);
    expect(await engine.service.cancelWorkflowExecutions('default', 'wf-1', 'bob')).toEqual({ cancelled: 2 });
    expect(await engine.service.waitForCompletion(ids[0].workflowExecutionId)).toBe('cancelled');
    expect(await engine.service.waitForCompletion(ids[1].workflowExecutionId)).toBe('cancelled');
    await engine.service.cancelExecution('default', ids[2].workflowExecutionId, 'bob');
    expect(await engine.service.waitForCompletion(ids[2].workflowExecutionId)).toBe('cancelled');
  });
});
