import type { NotificationsStart } from '../../platform/core/public';
import { createBulkTriageAction } from './bulk_triage';
import { TriageWorkflowMissingError, type TriageApi } from './triage_api';

function fakes(run: TriageApi['runTriage']) {
  const api: TriageApi = {
    runTriage: jest.fn(run),
    getRelatedGraph: jest.fn(),
    getNarrative: jest.fn(),
    getTriageState: jest.fn(),
    getExecution: jest.fn(),
  };
  const toasts = { addSuccess: jest.fn(), addWarning: jest.fn(), addError: jest.fn() } as unknown as NotificationsStart['toasts'];
  return { api, toasts };
}

const alerts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}`, index: 'idx', source: {} }));

describe('bulk Run triage', () => {
  it('starts one run with every selected alert and links the execution in a toast', async () => {
    const { api, toasts } = fakes(async () => 'exec-9');
    const action = createBulkTriageAction(api, toasts, (p) => `/s/team${p}`);
    const clearSelection = jest.fn();
    await action.onClick(alerts(3), { clearSelection, refresh: jest.fn() });
    expect(api.runTriage).toHaveBeenCalledTimes(1);
    expect(api.runTriage).toHaveBeenCalledWith([{ id: 'a0', index: 'idx' }, { id: 'a1', index: 'idx' }, { id: 'a2', index: 'idx' }]);
    expect(clearSelection).toHaveBeenCalled();
    expect(toasts.addSuccess).toHaveBeenCalledWith(expect.objectContaining({
      title: 'Triage started on 3 alerts',
      text: 'Follow the execution: /s/team/app/workflows/workflow-3cf6d7f4-864f-4722-834d-ae1743f445ea?tab=executions&executionId=exec-9',
    }));
    expect(action.maxAlerts).toBe(100);
  });

  it('refuses more than 100 alerts and reports a missing workflow', async () => {
    const { api, toasts } = fakes(async () => {
      throw new TriageWorkflowMissingError();
    });
    const action = createBulkTriageAction(api, toasts, (p) => p);
    await action.onClick(alerts(101), { clearSelection: jest.fn(), refresh: jest.fn() });
    expect(api.runTriage).not.toHaveBeenCalled();
    expect(toasts.addWarning).toHaveBeenCalled();
    await action.onClick(alerts(1), { clearSelection: jest.fn(), refresh: jest.fn() });
    expect(toasts.addError).toHaveBeenCalledWith(expect.any(TriageWorkflowMissingError), { title: 'Could not run triage' });
  });
});
