import { createHash } from 'node:crypto';
import type { StepExecution } from '../contract';
import { createTestEngine, type TestEngine } from '../test_support/engine_harness';
import { retryDelayMs } from './retry_delay';
import { scopePathOf, stepExecutionId } from './record_ids';
import { parseDuration } from '../../../../packages/workflows/duration';

const byStep = (steps: StepExecution[], stepId: string) => steps.filter((s) => s.stepId === stepId);

describe('retry delays (§1.4)', () => {
  it('fixed, exponential capped by max-delay, and jitter within [d/2, d]', () => {
    expect([1, 2, 3].map((k) => retryDelayMs({ 'max-attempts': 3, delay: '5s' }, k, parseDuration))).toEqual([5000, 5000, 5000]);
    expect([1, 2, 3, 4].map((k) => retryDelayMs({ 'max-attempts': 4, delay: '1s', strategy: 'exponential', multiplier: 3, 'max-delay': '10s' }, k, parseDuration))).toEqual([
      1000, 3000, 9000, 10000,
    ]);
    expect(retryDelayMs({ 'max-attempts': 1, delay: '2s', jitter: true }, 1, parseDuration, () => 0)).toBe(1000);
    expect(retryDelayMs({ 'max-attempts': 1, delay: '2s', jitter: true }, 1, parseDuration, () => 0.999)).toBe(1999);
  });
});

describe('record ids (§5.1)', () => {
  it('is the first 32 hex of sha256(executionId_scopePath+stepId)', () => {
    const frames = [
      { stepId: 'loop', kind: 'foreach' as const, scopeId: '2' },
      { stepId: 'call', kind: 'retry' as const, scopeId: '1-attempt' },
    ];
    expect(scopePathOf(frames)).toBe('loop:2/call:1-attempt/');
    expect(stepExecutionId('exec-1', frames, 'call')).toBe(createHash('sha256').update('exec-1_loop:2/call:1-attempt/call').digest('hex').slice(0, 32));
    expect(stepExecutionId('exec-1', [], 'a')).toHaveLength(32);
  });
});

describe('workflow runner: on-failure, timeouts, size cap, counters', () => {
  let engine: TestEngine;
  beforeEach(async () => {
    engine = await createTestEngine();
  });
  afterEach(async () => {
    await engine.stop();
  });

  it('retries with attempt scopes: max-attempts counts retries after the first try', async () => {
    const ok = await engine.run(`
name: t
steps:
  - name: flaky
    type: test.flaky
    with: { failures: 2 }
    on-failure:
      retry: { max-attempts: 2, delay: 10ms }
`);
    expect(ok.status).toBe('completed');
    const attempts = byStep(ok.stepExecutions, 'flaky');
    expect(attempts.map((s) => [s.status, s.scopeStack[0].scopeId])).toEqual([
      ['failed', '1-attempt'],
      ['failed', '2-attempt'],
      ['completed', '3-attempt'],
    ]);
    expect(attempts[2].output).toEqual({ attempt: 3 });
    expect(attempts.map((s) => s.stepExecutionIndex)).toEqual([0, 1, 2]);
    const logs = await engine.service.getExecutionLogs('default', ok.id, { page: 1, size: 100, sortOrder: 'asc' });
    expect(logs.logs.filter((l) => l.message.startsWith('Retrying step "flaky"'))).toHaveLength(2);

    const exhausted = await engine.run(`
name: t
steps:
  - name: flaky2
    type: test.flaky
    with: { failures: 5 }
    on-failure:
      retry: { max-attempts: 1, delay: 5ms, strategy: exponential, multiplier: 2 }
`);
    expect(exhausted.status).toBe('failed');
    expect(engine.state.calls.flaky2).toBe(2);
    expect(exhausted.error).toEqual({ type: 'FlakyError', message: 'failure 2' });
  });

  it('retry condition is KQL over {error}: a non-matching error is not retried', async () => {
    const detail = await engine.run(`
name: t
steps:
  - name: f
    type: test.fail
    with: { type: PermanentError }
    on-failure:
      retry: { max-attempts: 3, delay: 1ms, condition: "error.type: TransientError" }
`);
    expect(detail.status).toBe('failed');
    expect(engine.state.calls.f).toBe(1);
  });

  it('a step-level retry re-runs the whole loop', async () => {
    const detail = await engine.run(`
name: t
steps:
  - name: each
    type: test.flaky
    foreach: '[1,2]'
    with: { failures: 1 }
    on-failure:
      retry: { max-attempts: 1, delay: 1ms }
`);
    expect(detail.status).toBe('completed');
    expect(byStep(detail.stepExecutions, 'foreach_each').map((s) => [s.status, s.scopeStack.map((f) => f.scopeId).join('/')])).toEqual([
      ['failed', '1-attempt'],
      ['completed', '2-attempt'],
    ]);
  });

  it('fallback runs with error in context and re-raises; continue swallows, leaving the step failed and readable', async () => {
    const reraised = await engine.run(`
name: t
steps:
  - name: f
    type: test.fail
    with: { message: "bad thing" }
    on-failure:
      fallback:
        - name: recover
          type: console
          with: { message: "recovering from {{ error.type }}: {{ error.message }} / {{ steps.f.error.message }}" }
  - name: never
    type: console
    with: { message: "x" }
`);
    expect(reraised.status).toBe('failed');
    expect(byStep(reraised.stepExecutions, 'recover')[0].output).toBe('recovering from TestError: bad thing / bad thing');
    expect(byStep(reraised.stepExecutions, 'recover')[0].scopeStack).toEqual([{ stepId: 'f', kind: 'fallback', scopeId: 'fallback' }]);
    expect(byStep(reraised.stepExecutions, 'never')).toHaveLength(0);
    expect(byStep(reraised.stepExecutions, 'f')[0].output).toEqual({ partial: true });

    const continued = await engine.run(`
name: t
steps:
  - name: f
    type: test.fail
    on-failure:
      continue: true
      fallback:
        - { name: recover, type: console, with: { message: "r" } }
  - name: after
    type: console
    with: { message: "after {{ steps.f.error.type }}" }
`);
    expect(continued.status).toBe('completed');
    expect(byStep(continued.stepExecutions, 'f')[0].status).toBe('failed');
    expect(byStep(continued.stepExecutions, 'after')[0].output).toBe('after TestError');
  });

  it('continue as KQL decides per error', async () => {
    const yaml = (type: string) => `
name: t
steps:
  - name: f
    type: test.fail
    with: { type: ${type} }
    on-failure:
      continue: "error.type: SoftError"
  - { name: after, type: console, with: { message: "ok" } }
`;
    expect((await engine.run(yaml('SoftError'))).status).toBe('completed');
    expect((await engine.run(yaml('HardError'))).status).toBe('failed');
  });

  it('settings.on-failure applies to leaf steps without their own, not to wait, if/foreach, or fallback steps', async () => {
    const detail = await engine.run(`
name: t
settings:
  on-failure:
    retry: { max-attempts: 1, delay: 1ms }
steps:
  - name: a
    type: test.flaky
    with: { failures: 1 }
  - name: own
    type: test.fail
    on-failure:
      continue: true
      fallback:
        - { name: fb, type: test.flaky, with: { failures: 1 } }
  - name: loop
    type: foreach
    foreach: '[1]'
    steps:
      - { name: inner, type: test.flaky, with: { failures: 1 } }
`);
    expect(engine.state.calls.a).toBe(2);
    expect(engine.state.calls.own).toBe(1);
    expect(engine.state.calls.fb).toBe(1);
    expect(engine.state.calls.inner).toBe(2);
    expect(byStep(detail.stepExecutions, 'loop')).toHaveLength(1);
    expect(detail.status).toBe('completed');
  });

  it('step timeout fails with TimeoutError per attempt, and on-failure applies', async () => {
    const detail = await engine.run(`
name: t
steps:
  - name: slow
    type: test.sleep
    timeout: 30ms
    with: { ms: 2000 }
    on-failure:
      retry: { max-attempts: 1, delay: 1ms }
      continue: true
`);
    expect(detail.status).toBe('completed');
    const attempts = byStep(detail.stepExecutions, 'slow');
    expect(attempts).toHaveLength(2);
    for (const attempt of attempts) {
      expect(attempt.status).toBe('failed');
      expect(attempt.error).toEqual({ type: 'TimeoutError', message: 'Step execution exceeded the configured timeout of 30ms.' });
      expect(attempt.executionTimeMs).toBeLessThan(1000);
    }
    expect(engine.state.cancelled).toEqual(['slow', 'slow']);
  });

  it('a step timeout applies to each iteration of a step-level loop', async () => {
    const detail = await engine.run(`
name: t
steps:
  - name: each
    type: test.sleep
    foreach: '[10, 500]'
    timeout: 100ms
    with: { ms: "\${{ foreach.item }}" }
`);
    expect(detail.status).toBe('failed');
    expect(byStep(detail.stepExecutions, 'each').map((s) => s.status)).toEqual(['completed', 'failed']);
  });

  it('settings.timeout times out the execution and the running step and its scopes', async () => {
    const started = Date.now();
    const detail = await engine.run(`
name: t
settings: { timeout: 80ms }
steps:
  - name: loop
    type: foreach
    foreach: '[1]'
    steps:
      - { name: slow, type: test.sleep, with: { ms: 5000, ignoreAbort: true } }
  - { name: never, type: console, with: { message: "x" } }
`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(detail.status).toBe('timed_out');
    expect(byStep(detail.stepExecutions, 'slow')[0].status).toBe('timed_out');
    expect(byStep(detail.stepExecutions, 'slow')[0].error?.message).toBe('Failed due to workflow timeout');
    expect(byStep(detail.stepExecutions, 'loop')[0].status).toBe('timed_out');
    expect(byStep(detail.stepExecutions, 'never')).toHaveLength(0);
  });

  it('caps serialised output size: step max-step-size > settings > config', async () => {
    const run = (settings: string, own: string) =>
      engine.run(`
name: t
${settings}
steps:
  - name: big
    type: test.big
    ${own}
    with: { bytes: 2000 }
`);
    const bySettings = await run('settings: { max-step-size: 1kb }', '');
    expect(bySettings.status).toBe('failed');
    expect(bySettings.error?.type).toBe('ResponseSizeLimitError');
    expect(bySettings.error?.message).toContain('1kb');
    expect((await run('settings: { max-step-size: 1kb }', 'max-step-size: 3kb')).status).toBe('completed');
    const small = await createTestEngine({ maxStepOutputBytes: 1500 });
    try {
      expect((await small.run('name: t\nsteps:\n  - { name: big, type: test.big, with: { bytes: 2000 } }\n')).error?.type).toBe('ResponseSizeLimitError');
      expect((await small.run('name: t\nsteps:\n  - { name: big, type: test.big, with: { bytes: 1000 } }\n')).status).toBe('completed');
    } finally {
      await small.stop();
    }
  });

  it('counts globalExecutionIndex in start order and topologicalIndex in YAML pre-order', async () => {
    const detail = await engine.run(`
name: t
steps:
  - name: a
    type: console
    with: { message: a }
  - name: cond
    type: if
    condition: false
    steps:
      - { name: b, type: console, with: { message: b } }
    else:
      - { name: c, type: console, with: { message: c } }
  - name: d
    type: test.fail
    on-failure:
      continue: true
      fallback:
        - { name: e, type: console, with: { message: e } }
`);
    expect(detail.stepExecutions.map((s) => [s.stepId, s.globalExecutionIndex, s.topologicalIndex])).toEqual([
      ['a', 0, 0],
      ['cond', 1, 1],
      ['c', 2, 3],
      ['d', 3, 4],
      ['e', 4, 5],
    ]);
    for (const step of detail.stepExecutions) expect(step.id).toBe(stepExecutionId(detail.id, step.scopeStack, step.stepId));
  });
});
