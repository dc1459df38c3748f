import type { TestPlatform } from '../../../../../test/helpers';
import type { ExecutionDetail, ExecutionStatus } from '../../common';

export const TERMINAL: readonly ExecutionStatus[] = ['completed', 'failed', 'cancelled', 'timed_out', 'skipped'];

/** Polls the execution detail route until the execution is terminal (or `until` holds). */
export async function waitForExecution(
  t: TestPlatform,
  executionId: string,
  options: { space?: string; until?: (e: ExecutionDetail) => boolean; timeoutMs?: number } = {},
): Promise<ExecutionDetail> {
  const until = options.until ?? ((e: ExecutionDetail) => TERMINAL.includes(e.status));
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let last: ExecutionDetail | undefined;
  while (Date.now() < deadline) {
    const res = await t.get<ExecutionDetail>(`/api/workflows/executions/${executionId}`, options.space ? { space: options.space } : {});
    if (res.status === 200) {
      last = res.body;
      if (until(res.body)) return res.body;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Execution ${executionId} did not reach the expected state; last: ${JSON.stringify(last)}`);
}

export const GREETING_YAML = `version: "1"
name: Greeter # shown in the list
description: Says hello
tags: [demo]
triggers:
  - type: manual
inputs:
  - name: who
    type: string
    default: world
  - name: times
    type: number
steps:
  - name: prepare
    type: data.set
    with:
      greeting: "hello {{ inputs.who }}"
  - name: say
    type: console
    with:
      message: "{{ steps.prepare.output.greeting }}"
`;

/** Calls `fetch` until `done` holds (for data written asynchronously, such as flushed logs). */
export async function pollUntil<T>(fetch: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await fetch();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await fetch();
  }
  return value;
}
