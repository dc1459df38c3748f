import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AlertHit, SearchAlertsResponse } from '../../common/api';
import type { AlertsApi } from '../api/alerts_api';
import { createExtensionRegistry } from '../extensions/extension_registry';
import type { SelectedAlert } from '../types';
import { AlertsPage } from './alerts_page';

jest.setTimeout(60_000);

const hit = (id: string): AlertHit => ({
  _id: id,
  _index: '.internal.alerts-security.alerts-default-000001',
  _source: { '@timestamp': '2026-01-05T10:00:00.000Z', 'kibana.alert.rule.name': `Rule ${id}`, 'kibana.alert.workflow_status': 'open' },
});

function api(hits: AlertHit[]): AlertsApi {
  const response = (h: AlertHit[]): SearchAlertsResponse => ({ took: 1, timed_out: false, hits: { total: { value: h.length, relation: 'eq' }, hits: h } });
  const unused = jest.fn(async () => {
    throw new Error('not used');
  });
  return { searchAlerts: jest.fn(async (body) => response(body.aggs ? [] : hits)), setStatus: unused, setTags: unused, getNotes: unused, persistNote: unused, deleteNote: unused };
}

const checkbox = (id: string) => within(screen.getByTestId(`alertRow-${id}`)).getByRole('checkbox');

describe('alerts table bulk actions extension point', () => {
  it('shows registered bulk actions for the selection and hands them the selected alerts', async () => {
    const extensions = createExtensionRegistry();
    const received: SelectedAlert[][] = [];
    extensions.extensionPoints().registerAlertsBulkAction({
      id: 'triage',
      label: 'Run triage',
      maxAlerts: 2,
      onClick: (alerts, { clearSelection }) => {
        received.push(alerts);
        clearSelection();
      },
    });
    render(<AlertsPage api={api([hit('a1'), hit('a2'), hit('a3')])} extensions={extensions} flyoutAlertId={undefined} onFlyoutAlertChange={jest.fn()} onError={jest.fn()} />);
    await screen.findByTestId('alertRow-a1');
    expect(screen.queryByTestId('alertsBulkToolbar')).toBeNull();

    fireEvent.click(checkbox('a1'));
    fireEvent.click(checkbox('a3'));
    expect(await screen.findByTestId('alertsSelectedCount')).toHaveTextContent('2 selected');
    fireEvent.click(screen.getByTestId('alertsBulkAction-triage'));
    expect(received).toEqual([[expect.objectContaining({ id: 'a1', index: hit('a1')._index }), expect.objectContaining({ id: 'a3' })]]);
    await waitFor(() => expect(screen.queryByTestId('alertsBulkToolbar')).toBeNull());

    // Above maxAlerts the action is disabled.
    for (const id of ['a1', 'a2', 'a3']) fireEvent.click(checkbox(id));
    expect(await screen.findByTestId('alertsSelectedCount')).toHaveTextContent('3 selected');
    expect(screen.getByTestId('alertsBulkAction-triage')).toBeDisabled();
  });

  it('rejects a duplicate id and unregisters', () => {
    const extensions = createExtensionRegistry();
    const off = extensions.extensionPoints().registerAlertsBulkAction({ id: 'x', label: 'X', onClick: jest.fn() });
    expect(() => extensions.extensionPoints().registerAlertsBulkAction({ id: 'x', label: 'X', onClick: jest.fn() })).toThrow('already registered');
    off();
    expect(extensions.bulkActions.get()).toEqual([]);
  });
});
