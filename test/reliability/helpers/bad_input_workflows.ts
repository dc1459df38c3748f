import { stringify } from 'yaml';
import type { TestPlatform, TestResponse } from '../../helpers';

/** Workflow runs through the public API for the bad-input suites: `POST /api/workflows/test`, then the executions API. */

export interface StepRecordView {
  stepId: string;
  stepType?: string;
  status: string;
  input?: unknown;
  output?: unknown;
  error?: { type: string; message: string; details?: unknown };
}

export interface ExecutionView {
  id?: string;
  status: string;
  error?: { type?: string; message: string };
  stepExecutions: StepRecordView[];
}

export const FINAL_STATUSES = ['completed', 'failed', 'cancelled', 'timed_out', 'skipped'];

/** A manual workflow with one step, serialised by the YAML library so any JSON `with` survives the round trip. */
export function oneStepWorkflowYaml(type: string, withValue: unknown, extra: Record<string, unknown> = {}): string {
  const step: Record<string, unknown> = { name: 'fuzzed_step', type, ...extra };
  if (withValue !== undefined) step.with = withValue;
  return stringify({ version: '1', name: 'bad input', triggers: [{ type: 'manual' }], steps: [step] }, { aliasDuplicateObjects: false, lineWidth: 0 });
}

export async function waitForExecution(tp: TestPlatform, executionId: string, timeoutMs = 60_000, space?: string): Promise<ExecutionView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await tp.get<ExecutionView>(`/api/workflows/executions/${executionId}`, space ? { space } : {});
    if (res.status >= 500) throw new Error(`executions API answered ${res.status}: ${res.text.slice(0, 300)}`);
    if (res.status === 200 && FINAL_STATUSES.includes(res.body.status)) return res.body;
    if (Date.now() > deadline) {
      await tp.post(`/api/workflows/executions/${executionId}/cancel`);
      throw new Error(`execution ${executionId} did not finish within ${timeoutMs} ms (last status ${res.status} ${res.text.slice(0, 200)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface TestRunOutcome {
  /** The answer of `POST /api/workflows/test`. */
  response: TestResponse<{ workflowExecutionId?: string; message?: string; attributes?: { diagnostics?: Array<{ code: string; message: string }> } }>;
  /** The finished execution when the run was accepted. */
  execution?: ExecutionView;
}

export async function testRun(tp: TestPlatform, yaml: string, timeoutMs = 60_000): Promise<TestRunOutcome> {
  const response = await tp.post<TestRunOutcome['response']['body']>('/api/workflows/test', { workflowYaml: yaml });
  if (response.status !== 200 || typeof response.body.workflowExecutionId !== 'string') return { response };
  return { response, execution: await waitForExecution(tp, response.body.workflowExecutionId, timeoutMs) };
}

/** JavaScript engine errors that mean a handler crashed on its input instead of reporting it. */
export const CRASH_ERROR_TYPES = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'InternalError']);
const CRASH_MESSAGE = /(cannot read propert|is not a function|is not iterable|undefined is not|null is not|maximum call stack|invalid array length|cannot convert undefined|reading '|of undefined|of null)/i;

/** A failure is clear when it names a non-engine error type and has a message that is not a JavaScript crash. */
export function isClearError(error: { type?: string; name?: string; message?: unknown } | undefined): boolean {
  if (!error) return false;
  const type = error.type ?? error.name ?? '';
  const message = typeof error.message === 'string' ? error.message : '';
  return message.trim() !== '' && !CRASH_ERROR_TYPES.has(type) && !CRASH_MESSAGE.test(message);
}
