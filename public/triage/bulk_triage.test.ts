import type { NotificationsStart } from '../../platform/core/public';
import { createBulkTriageAction } from './bulk_triage';
import { triageRefresh$ } from './refresh_bus';
import { TriageWorkflowMissingError, type TriageApi, type WorkflowExecution } from './triage_api';

const running: WorkflowExecution = { status: 'running', stepExecutions: [{ stepId: 'triage_each_alert', status: 'running' }] };
const completed: WorkflowExecution = { status: 'completed', stepExecutions: [{ stepId: 'triage_each_alert', status: 'completed' }] };

function fakes(run: TriageApi['runTriage'], executions: WorkflowExecution[] = [completed]) {
  const api: TriageApi = {
    runTriage: jest.fn(run),
    getRelatedGraph: jest.fn(),
    getNarrative: jest.fn(),
    getTriageState: jest.fn(),
    getExecution: jest.fn(async () => (executions.length > 1 ? (executions.shift() as WorkflowExecution) : executions[0])),
  };
  const toasts = { addSuccess: jest.fn(), addWarning: jest.fn(), addError: jest.fn(), addDanger: jest.fn() } as unknown as NotificationsStart['toasts'];
  return { api, toasts };
}

const alerts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}`, index: 'idx', source: {} }));

describe('bulk Run triage', () => {
  it('starts one run with every selected alert, follows it, then refreshes the table and the open Triage tabs', async () => {
    const { api, toasts } = fakes(async () => 'exec-9', [running, running, completed]);
    const action = createBulkTriageAction(api, toasts, (p) => `/s/team${p}`, { pollMs: 1 });
    const clearSelection = jest.fn();
    const refresh = jest.fn();
    const refreshed: string[] = [];
    const sub = triageRefresh$.subscribe((id) => refreshed.push(id));
    await action.onClick(alerts(3), { clearSelection, refresh });
    sub.unsubscribe();
    expect(api.runTriage).toHaveBeenCalledTimes(1);
    expect(api.runTriage).toHaveBeenCalledWith([{ id: 'a0', index: 'idx' }, { id: 'a1', index: 'idx' }, { id: 'a2', index: 'idx' }]);
    expect(clearSelection).toHaveBeenCalled();
    expect(toasts.addSuccess).toHaveBeenNthCalledWith(1, expect.objectContaining({
      title: 'Triage started on 3 alerts',
      text: 'Follow the execution: /s/team/app/workflows/workflow-3cf6d7f4-864f-4722-834d-ae1743f445ea?tab=executions&executionId=exec-9',
    }));
    // Polled until final, and only then refreshed.
    expect(api.getExecution).toHaveBeenCalledTimes(3);
    expect(api.getExecution).toHaveBeenCalledWith('exec-9');
    expect(toasts.addSuccess).toHaveBeenNthCalledWith(2, expect.objectContaining({ title: 'Triage finished on 3 alerts', 'data-test-subj': 'bulkTriageFinished' }));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refreshed).toEqual(['a0', 'a1', 'a2']);
    expect(action.maxAlerts).toBe(100);
  });

  it('reports a failed run and still refreshes (the run may have tagged some alerts)', async () => {
    const { api, toasts } = fakes(async () => 'exec-2', [{ status: 'failed', stepExecutions: [], error: { message: 'LLM unreachable' } }]);
    const action = createBulkTriageAction(api, toasts, (p) => p, { pollMs: 1 });
    const refresh = jest.fn();
    await action.onClick(alerts(1), { clearSelection: jest.fn(), refresh });
    expect(toasts.addDanger).toHaveBeenCalledWith(expect.objectContaining({ title: 'Triage failed: LLM unreachable', 'data-test-subj': 'bulkTriageFailed' }));
    expect(refresh).toHaveBeenCalledTimes(1);

    const broken = fakes(async () => 'exec-3');
    (broken.api.getExecution as jest.Mock).mockRejectedValueOnce(new Error('network down'));
    const refreshAgain = jest.fn();
    await createBulkTriageAction(broken.api, broken.toasts, (p) => p).onClick(alerts(1), { clearSelection: jest.fn(), refresh: refreshAgain });
    expect(broken.toasts.addError).toHaveBeenCalledWith(new Error('network down'), { title: 'Could not follow the triage run' });
    expect(refreshAgain).toHaveBeenCalledTimes(1);
  });

  it('refuses more than 100 alerts and reports a missing workflow without refreshing', async () => {
    const { api, toasts } = fakes(async () => {
      throw new TriageWorkflowMissingError();
    });
    const action = createBulkTriageAction(api, toasts, (p) => p);
    const refresh = jest.fn();
    const clearSelection = jest.fn();
    await action.onClick(alerts(101), { clearSelection, refresh });
    expect(api.runTriage).not.toHaveBeenCalled();
    expect(toasts.addWarning).toHaveBeenCalled();
    await action.onClick(alerts(1), { clearSelection, refresh });
    expect(toasts.addError).toHaveBeenCalledWith(expect.any(TriageWorkflowMissingError), { title: 'Could not run triage' });
    expect(api.getExecution).not.toHaveBeenCalled();
    expect(refresh).not.toHaveBeenCalled();
    expect(clearSelection).not.toHaveBeenCalled();
  });
});
