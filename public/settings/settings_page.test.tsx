/** Settings tabs in jsdom with fetch scripted at the HTTP boundary: every tab renders, forms validate the EUI way. */
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { AssistantProviders } from '../assistant/assistant_providers';
import { createFakeBackend, json, type Route } from '../test_support/fake_http';
import { SETTINGS_TABS, SettingsPage, type SettingsTabId } from './settings_page';

const API = '/api/security_ai_assistant';
// EUI renders slowly when the machine is shared; these are behaviour tests, not timing tests.
// findBy/waitFor get 10 s too: the default 1 s is not enough under a load of 8 parallel jobs on 2 cores.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);
const notifications = { toasts: { addError: jest.fn(), addSuccess: jest.fn(), addWarning: jest.fn(), addDanger: jest.fn(), add: jest.fn(), remove: jest.fn(), get$: jest.fn() } };

const routes: Route[] = [
  ({ path }) =>
    path === `${API}/current_user/capabilities`
      ? json(200, { privileges: { read: true, all: true, updateAnonymization: true, manageGlobalKnowledgeBase: true, connectorsRead: true, connectorsAll: true }, missingPrivileges: {}, knowledgeBase: { mode: 'lexical' } })
      : undefined,
  ({ path }) =>
    path === `${API}/connectors`
      ? json(200, { connectors: [{ id: 'fake', name: 'Fake LLM', actionTypeId: '.gen-ai', provider: 'Other', defaultModel: 'fake-model', toolCalling: 'auto', isPreconfigured: true, isMissingSecrets: false, isDefault: true }], defaultConnectorId: 'fake' })
      : undefined,
  ({ path }) =>
    path === `${API}/prompts/_find`
      ? json(200, { page: 1, perPage: 100, total: 1, data: [{ id: 'default-system-prompt', promptType: 'system', name: 'Default system prompt', content: 'Be concise.', isDefault: true, namespace: 'default', createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' }] })
      : undefined,
  ({ path }) =>
    path === `${API}/anonymization_fields/_find`
      ? json(200, { page: 1, perPage: 20, total: 1, stats: { allowed: 1, anonymized: 1, total: 1 }, data: [{ id: 'a', field: 'host.name', allowed: true, anonymized: true, isDefault: true, pendingReview: false }] })
      : undefined,
  ({ path }) => (path === `${API}/current_user/conversations/_find` ? json(200, { page: 1, perPage: 20, total: 1, data: [{ id: 'c1', title: 'Triage web01', conversationType: 'general', messageCount: 4, updatedAt: '2026-01-01T00:00:00Z', apiConfig: { connectorId: 'gone', actionTypeId: '.gen-ai' } }] }) : undefined),
  ({ path }) => (path === `${API}/knowledge_base` ? json(200, { mode: 'lexical', entry_count: 0, semantic: { available: false } }) : undefined),
  ({ path }) => (path === `${API}/knowledge_base/entries/_find` ? json(200, { page: 1, perPage: 20, total: 0, data: [] }) : undefined),
];

// jsdom has no canvas; EuiComboBox measures text with one.
HTMLCanvasElement.prototype.getContext = (() => ({ font: '', measureText: () => ({ width: 0 }) })) as unknown as HTMLCanvasElement['getContext'];

/** A combo box option by its whole label (the typed part is highlighted in its own element; role queries are slow here). */
const option = (label: string) => (_: string, el: Element | null) => el?.getAttribute('role') === 'option' && el.textContent === label;

function Harness({ initial }: { initial: SettingsTabId }) {
  const [tab, setTab] = useState<string>(initial);
  return <SettingsPage tab={tab} onTabChange={setTab} notifications={notifications} />;
}

function setup(initial: SettingsTabId = 'conversations', extra: Route[] = []) {
  const backend = createFakeBackend([...extra, ...routes]);
  render(
    <AssistantProviders api={backend.api} spaceId="default" queryClient={backend.queryClient} service={backend.service}>
      <Harness initial={initial} />
    </AssistantProviders>,
  );
  return backend;
}

describe('assistant settings page', () => {
  it('renders every tab with its content', async () => {
    setup();
    expect(await screen.findByText('Triage web01')).toBeInTheDocument();
    // A conversation whose connector was deleted says so.
    expect(screen.getByText('Missing')).toBeInTheDocument();
    const expected: Record<SettingsTabId, string> = {
      conversations: 'settingsConversationsTab',
      connectors: 'settingsConnectorsTab',
      system_prompts: 'settingsPromptsTab-system',
      quick_prompts: 'settingsPromptsTab-quick',
      anonymization: 'settingsAnonymizationTab',
      knowledge_base: 'settingsKnowledgeBaseTab',
    };
    for (const tab of SETTINGS_TABS) {
      fireEvent.click(screen.getByTestId(`settingsTab-${tab}`));
      expect(await screen.findByTestId(expected[tab])).toBeInTheDocument();
      if (tab === 'anonymization') expect(await screen.findByText('1 allowed · 1 anonymized · 1 fields')).toBeInTheDocument();
      if (tab === 'connectors') expect(await screen.findByText('Fake LLM')).toBeInTheDocument();
    }
  });

  it('validates the connector form on submit and requires a model for OpenAI-compatible servers', async () => {
    const { calls } = setup('connectors', [({ method, path }) => (method === 'POST' && path === '/api/actions/connector' ? json(200, { id: 'new' }) : undefined)]);
    fireEvent.click(await screen.findByTestId('settingsAddConnector'));
    const form = await screen.findByTestId('connectorFormFlyout');
    fireEvent.change(within(form).getByTestId('connectorKind'), { target: { value: 'other' } });
    fireEvent.click(within(form).getByTestId('connectorSave'));
    expect(within(form).getAllByText('Required').length).toBeGreaterThanOrEqual(3);
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/actions/connector')).toBe(false);
    fireEvent.change(within(form).getByTestId('connectorName'), { target: { value: 'Ollama' } });
    fireEvent.change(within(form).getByTestId('connectorUrl'), { target: { value: 'http://localhost:11434' } });
    expect(within(form).getByText('Requests go to http://localhost:11434/v1/chat/completions')).toBeInTheDocument();
    fireEvent.change(within(form).getByTestId('connectorModel'), { target: { value: 'llama3.1' } });
    fireEvent.click(within(form).getByTestId('connectorSave'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.path === '/api/actions/connector')?.body).toEqual({
      name: 'Ollama',
      connector_type_id: '.gen-ai',
      config: { apiProvider: 'Other', apiUrl: 'http://localhost:11434/v1/chat/completions', defaultModel: 'llama3.1', toolCalling: 'auto' },
      secrets: {},
    }));
  });

  it('collects a new system prompt behind Save (N) and rejects a duplicate name', async () => {
    const { calls } = setup('system_prompts', [
      ({ method, path }) => (method === 'POST' && path === `${API}/prompts/_bulk_action` ? json(200, { success: true, status_code: 200, attributes: { results: { created: [], updated: [], deleted: [], skipped: [] }, summary: { total: 1, succeeded: 1, failed: 0, skipped: 0 } } }) : undefined),
    ]);
    fireEvent.click(await screen.findByTestId('settingsAddPrompt'));
    const form = await screen.findByTestId('promptFormFlyout');
    fireEvent.change(within(form).getByTestId('promptName'), { target: { value: 'default SYSTEM prompt' } });
    fireEvent.change(within(form).getByTestId('promptContent'), { target: { value: 'Answer in bullet points.' } });
    fireEvent.click(within(form).getByTestId('promptFormSubmit'));
    expect(within(form).getByText('A prompt with this name already exists')).toBeInTheDocument();
    fireEvent.change(within(form).getByTestId('promptName'), { target: { value: 'Bullets' } });
    fireEvent.click(within(form).getByTestId('promptFormSubmit'));
    expect(await screen.findByTestId('settingsSave')).toHaveTextContent('Save (1)');
    fireEvent.click(screen.getByTestId('settingsSave'));
    await waitFor(() =>
      expect(calls.find((c) => c.path === `${API}/prompts/_bulk_action`)?.body).toEqual({
        create: [{ promptType: 'system', name: 'Bullets', content: 'Answer in bullet points.', isNewConversationDefault: false, defaultForConversationTypes: [] }],
      }),
    );
    await waitFor(() => expect(notifications.toasts.addSuccess).toHaveBeenCalledWith('Settings saved'));
  });

  it('Streaming switch is a pending change; Save applies it to the assistant (stream:false) without a bulk call', async () => {
    const { service, calls } = setup('conversations');
    window.localStorage.clear();
    service.setStreamingEnabled(true);
    const toggle = await screen.findByTestId('conversationsStreaming');
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(toggle);
    expect(await screen.findByTestId('settingsSave')).toHaveTextContent('Save (1)');
    expect(service.getState().streamingEnabled).toBe(true);
    fireEvent.click(screen.getByTestId('settingsSave'));
    await waitFor(() => expect(service.getState().streamingEnabled).toBe(false));
    expect(screen.getByTestId('conversationsStreaming')).toHaveAttribute('aria-checked', 'false');
    expect(calls.some((c) => c.path.endsWith('/_bulk_action'))).toBe(false);
    // Cancel drops an unsaved change.
    fireEvent.click(screen.getByTestId('conversationsStreaming'));
    fireEvent.click(await screen.findByTestId('settingsCancel'));
    expect(screen.getByTestId('conversationsStreaming')).toHaveAttribute('aria-checked', 'false');
  });

  it('Anonymization "Select all N" takes every page; a bulk action changes only rows that differ', async () => {
    // 45 process.* fields, 10 of them already anonymized.
    const fields = Array.from({ length: 45 }, (_, i) => ({ id: `f${i}`, field: `process.f${String(i).padStart(2, '0')}`, allowed: true, anonymized: i < 10, isDefault: true, pendingReview: false }));
    const { calls } = setup('anonymization', [
      ({ method, path, query }) => {
        if (method !== 'GET' || path !== `${API}/anonymization_fields/_find`) return undefined;
        if (query.get('filter') === 'pending_review:true') return json(200, { page: 1, perPage: 1, total: 0, data: [] });
        const page = Number(query.get('page'));
        const perPage = Number(query.get('per_page'));
        return json(200, { page, perPage, total: fields.length, stats: { allowed: 45, anonymized: 10, total: 45 }, data: fields.slice((page - 1) * perPage, page * perPage) });
      },
      ({ method, path }) => (method === 'POST' && path === `${API}/anonymization_fields/_bulk_action` ? json(200, { success: true, status_code: 200, attributes: { results: { created: [], updated: [], deleted: [], skipped: [] }, summary: { total: 35, succeeded: 35, failed: 0, skipped: 0 } } }) : undefined),
    ]);
    expect(await screen.findByTestId('anonymizationSelectAll')).toHaveTextContent('Select all 45');
    // No field pending review, so no banner.
    expect(screen.queryByTestId('anonymizationPendingReview')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('anonymizationSelectAll'));
    expect(await screen.findByText('All 45 fields selected')).toBeInTheDocument();
    const all = calls.filter((c) => c.path === `${API}/anonymization_fields/_find`).pop();
    expect(all).toBeDefined();
    fireEvent.click(screen.getByTestId('anonymizationBulk-anonymize'));
    expect(await screen.findByTestId('settingsSave')).toHaveTextContent('Save (35)');
    fireEvent.click(screen.getByTestId('settingsSave'));
    await waitFor(() => expect(calls.find((c) => c.path === `${API}/anonymization_fields/_bulk_action`)).toBeDefined());
    const body = calls.find((c) => c.path === `${API}/anonymization_fields/_bulk_action`)?.body as { update: Array<{ id: string; anonymized?: boolean }> };
    expect(body.update).toHaveLength(35);
    expect(body.update.every((u) => u.anonymized === true && Number(u.id.slice(1)) >= 10)).toBe(true);
  });

  it('Anonymization shows "N new default fields are available" and filters to them', async () => {
    const pendingRow = { id: 'p1', field: 'host.geo.city_name', allowed: false, anonymized: false, isDefault: true, pendingReview: true };
    setup('anonymization', [
      ({ method, path, query }) => {
        if (method !== 'GET' || path !== `${API}/anonymization_fields/_find`) return undefined;
        if (query.get('filter') === 'pending_review:true') return json(200, { page: 1, perPage: Number(query.get('per_page')), total: 1, stats: { allowed: 0, anonymized: 0, total: 1 }, data: [pendingRow] });
        return undefined;
      },
    ]);
    expect(await screen.findByText('1 new default fields are available')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('anonymizationTogglePending'));
    expect(await screen.findByText('host.geo.city_name')).toBeInTheDocument();
    expect(screen.queryByText('host.name')).not.toBeInTheDocument();
  });

  it('Knowledge base: making a shared entry private asks first, then saves it as private', async () => {
    const entry = { id: 'kb1', type: 'document', name: 'Runbook', text: 'Isolate first.', required: true, global: true, createdBy: 'alice', updatedAt: '2026-01-01T00:00:00Z', kbResource: 'user' };
    const { calls } = setup('knowledge_base', [
      ({ path }) => (path === `${API}/knowledge_base/entries/_find` ? json(200, { page: 1, perPage: 20, total: 1, data: [entry] }) : undefined),
      ({ method, path }) => (method === 'PUT' && path === `${API}/knowledge_base/entries/kb1` ? json(200, { ...entry, id: 'kb2', global: false }) : undefined),
    ]);
    fireEvent.click(await screen.findByTestId('kbEntryEdit'));
    const form = await screen.findByTestId('kbEntryFlyout');
    fireEvent.click(within(form).getByText('Private to me'));
    fireEvent.click(within(form).getByTestId('kbEntrySave'));
    const confirm = await screen.findByTestId('kbMakePrivateConfirm');
    expect(confirm).toHaveTextContent('Make a private copy? The shared entry stays.');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.click(within(confirm).getByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ name: 'Runbook', global: false, text: 'Isolate first.', required: true }));
  });

  it('Knowledge base: index entries pick an index and one of its text fields from the mapping (K9)', async () => {
    const { calls } = setup('knowledge_base', [
      ({ path }) => (path === `${API}/knowledge_base/_indices` ? json(200, { indices: { 'threat-intel': { text: ['summary', 'description'], semantic_text: ['summary_semantic'] }, logs: { text: [], semantic_text: [] } } }) : undefined),
      ({ method, path }) => (method === 'POST' && path === `${API}/knowledge_base/entries` ? json(200, { id: 'kb9' }) : undefined),
    ]);
    fireEvent.click(await screen.findByTestId('kbAddIndex'));
    const form = await screen.findByTestId('kbEntryFlyout');
    expect(within(form).getByText('Index (Required)')).toBeInTheDocument();
    expect(within(form).getByText('Output fields (Optional)')).toBeInTheDocument();
    const indexInput = within(within(form).getByTestId('kbEntryIndex')).getByRole('combobox');
    fireEvent.focus(indexInput);
    fireEvent.change(indexInput, { target: { value: 'threat' } });
    fireEvent.click(await screen.findByText(option('threat-intel')));
    const fieldInput = within(within(form).getByTestId('kbEntryField')).getByRole('combobox');
    fireEvent.focus(fieldInput);
    fireEvent.change(fieldInput, { target: { value: 's' } });
    // Keyword mode: only `text` fields are offered.
    expect(await screen.findByText(option('summary'))).toBeInTheDocument();
    expect(screen.queryByText(option('summary_semantic'))).not.toBeInTheDocument();
    fireEvent.click(screen.getByText(option('summary')));
    fireEvent.change(within(form).getByTestId('kbEntryName'), { target: { value: 'Threat intel' } });
    fireEvent.change(within(form).getByTestId('kbEntryDescription'), { target: { value: 'Threat intelligence reports.' } });
    fireEvent.change(within(form).getByTestId('kbEntryQueryDescription'), { target: { value: 'Search by indicator.' } });
    fireEvent.click(within(form).getByTestId('kbEntrySave'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST' && c.path === `${API}/knowledge_base/entries`)?.body).toEqual({
        type: 'index',
        name: 'Threat intel',
        global: false,
        index: 'threat-intel',
        field: 'summary',
        description: 'Threat intelligence reports.',
        queryDescription: 'Search by indicator.',
        outputFields: [],
        inputSchema: [],
      }),
    );
  }, 120_000);
});
