import type { WorkflowExecution } from './triage_api';
import { failureMessage, watchExecution } from './watch_execution';

const snapshot = (status: string, steps: Array<[string, string]> = []): WorkflowExecution => ({
  status,
  stepExecutions: steps.map(([stepId, s]) => ({ stepId, status: s })),
});

function sequence(...snapshots: WorkflowExecution[]) {
  const getExecution = jest.fn(async (_id: string) => (snapshots.length > 1 ? (snapshots.shift() as WorkflowExecution) : snapshots[0]));
  return { getExecution };
}

describe('watchExecution', () => {
  it('polls until a final status, reporting each running snapshot and sleeping pollMs between polls', async () => {
    const api = sequence(snapshot('pending'), snapshot('running', [['fetch', 'running']]), snapshot('completed', [['fetch', 'completed']]));
    const updates: string[] = [];
    const sleeps: number[] = [];
    const final = await watchExecution(api, 'e1', {
      pollMs: 250,
      onUpdate: (e) => updates.push(`${e.status}:${e.stepExecutions.length}`),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    expect(final.status).toBe('completed');
    expect(updates).toEqual(['pending:0', 'running:1']);
    expect(sleeps).toEqual([250, 250]);
    expect(api.getExecution).toHaveBeenCalledTimes(3);
    expect(api.getExecution).toHaveBeenCalledWith('e1');
  });

  it.each(['failed', 'cancelled', 'timed_out', 'skipped'])('stops at %s', async (status) => {
    const api = sequence(snapshot(status));
    const onUpdate = jest.fn();
    await expect(watchExecution(api, 'e1', { onUpdate, sleep: async () => undefined })).resolves.toMatchObject({ status });
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('stops polling when aborted and passes a failed poll on', async () => {
    const controller = new AbortController();
    const api = sequence(snapshot('running'));
    const watching = watchExecution(api, 'e1', { signal: controller.signal, sleep: async () => controller.abort() });
    await expect(watching).rejects.toMatchObject({ name: 'AbortError' });
    expect(api.getExecution).toHaveBeenCalledTimes(1);

    const failing = { getExecution: jest.fn(async () => Promise.reject(new Error('503 from /api/workflows/executions'))) };
    await expect(watchExecution(failing, 'e2')).rejects.toThrow('503');
  });
});

describe('failureMessage', () => {
  it('is undefined for completed runs and names the status and error otherwise', () => {
    expect(failureMessage(snapshot('completed'))).toBeUndefined();
    expect(failureMessage({ ...snapshot('failed'), error: { message: 'step blew up' } })).toBe('Triage failed: step blew up');
    expect(failureMessage(snapshot('timed_out'))).toBe('Triage timed_out');
  });
});
