import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ExecutionDetail, StepExecution } from '../api';
import { createFakeServer, renderWithServices } from '../test_helpers/render_with_services';
import { ExecutionDetailView } from './execution_detail';

jest.setTimeout(60_000);

const step = (id: string, stepId: string, stepType: string, status: StepExecution['status'], i: number, extra: Partial<StepExecution> = {}): StepExecution => ({
  id,
  workflowRunId: 'exec-1',
  workflowId: 'workflow-1',
  stepId,
  stepType,
  status,
  isTestRun: true,
  scopeStack: [],
  topologicalIndex: i,
  globalExecutionIndex: i,
  stepExecutionIndex: 0,
  startedAt: '2026-01-01T00:00:00.000Z',
  executionTimeMs: 12,
  ...extra,
});

function execution(status: ExecutionDetail['status'], steps: StepExecution[]): ExecutionDetail {
  return {
    id: 'exec-1',
    status,
    isTestRun: true,
    triggeredBy: 'manual',
    startedAt: new Date().toISOString(),
    workflowId: 'workflow-1',
    executedBy: 'elastic',
    spaceId: 'default',
    workflowName: 'Demo',
    workflowDefinition: {
      version: '1',
      name: 'Demo',
      enabled: true,
      triggers: [{ type: 'manual' }],
      steps: [
        { name: 'loop', type: 'foreach', foreach: '[1]', steps: [{ name: 'inner', type: 'console' }] },
        { name: 'last', type: 'console' },
      ],
    },
    yaml: '',
    context: {},
    stepExecutions: steps,
  };
}

describe('Execution detail', () => {
  it('shows the header and the step tree, follows the running step, polls until final and cancels', async () => {
    let current = execution('running', [
      step('s-loop', 'loop', 'foreach', 'running', 0),
      step('s-inner', 'inner', 'console', 'running', 1, { scopeStack: [{ stepId: 'loop', kind: 'foreach', scopeId: '0' }], input: { message: 'hi' } }),
    ]);
    const fake = createFakeServer([
      { method: 'GET', path: '/api/workflows/executions/exec-1', reply: () => ({ body: current }) },
      { method: 'GET', path: '/api/workflows/executions/exec-1/logs', reply: () => ({ body: { logs: [{ id: 'l1', timestamp: '2026-01-01T00:00:00.000Z', level: 'info', message: 'Log from step inner: hi' }], total: 1, page: 1, size: 1000 } }) },
      { method: 'POST', path: '/api/workflows/executions/exec-1/cancel', reply: () => ({ body: { id: 'exec-1', status: 'running', cancelRequested: true } }) },
    ]);
    renderWithServices(<ExecutionDetailView executionId="exec-1" />, { server: fake });

    const detail = await screen.findByTestId('executionDetail');
    expect(detail).toHaveAttribute('data-status', 'running');
    expect(within(screen.getByTestId('executionStatus')).getByText('Running')).toBeInTheDocument();
    expect(screen.getAllByTestId('testRunBadge').length).toBeGreaterThan(0);
    expect(screen.getByTestId('stepTreeScope-iteration')).toHaveTextContent('Iteration 1');
    // Follows the running step: the innermost running record is selected.
    expect(screen.getByTestId('stepRecordTitle')).toHaveTextContent('inner');
    expect(screen.getByTestId('stepOutputPath')).toHaveTextContent('steps.inner.output');
    fireEvent.click(screen.getByTestId('stepRecordTab-input'));
    expect(screen.getByTestId('stepRecordInput')).toHaveTextContent('"message": "hi"');
    fireEvent.click(screen.getByTestId('stepRecordTab-logs'));
    expect(await screen.findByText('Log from step inner: hi')).toBeInTheDocument();

    await act(async () => fireEvent.click(screen.getByTestId('cancelExecutionButton')));
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'POST' && r.path.endsWith('/cancel'))).toBe(true));

    // The next poll (1 s) brings the final state; Cancel disappears and the failed step shows its error.
    current = execution('failed', [
      step('s-loop', 'loop', 'foreach', 'completed', 0),
      step('s-inner', 'inner', 'console', 'completed', 1, { scopeStack: [{ stepId: 'loop', kind: 'foreach', scopeId: '0' }] }),
      step('s-last', 'last', 'console', 'failed', 2, { error: { type: 'TemplateRenderError', message: 'bad template' } }),
    ]);
    current.error = { type: 'TemplateRenderError', message: 'bad template' };
    await waitFor(() => expect(screen.getByTestId('executionDetail')).toHaveAttribute('data-status', 'failed'), { timeout: 5000 });
    expect(screen.queryByTestId('cancelExecutionButton')).toBeNull();
    expect(screen.getByTestId('executionErrorCallout')).toHaveTextContent('bad template');
    expect(screen.getByTestId('stepTreeNode-last')).toHaveAttribute('data-status', 'failed');
    const polls = fake.requests.filter((r) => r.path === '/api/workflows/executions/exec-1').length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.requests.filter((r) => r.path === '/api/workflows/executions/exec-1').length).toBe(polls);

    fireEvent.click(screen.getByTestId('stepTreeNode-last'));
    expect(screen.getByTestId('stepRecordTitle')).toHaveTextContent('last');
    expect(screen.getByTestId('stepRecordError')).toHaveTextContent('TemplateRenderError');
  });
});
