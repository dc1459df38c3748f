import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { WorkflowDetail } from '../api';
import { createFakeServer, renderWithServices } from '../test_helpers/render_with_services';
import { RunWorkflowFromList } from './run_workflow_from_list';
import { alertRunInputs, RunWorkflowModal, runTabsFor } from './run_workflow_modal';

jest.setTimeout(60_000);

const detail: WorkflowDetail = {
  id: 'workflow-1',
  name: 'Inputs demo',
  enabled: true,
  tags: [],
  valid: true,
  yaml: '',
  spaceId: 'default',
  createdAt: '',
  createdBy: 'elastic',
  lastUpdatedAt: '',
  lastUpdatedBy: 'elastic',
  definition: {
    version: '1',
    name: 'Inputs demo',
    enabled: true,
    triggers: [{ type: 'manual' }, { type: 'alert' }],
    inputs: [
      { name: 'message', type: 'string', default: 'hello', required: true },
      { name: 'count', type: 'number', default: 2 },
      { name: 'dryRun', type: 'boolean', default: false },
      { name: 'level', type: 'choice', options: ['low', 'high'], default: 'low' },
    ],
    steps: [{ name: 's', type: 'console' }],
  },
};

const alerts = [
  { _id: 'a1', _index: '.internal.alerts-security.alerts-default-000001', '@timestamp': '2026-01-01T10:00:00.000Z', ruleName: 'Rule A', severity: 'high', status: 'open', reason: 'reason A', hostName: 'host-a' },
  { _id: 'a2', _index: '.internal.alerts-security.alerts-default-000001', '@timestamp': '2026-01-01T11:00:00.000Z', ruleName: 'Rule B', severity: 'low', status: 'open', reason: 'reason B', userName: 'bob' },
  { _id: 'a3', _index: '.internal.alerts-security.alerts-default-000001', '@timestamp': '2026-01-01T12:00:00.000Z', ruleName: 'Rule C', severity: 'medium', status: 'open', reason: 'reason C' },
];

function server() {
  return createFakeServer([
    { method: 'GET', path: '/api/workflows/workflow/workflow-1', reply: () => ({ body: detail }) },
    { method: 'POST', path: '/api/workflows/workflow/workflow-1/run', reply: () => ({ body: { workflowExecutionId: 'exec-9' } }) },
    { method: 'POST', path: '/api/workflows/test', reply: () => ({ body: { workflowExecutionId: 'exec-test' } }) },
    { method: 'POST', path: '/internal/workflows/alerts/_search', reply: () => ({ body: { alerts, total: 120 } }) },
  ]);
}

describe('runTabsFor and alertRunInputs', () => {
  it('shows the tabs the triggers allow', () => {
    expect(runTabsFor(['manual', 'alert'], false)).toEqual(['manual', 'alert']);
    expect(runTabsFor(['alert'], false)).toEqual(['alert']);
    expect(runTabsFor(['alert'], true)).toEqual(['manual', 'alert']);
    expect(runTabsFor([], false)).toEqual(['manual']);
  });
  it('builds the §6.2 alert event', () => {
    expect(alertRunInputs([alerts[0]])).toEqual({ event: { triggerType: 'alert', alertIds: [{ _id: 'a1', _index: alerts[0]._index }] } });
  });
});

describe('Run dialog', () => {
  it('from the list: generates the inputs form from the definition and runs /run with typed inputs', async () => {
    const fake = server();
    const onStarted = jest.fn();
    renderWithServices(<RunWorkflowFromList workflowId="workflow-1" onClose={jest.fn()} onStarted={onStarted} />, { server: fake });
    const form = await screen.findByTestId('manualInputsForm');
    expect(within(form).getByTestId('runInput-message')).toHaveValue('hello');
    expect(within(form).getByTestId('runInput-count')).toHaveValue(2);
    expect(within(form).getByTestId('runInput-dryRun')).toHaveAttribute('aria-checked', 'false');
    expect(within(form).getByTestId('runInput-level')).toHaveValue('low');
    expect(form).toHaveTextContent('message *');

    fireEvent.change(within(form).getByTestId('runInput-message'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('runWorkflowSubmit'));
    expect(await screen.findByText('message is required')).toBeInTheDocument();
    expect(fake.requests.some((r) => r.path.endsWith('/run'))).toBe(false);

    fireEvent.change(within(form).getByTestId('runInput-message'), { target: { value: 'go' } });
    fireEvent.change(within(form).getByTestId('runInput-count'), { target: { value: '5' } });
    fireEvent.click(within(form).getByTestId('runInput-dryRun'));
    fireEvent.change(within(form).getByTestId('runInput-level'), { target: { value: 'high' } });
    await act(async () => fireEvent.click(screen.getByTestId('runWorkflowSubmit')));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('exec-9'));
    const run = fake.requests.find((r) => r.path === '/api/workflows/workflow/workflow-1/run');
    expect(run?.body).toEqual({ inputs: { message: 'go', count: 5, dryRun: true, level: 'high' } });
  });

  it('edits inputs as JSON and reports invalid JSON', async () => {
    const fake = server();
    const onStarted = jest.fn();
    renderWithServices(
      <RunWorkflowModal target={{ mode: 'test', workflowYaml: 'yaml text', workflowId: 'workflow-1' }} triggerTypes={['manual']} inputs={detail.definition?.inputs} onClose={jest.fn()} onStarted={onStarted} />,
      { server: fake },
    );
    expect(screen.getByTestId('testRunBadge')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('runInputsJsonToggle'));
    const json = screen.getByTestId('runInputsJson');
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual({ message: 'hello', count: 2, dryRun: false, level: 'low' });
    fireEvent.change(json, { target: { value: '[1]' } });
    fireEvent.click(screen.getByTestId('runWorkflowSubmit'));
    expect(await screen.findByText(/The inputs must be a JSON object/)).toBeInTheDocument();
    fireEvent.change(json, { target: { value: '{"message": "from json", "extra": [1]}' } });
    await act(async () => fireEvent.click(screen.getByTestId('runWorkflowSubmit')));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('exec-test'));
    expect(fake.requests.find((r) => r.path === '/api/workflows/test')?.body).toEqual({
      workflowYaml: 'yaml text',
      workflowId: 'workflow-1',
      inputs: { message: 'from json', extra: [1] },
    });
  });

  it('alert tab: searches alerts for the last 24 h, selects two and sends their ids', async () => {
    const fake = server();
    const onStarted = jest.fn();
    renderWithServices(<RunWorkflowModal target={{ mode: 'run', workflowId: 'workflow-1' }} triggerTypes={['manual', 'alert']} onClose={jest.fn()} onStarted={onStarted} />, {
      server: fake,
    });
    fireEvent.click(screen.getByTestId('runTab-alert'));
    const rows = await screen.findAllByTestId('alertPickerRow');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Rule A');
    expect(rows[0]).toHaveTextContent('host-a');
    expect(rows[1]).toHaveTextContent('bob');
    const search = fake.requests.find((r) => r.path === '/internal/workflows/alerts/_search');
    expect(search?.body).toEqual({ from: 'now-24h', to: 'now', size: 50 });
    expect(screen.getByTestId('alertPickerSummary')).toHaveTextContent('Showing 3 of 120 alerts');

    fireEvent.click(screen.getByTestId('runWorkflowSubmit'));
    expect(await screen.findByTestId('runAlertSelectionError')).toHaveTextContent('Select at least one alert.');

    fireEvent.click(within(rows[0]).getByRole('checkbox'));
    fireEvent.click(within(rows[2]).getByRole('checkbox'));
    await waitFor(() => expect(screen.getByTestId('alertPickerSummary')).toHaveTextContent('2 alerts selected'));

    const kql = screen.getByTestId('alertPickerKql');
    fireEvent.change(kql, { target: { value: 'kibana.alert.severity: high' } });
    fireEvent.keyUp(kql, { key: 'Enter' });
    await waitFor(() => expect(fake.requests.filter((r) => r.path === '/internal/workflows/alerts/_search').at(-1)?.body).toEqual({ query: 'kibana.alert.severity: high', from: 'now-24h', to: 'now', size: 50 }));

    await act(async () => fireEvent.click(screen.getByTestId('runWorkflowSubmit')));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('exec-9'));
    expect(fake.requests.find((r) => r.path.endsWith('/run'))?.body).toEqual({
      inputs: { event: { triggerType: 'alert', alertIds: [{ _id: 'a1', _index: alerts[0]._index }, { _id: 'a3', _index: alerts[2]._index }] } },
    });
  });

  it('shows the server error when the run is refused', async () => {
    const fake = createFakeServer([
      {
        method: 'POST',
        path: '/api/workflows/workflow/workflow-1/run',
        reply: () => ({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Workflow is disabled. Enable it to run it.' } }),
      },
    ]);
    renderWithServices(<RunWorkflowModal target={{ mode: 'run', workflowId: 'workflow-1' }} triggerTypes={['manual']} onClose={jest.fn()} onStarted={jest.fn()} />, { server: fake });
    expect(screen.getByText('This workflow declares no inputs.')).toBeInTheDocument();
    await act(async () => fireEvent.click(screen.getByTestId('runWorkflowSubmit')));
    expect(await screen.findByTestId('runWorkflowError')).toHaveTextContent('Workflow is disabled. Enable it to run it.');
    expect(fake.requests.at(-1)?.body).toEqual({ inputs: {} });
  });
});
