import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { WorkflowListItem } from '../api';
import { WorkflowsApp } from '../app/workflows_app';
import { createFakeServer, type RecordedRequest } from '../test_helpers/render_with_services';
import { renderWithServices } from '../test_helpers/render_with_services';

jest.setTimeout(60_000);

const item = (overrides: Partial<WorkflowListItem>): WorkflowListItem => ({
  id: 'workflow-1',
  name: 'Triage alerts',
  description: 'Enrich and close false positives',
  enabled: true,
  tags: ['security'],
  valid: true,
  spaceId: 'default',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'elastic',
  lastUpdatedAt: '2026-01-01T00:00:00.000Z',
  lastUpdatedBy: 'elastic',
  triggerTypes: ['manual', 'alert'],
  history: [],
  ...overrides,
});

function listServer(initial: WorkflowListItem[]) {
  let items = [...initial];
  const server = createFakeServer([
    {
      method: 'GET',
      path: '/api/workflows',
      reply: (r: RecordedRequest) => {
        const query = r.query.get('query')?.toLowerCase();
        const enabled = r.query.get('enabled');
        const results = items.filter((w) => (!query || w.name.toLowerCase().includes(query)) && (enabled === null || String(w.enabled) === enabled));
        return { body: { results, page: Number(r.query.get('page')), size: Number(r.query.get('size')), total: results.length } };
      },
    },
    {
      method: 'PUT',
      path: /^\/api\/workflows\/workflow\/[^/]+$/,
      reply: (r) => {
        const id = decodeURIComponent(r.path.split('/').pop() ?? '');
        items = items.map((w) => (w.id === id ? { ...w, ...(r.body as Partial<WorkflowListItem>) } : w));
        return { body: { ...items.find((w) => w.id === id), yaml: '', definition: null } };
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/workflows\/workflow\/[^/]+$/,
      reply: (r) => {
        const id = decodeURIComponent(r.path.split('/').pop() ?? '');
        items = items.filter((w) => w.id !== id);
        return { body: {} };
      },
    },
  ]);
  return server;
}

describe('Workflows list page', () => {
  it('shows rows with last run, triggers, tags, an invalid icon and a locked switch; toggles, filters, searches and deletes', async () => {
    const server = listServer([
      item({ history: [{ id: 'exec-1', status: 'completed', isTestRun: false, triggeredBy: 'manual', startedAt: new Date(Date.now() - 60_000).toISOString() }] }),
      item({
        id: 'workflow-2',
        name: 'Broken one',
        description: undefined,
        enabled: false,
        valid: false,
        tags: [],
        triggerTypes: [],
        validationErrors: [{ severity: 'error', code: 'schema', message: 'steps: Required', path: ['steps'], line: 1, column: 1, endLine: 1, endColumn: 2 }],
      }),
    ]);
    renderWithServices(<WorkflowsApp />, { server });

    const rows = await screen.findAllByTestId('workflowRow');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByTestId('workflowNameLink')).toHaveTextContent('Triage alerts');
    expect(rows[0]).toHaveTextContent('Enrich and close false positives');
    expect(rows[0]).toHaveTextContent('security');
    expect(within(rows[0]).getByTestId('executionStatusBadge-completed')).toHaveTextContent('Success');
    expect(within(rows[0]).getByTestId('workflowLastRunLink')).toHaveAttribute('href', '/app/workflows/workflow-1?tab=executions&executionId=exec-1');
    expect(within(rows[0]).getByTestId('triggerIcon-alert')).toBeInTheDocument();
    expect(within(rows[0]).queryByTestId('workflowInvalidIcon')).toBeNull();
    expect(within(rows[0]).getByTestId('runWorkflowAction')).toBeEnabled();

    expect(within(rows[1]).getByTestId('workflowInvalidIcon')).toBeInTheDocument();
    expect(within(rows[1]).getByTestId('workflowEnabledSwitch')).toBeDisabled();
    expect(within(rows[1]).getByTestId('runWorkflowAction')).toBeDisabled();
    expect(rows[1]).toHaveTextContent('Never');
    fireEvent.mouseOver(within(rows[1]).getByTestId('workflowInvalidIcon'));
    expect(await screen.findByText('Invalid: steps: Required')).toBeInTheDocument();

    // Enabled switch → PUT {enabled: false}
    fireEvent.click(within(rows[0]).getByTestId('workflowEnabledSwitch'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'PUT' && (r.body as { enabled?: boolean }).enabled === false)).toBe(true));

    // Enabled filter → enabled=true
    fireEvent.click(screen.getByTestId('workflowsDisabledFilter'));
    await waitFor(() => expect(server.requests.at(-1)?.query.get('enabled')).toBe('false'));
    await waitFor(() => expect(screen.getAllByTestId('workflowRow')).toHaveLength(2));
    fireEvent.click(screen.getByTestId('workflowsDisabledFilter'));

    // Search
    const search = screen.getByTestId('workflowsSearch');
    fireEvent.change(search, { target: { value: 'broken' } });
    fireEvent.keyUp(search, { key: 'Enter' });
    await waitFor(() => expect(server.requests.at(-1)?.query.get('query')).toBe('broken'));
    await waitFor(() => expect(screen.getAllByTestId('workflowRow')).toHaveLength(1));

    // Delete with confirmation
    fireEvent.click(within(screen.getByTestId('workflowRow')).getByTestId('deleteWorkflowAction'));
    const confirm = await screen.findByTestId('deleteWorkflowConfirm');
    expect(confirm).toHaveTextContent('Delete "Broken one"?');
    await act(async () => fireEvent.click(within(confirm).getByTestId('confirmModalConfirmButton')));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'DELETE' && r.path === '/api/workflows/workflow/workflow-2')).toBe(true));
    await waitFor(() => expect(screen.queryAllByTestId('workflowRow')).toHaveLength(0));
    expect(screen.getByText('No workflows match your filters.')).toBeInTheDocument();
  });

  it('shows the empty state with Create workflow, which opens the editor route', async () => {
    const server = listServer([]);
    renderWithServices(<WorkflowsApp />, { server });
    const prompt = await screen.findByTestId('workflowsEmptyPrompt');
    expect(prompt).toHaveTextContent('Automate with workflows');
    fireEvent.click(within(prompt).getByTestId('createWorkflowButton'));
    expect(window.location.pathname).toBe('/app/workflows/create');
  });
});
