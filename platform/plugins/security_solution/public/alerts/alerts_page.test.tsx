import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AlertHit, SearchAlertsRequestBody, SearchAlertsResponse } from '../../common/api';
import type { AlertsApi } from '../api/alerts_api';
import { createExtensionRegistry } from '../extensions/extension_registry';
import { AlertsPage } from './alerts_page';

jest.setTimeout(60_000);

const hit = (id: string, rule: string, extra: Record<string, unknown> = {}): AlertHit => ({
  _id: id,
  _index: '.internal.alerts-security.alerts-default-000001',
  _source: {
    '@timestamp': '2026-01-05T10:00:00.000Z',
    'kibana.alert.rule.name': rule,
    'kibana.alert.severity': 'high',
    'kibana.alert.risk_score': 73,
    'kibana.alert.workflow_status': 'open',
    'kibana.alert.workflow_tags': ['keep'],
    'kibana.alert.reason': `process event on host-${id}`,
    host: { name: `host-${id}` },
    user: { name: 'alice' },
    ...extra,
  },
});

function fakeApi(hits: AlertHit[]) {
  const searches: SearchAlertsRequestBody[] = [];
  const api: AlertsApi = {
    searchAlerts: jest.fn(async (body: SearchAlertsRequestBody): Promise<SearchAlertsResponse> => {
      searches.push(body);
      if (body.aggs) return { took: 1, timed_out: false, hits: { total: { value: hits.length, relation: 'eq' }, hits: [] }, aggregations: { rules: { buckets: [{ key: 'Rule A', doc_count: 1 }] }, statuses: { buckets: [{ key: 'open', doc_count: 2 }] } } };
      const ids = (body.query as { ids?: { values: string[] } } | undefined)?.ids?.values;
      const selected = ids ? hits.filter((h) => ids.includes(h._id)) : hits;
      return { took: 1, timed_out: false, hits: { total: { value: ids ? selected.length : 12_345, relation: 'eq' }, hits: selected } };
    }),
    setStatus: jest.fn(async () => ({ took: 1, timed_out: false, total: 1, updated: 1, deleted: 0, batches: 1, version_conflicts: 0, noops: 0, retries: { bulk: 0, search: 0 }, throttled_millis: 0, requests_per_second: -1, throttled_until_millis: 0, failures: [] })),
    setTags: jest.fn(async () => ({ took: 1, timed_out: false, total: 1, updated: 1, deleted: 0, batches: 1, version_conflicts: 0, noops: 0, retries: { bulk: 0, search: 0 }, throttled_millis: 0, requests_per_second: -1, throttled_until_millis: 0, failures: [] })),
    getNotes: jest.fn(async () => ({ notes: [{ noteId: 'n1', version: 'v', eventId: 'a1', timelineId: '', note: 'Looks **bad**', created: 1, createdBy: 'elastic', updated: 1, updatedBy: 'elastic' }], totalCount: 1 })),
    persistNote: jest.fn(async () => ({ note: { noteId: 'n2', version: 'v', eventId: 'a1', timelineId: '', note: 'x', created: 1, createdBy: 'elastic', updated: 1, updatedBy: 'elastic' } })),
    deleteNote: jest.fn(async () => undefined),
  };
  return { api, searches };
}

describe('Alerts page', () => {
  it('lists alerts from a server-side search, searches by text, and opens the flyout from a row', async () => {
    const { api, searches } = fakeApi([hit('a1', 'Rule A'), hit('a2', 'Rule B')]);
    const onFlyout = jest.fn();
    render(<AlertsPage api={api} extensions={createExtensionRegistry()} flyoutAlertId={undefined} onFlyoutAlertChange={onFlyout} onError={jest.fn()} />);
    expect(await screen.findByTestId('alertRow-a1')).toHaveTextContent('Rule A');
    expect(screen.getByTestId('alertRow-a2')).toHaveTextContent('host-a2');
    expect(screen.getByTestId('alertsCount')).toHaveTextContent('12,345 alerts (the first 10,000 can be paged');
    const first = searches.find((s) => !s.aggs);
    expect(first).toEqual(expect.objectContaining({ from: 0, size: 25, track_total_hits: true }));
    expect(JSON.stringify(first?.query)).toContain('"kibana.alert.workflow_status":["open"]');

    fireEvent.change(screen.getByTestId('alertsSearchBar'), { target: { value: 'psexec' } });
    fireEvent.keyUp(screen.getByTestId('alertsSearchBar'), { key: 'Enter' });
    await waitFor(() => expect(JSON.stringify(searches[searches.length - 1]?.query)).toContain('"query":"psexec"'));

    fireEvent.click(within(screen.getByTestId('alertRow-a1')).getByTestId('alertTimestampLink'));
    expect(onFlyout).toHaveBeenCalledWith('a1');
  });

  it('reloads the flyout alert and refreshes the table when a header action reports the alert changed', async () => {
    const { api, searches } = fakeApi([hit('a1', 'Rule A'), hit('a2', 'Rule B')]);
    const extensions = createExtensionRegistry();
    extensions.extensionPoints().registerAlertFlyoutHeaderAction({
      id: 'runner',
      Component: ({ alert, onAlertChanged }) => (
        <button data-test-subj="runnerDone" onClick={onAlertChanged}>
          ran on {alert.id}
        </button>
      ),
    });
    render(<AlertsPage api={api} extensions={extensions} flyoutAlertId="a1" onFlyoutAlertChange={jest.fn()} onError={jest.fn()} />);
    expect(await screen.findByTestId('runnerDone')).toHaveTextContent('ran on a1');
    expect(within(await screen.findByTestId('alertRow-a1')).getByTestId('alertWorkflowTags')).toHaveTextContent('keep');
    await waitFor(() => expect(searches.filter((s) => s.aggs).length).toBe(1));
    const count = (kind: 'table' | 'flyout') => searches.filter((s) => !s.aggs && (kind === 'flyout') === JSON.stringify(s.query).includes('"ids"')).length;
    const before = { table: count('table'), flyout: count('flyout') };

    fireEvent.click(screen.getByTestId('runnerDone'));
    await waitFor(() => expect(count('table')).toBe(before.table + 1));
    await waitFor(() => expect(count('flyout')).toBe(before.flyout + 1));
    await act(async () => undefined);
  });

  it('flyout shows overview, fields, markdown notes, extension actions/tabs, and changes status and tags', async () => {
    const { api } = fakeApi([hit('a1', 'Rule A')]);
    const extensions = createExtensionRegistry();
    extensions.extensionPoints().registerAlertFlyoutHeaderAction({ id: 'chat', Component: ({ alert }) => <button data-test-subj="chatButton">Chat about {alert.id}</button> });
    extensions.extensionPoints().registerAlertFlyoutTab({ id: 'graph', name: 'Graph', Component: ({ alert }) => <p data-test-subj="graphTab">graph of {alert.id}</p> });
    render(<AlertsPage api={api} extensions={extensions} flyoutAlertId="a1" onFlyoutAlertChange={jest.fn()} onError={jest.fn()} />);

    expect(await screen.findByTestId('alertFlyoutTitle')).toHaveTextContent('Rule A');
    expect(screen.getByTestId('chatButton')).toHaveTextContent('Chat about a1');
    expect(screen.getByTestId('alertOverview')).toHaveTextContent('host-a1');

    fireEvent.click(screen.getByTestId('alertFlyoutTab-table'));
    expect(within(screen.getByTestId('alertFieldsTable')).getAllByText('kibana.alert.rule.name').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByTestId('alertFlyoutTab-notes'));
    const note = await screen.findByTestId('alertNote');
    expect(note.querySelector('strong')?.textContent).toBe('bad');
    fireEvent.change(screen.getByTestId('alertNoteInput'), { target: { value: 'New *note*' } });
    fireEvent.click(screen.getByTestId('alertAddNote'));
    await waitFor(() => expect(api.persistNote).toHaveBeenCalledWith({ eventId: 'a1', note: 'New *note*' }));

    fireEvent.click(screen.getByTestId('alertFlyoutTab-ext:graph'));
    expect(screen.getByTestId('graphTab')).toHaveTextContent('graph of a1');

    fireEvent.click(screen.getByTestId('alertStatusActions'));
    fireEvent.click(await screen.findByTestId('closeAlertStatus-false_positive'));
    await waitFor(() => expect(api.setStatus).toHaveBeenCalledWith({ signal_ids: ['a1'], status: 'closed', reason: 'false_positive' }));

    fireEvent.change(screen.getByTestId('alertAddTag'), { target: { value: 'triaged' } });
    fireEvent.keyDown(screen.getByTestId('alertAddTag'), { key: 'Enter' });
    await waitFor(() => expect(api.setTags).toHaveBeenCalledWith(['a1'], { tags_to_add: ['triaged'], tags_to_remove: [] }));
    await act(async () => undefined);
  });
});
