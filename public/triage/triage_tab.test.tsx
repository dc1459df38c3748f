import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createBasePath, createHttpService } from '../../platform/core/public';
import { createAlertsApi } from '../../platform/plugins/security_solution/public/api/alerts_api';
import type { RelatedGraphResponse } from '../../common/api/triage';
import { RunTriageAction } from './run_triage_action';
import { createTriageApi } from './triage_api';
import { TriageTab } from './triage_tab';

jest.mock('@xyflow/react/dist/style.css', () => ({}));
jest.setTimeout(30_000);

// @xyflow/react measures its viewport; jsdom has no layout.
class FakeResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, { ResizeObserver: FakeResizeObserver });
Object.defineProperty(window, 'DOMMatrixReadOnly', {
  value: class {
    m22 = 1;
    constructor() {}
  },
});

const P = 'workflow.security.alert.validation';
const WORKFLOW = 'workflow-3cf6d7f4-864f-4722-834d-ae1743f445ea';

interface Server {
  tags: string[];
  notes: Array<{ note: string; created: number }>;
  graph?: RelatedGraphResponse;
  graphStatus?: number;
  runStatus?: number;
  executions: Array<{ status: string; stepExecutions: Array<{ stepId: string; status: string }>; error?: { message: string } }>;
  calls: Array<{ method: string; url: string; body?: unknown }>;
}

const graph: RelatedGraphResponse = {
  nodes: [{ id: 'a1' }, { id: 'a2' }],
  edges: [{ from: 'a1', to: 'a2', score: 8, label_scores: { host: 4, user: 4 } }],
  alerts: [
    { alert_id: 'a1', alert_index: 'i', severity: 'high', rule_name: 'Seed rule', why: [], why_text: '' },
    { alert_id: 'a2', alert_index: 'i', severity: 'low', rule_name: 'Other rule', why: [{ from: 'a1', score: 8, label_scores: {}, matches: [{ label: 'host', field: 'host.id', matched_field: 'host.id', value: 'h-1', score: 4 }] }], why_text: 'a1 (score 8): host.id=h-1' },
  ],
  stats: { depth_reached: 1, nodes: 2, edges: 1, queries: 2, searches: 2, time_range: { gte: 'x', lte: 'y' }, stop_reason: 'exhausted' },
};

/** The parts of a fetch `Response` core.http reads (jsdom has no `Response`). */
const json = (status: number, body: unknown) => ({
  ok: status >= 200 && status < 300,
  status,
  statusText: status === 200 ? 'OK' : 'Error',
  headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
  text: async () => JSON.stringify(body),
});

function setup(server: Server) {
  const fetchImpl = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    server.calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.includes('/related_graph')) return server.graph ? json(200, server.graph) : json(server.graphStatus ?? 502, { statusCode: server.graphStatus ?? 502, error: 'Bad Gateway', message: 'graph search failed' });
    if (url.includes('/narrative')) return json(200, { alert_id: 'a1', alert_index: 'i', strategy: 'process', text: 'alice ran psexec.exe on host-1' });
    if (url.includes('/signals/search')) return json(200, { took: 1, timed_out: false, hits: { total: { value: 1, relation: 'eq' }, hits: [{ _id: 'a1', _index: 'i', _source: { kibana: { alert: { workflow_tags: server.tags } } } }] } });
    if (url.includes('/api/note')) return json(200, { notes: server.notes.map((n, i) => ({ noteId: `n${i}`, version: 'v', eventId: 'a1', timelineId: '', createdBy: 'e', updated: n.created, updatedBy: 'e', ...n })), totalCount: server.notes.length });
    if (url.includes('/run')) return server.runStatus ? json(server.runStatus, { statusCode: server.runStatus, error: 'Not Found', message: 'Workflow not found' }) : json(200, { workflowExecutionId: 'exec-1' });
    if (url.includes('/api/workflows/executions/')) return json(200, server.executions.length > 1 ? server.executions.shift() : server.executions[0]);
    return json(404, { message: `unexpected ${url}` });
  });
  const http = createHttpService({ basePath: createBasePath('', 'default'), fetchImpl: fetchImpl as unknown as typeof fetch });
  return createTriageApi(http, createAlertsApi(http));
}

const base = (): Server => ({ tags: [], notes: [], graph, executions: [], calls: [] });

describe('Triage tab', () => {
  it('shows "Not triaged yet", the narrative and the related-alert graph; clicking a node opens that alert', async () => {
    const server = base();
    const onOpen = jest.fn();
    render(<TriageTab alertId="a1" api={setup(server)} onOpenAlert={onOpen} />);
    expect(await screen.findByTestId('triageNotTriaged')).toHaveTextContent('Not triaged yet');
    expect(await screen.findByTestId('triageNarrative')).toHaveTextContent('alice ran psexec.exe on host-1');
    expect(await screen.findByTestId('triageGraphStats')).toHaveTextContent('1 related alerts · 1 links · stopped: exhausted');
    const picture = screen.getByTestId('triageRelatedGraph');
    await waitFor(() => expect(within(picture).getByText('Other rule (low)')).toBeInTheDocument());
    expect(within(picture).getByText('Seed rule (high)')).toBeInTheDocument();
    fireEvent.click(within(picture).getByText('Other rule (low)'));
    expect(onOpen).toHaveBeenCalledWith('a2');
    const graphCall = server.calls.find((c) => c.url.includes('related_graph'));
    expect(graphCall?.url).toContain('/internal/security_ai_assistant/alerts/a1/related_graph');
  });

  it('shows the verdict from tags and the verdict note', async () => {
    const server = base();
    server.tags = [`${P}.output.classification.false_positive`, `${P}.output.confidence_score.0.9`, `${P}.closed-by-workflow`];
    server.notes = [{ note: '## Automated Alert Analysis\n\n**Classification:** **false_positive**\n**Confidence:** 0.9 (90%)\n\n**Rationale:** Backup job.', created: 2 }];
    render(<TriageTab alertId="a1" api={setup(server)} onOpenAlert={jest.fn()} />);
    expect(await screen.findByTestId('triageClassification')).toHaveTextContent('false_positive');
    expect(screen.getByTestId('triageConfidence')).toHaveTextContent('Confidence 90%');
    expect(screen.getByTestId('triageRationale')).toHaveTextContent('Backup job.');
    expect(screen.getByTestId('triageVerdict')).toHaveTextContent('closed by workflow');
  });

  it('shows the not_analysed reason and a graph error', async () => {
    const server = base();
    server.tags = [`${P}.not_analysed.no_connector`];
    server.graph = undefined;
    render(<TriageTab alertId="a1" api={setup(server)} onOpenAlert={jest.fn()} />);
    expect(await screen.findByTestId('triageNotAnalysed')).toHaveTextContent('Not analysed: no_connector');
    expect(await screen.findByTestId('triageGraphError')).toHaveTextContent('graph search failed');
  });
});

describe('Run triage', () => {
  it('runs the workflow on the alert, shows progress, then refreshes the tab', async () => {
    const server = base();
    server.executions = [
      { status: 'running', stepExecutions: [{ stepId: 'fetch_alert', status: 'completed' }, { stepId: 'build_graph', status: 'running' }] },
      { status: 'completed', stepExecutions: [{ stepId: 'fetch_alert', status: 'completed' }, { stepId: 'build_graph', status: 'completed' }] },
    ];
    const api = setup(server);
    const onFinished = jest.fn();
    render(
      <>
        <RunTriageAction alert={{ id: 'a1', index: '.alerts-security.alerts-default' }} api={api} pollMs={50} onFinished={onFinished} />
        <TriageTab alertId="a1" api={api} onOpenAlert={jest.fn()} />
      </>,
    );
    expect(await screen.findByTestId('triageNotTriaged')).toBeInTheDocument();
    server.tags = [`${P}.output.classification.true_positive`, `${P}.output.confidence_score.0.8`];
    fireEvent.click(screen.getByTestId('runTriageButton'));
    expect(await screen.findByTestId('runTriageProgress')).toHaveTextContent('1 steps completed · build_graph');
    expect(await screen.findByTestId('runTriageDone')).toBeInTheDocument();
    expect(await screen.findByTestId('triageClassification')).toHaveTextContent('true_positive');
    // The flyout reloads the alert and the table refreshes once, after the run ended.
    expect(onFinished).toHaveBeenCalledTimes(1);
    const run = server.calls.find((c) => c.url.includes('/run'));
    expect(run?.url).toContain(`/api/workflows/workflow/${WORKFLOW}/run`);
    expect(run?.body).toEqual({ inputs: { event: { triggerType: 'alert', alertIds: [{ _id: 'a1', _index: '.alerts-security.alerts-default' }] } } });
    await act(async () => undefined);
  });

  it('keeps following a run after the flyout closed, so the table still refreshes when it ends', async () => {
    const server = base();
    server.executions = [
      { status: 'running', stepExecutions: [{ stepId: 'run_agent', status: 'running' }] },
      { status: 'running', stepExecutions: [{ stepId: 'run_agent', status: 'running' }] },
      { status: 'completed', stepExecutions: [{ stepId: 'run_agent', status: 'completed' }] },
    ];
    const onFinished = jest.fn();
    const { unmount } = render(<RunTriageAction alert={{ id: 'a1', index: 'i' }} api={setup(server)} pollMs={20} onFinished={onFinished} />);
    fireEvent.click(screen.getByTestId('runTriageButton'));
    await waitFor(() => expect(screen.getByTestId('runTriageProgress')).toHaveTextContent('0 steps completed · run_agent'));
    expect(onFinished).not.toHaveBeenCalled();
    unmount();
    await waitFor(() => expect(onFinished).toHaveBeenCalledTimes(1));
    expect(server.calls.filter((c) => c.url.includes('/api/workflows/executions/')).length).toBe(3);
  });

  it('explains a missing workflow and a failed run', async () => {
    const server = base();
    server.runStatus = 404;
    const notStarted = jest.fn();
    const { unmount } = render(<RunTriageAction alert={{ id: 'a1', index: 'i' }} api={setup(server)} pollMs={10} onFinished={notStarted} />);
    fireEvent.click(screen.getByTestId('runTriageButton'));
    expect(await screen.findByTestId('runTriageError')).toHaveTextContent('preinstalledWorkflowsEnabled');
    expect(notStarted).not.toHaveBeenCalled();
    unmount();

    const failing = base();
    failing.executions = [{ status: 'failed', stepExecutions: [], error: { message: 'step blew up' } }];
    const onFinished = jest.fn();
    render(<RunTriageAction alert={{ id: 'a1', index: 'i' }} api={setup(failing)} pollMs={10} onFinished={onFinished} />);
    fireEvent.click(screen.getByTestId('runTriageButton'));
    expect(await screen.findByTestId('runTriageError')).toHaveTextContent('Triage failed: step blew up');
    // A failed run may still have written a note or tags.
    expect(onFinished).toHaveBeenCalledTimes(1);
  });
});
