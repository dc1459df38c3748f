/** Settings tabs in jsdom with fetch scripted at the HTTP boundary: every tab renders, forms validate the EUI way. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { AssistantProviders } from '../assistant/assistant_providers';
import { createFakeBackend, json, type Route } from '../test_support/fake_http';
import { SETTINGS_TABS, SettingsPage, type SettingsTabId } from './settings_page';

const API = '/api/security_ai_assistant';
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
});
