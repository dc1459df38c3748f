/** Flyout behaviour in jsdom with fetch scripted at the HTTP boundary (one file: EUI costs ~2 s per file). */
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createFakeBackend, json, ndjson, type Route } from '../test_support/fake_http';
import { AssistantProviders } from './assistant_providers';
import { alertPromptContext } from './context_prompts';
import { AssistantFlyout } from './flyout/assistant_flyout';
import { DRAFT_KEY, installToggleShortcut } from './service';

const notifications = { toasts: { addError: jest.fn(), addSuccess: jest.fn(), addWarning: jest.fn(), addDanger: jest.fn(), add: jest.fn(), remove: jest.fn(), get$: jest.fn() } };
const TOKEN = '3f2b8c1a-9d4e-4b7a-8c6d-1e2f3a4b5c6d';
const API = '/api/security_ai_assistant';
// EUI renders slowly when the machine is shared; these are behaviour tests, not timing tests.
// findBy/waitFor get 10 s too: the default 1 s is not enough under a load of 8 parallel jobs on 2 cores.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

const baseRoutes: Route[] = [
  ({ path }) =>
    path === `${API}/current_user/capabilities`
      ? json(200, {
          privileges: { read: true, all: true, updateAnonymization: false, manageGlobalKnowledgeBase: true, connectorsRead: true, connectorsAll: true },
          missingPrivileges: {},
          knowledgeBase: { mode: 'lexical' },
        })
      : undefined,
  ({ path }) =>
    path === `${API}/connectors`
      ? json(200, {
          connectors: [{ id: 'fake', name: 'Fake LLM', actionTypeId: '.gen-ai', provider: 'Other', defaultModel: 'fake-model', toolCalling: 'auto', isPreconfigured: true, isMissingSecrets: false, isDefault: true }],
          defaultConnectorId: 'fake',
        })
      : undefined,
  ({ path }) => (path === `${API}/prompts/_find` ? json(200, { page: 1, perPage: 100, total: 0, data: [] }) : undefined),
  ({ path }) =>
    path === `${API}/anonymization_fields/_find`
      ? json(200, {
          page: 1,
          perPage: 1000,
          total: 3,
          stats: { allowed: 3, anonymized: 1, total: 3 },
          data: [
            { id: 'a', field: 'host.name', allowed: true, anonymized: true, isDefault: true, pendingReview: false },
            { id: 'b', field: 'kibana.alert.rule.name', allowed: true, anonymized: false, isDefault: true, pendingReview: false },
            { id: 'c', field: 'process.name', allowed: true, anonymized: false, isDefault: true, pendingReview: false },
          ],
        })
      : undefined,
  ({ path }) => (path === `${API}/current_user/conversations/_find` ? json(200, { page: 1, perPage: 50, total: 0, data: [] }) : undefined),
];

function setup(routes: Route[]) {
  window.localStorage.clear();
  window.sessionStorage.clear();
  const backend = createFakeBackend([...routes, ...baseRoutes]);
  const wrap = (node: ReactNode) => (
    <AssistantProviders api={backend.api} spaceId="default" queryClient={backend.queryClient} service={backend.service}>
      {node}
    </AssistantProviders>
  );
  render(wrap(<AssistantFlyout notifications={notifications} notesAvailable />));
  return backend;
}

const composer = () => screen.getByTestId('assistantComposer') as HTMLTextAreaElement;

describe('assistant flyout', () => {
  it('Ctrl+; toggles the flyout, also from an input, and is ignored while an IME composes', async () => {
    const { service } = setup([]);
    const uninstall = installToggleShortcut(window, false, () => service.toggle());
    try {
      const input = document.createElement('input');
      document.body.appendChild(input);
      fireEvent.keyDown(input, { key: ';', ctrlKey: true });
      expect(await screen.findByTestId('assistantFlyout')).toBeInTheDocument();
      fireEvent.keyDown(window, { key: ';', ctrlKey: true, isComposing: true });
      expect(screen.getByTestId('assistantFlyout')).toBeInTheDocument();
      fireEvent.keyDown(window, { key: ';', metaKey: true });
      expect(screen.getByTestId('assistantFlyout')).toBeInTheDocument();
      fireEvent.keyDown(window, { key: ';', ctrlKey: true });
      await waitFor(() => expect(screen.queryByTestId('assistantFlyout')).not.toBeInTheDocument());
    } finally {
      uninstall();
    }
  });

  it('Enter sends, Shift+Enter does not, and a refused send puts the text back in the composer', async () => {
    const { service, calls } = setup([
      ({ method, path }) =>
        method === 'POST' && path === `${API}/chat/complete`
          ? json(403, { statusCode: 403, error: 'Forbidden', message: 'Missing privilege', attributes: { code: 'missing_privilege', missingPrivileges: ['securitySolutionAssistant-all'] } })
          : undefined,
    ]);
    act(() => service.open());
    await waitFor(() => expect(composer()).not.toBeDisabled());
    fireEvent.change(composer(), { target: { value: 'Is host web01 compromised?' } });
    fireEvent.keyDown(composer(), { key: 'Enter', shiftKey: true });
    expect(calls.some((c) => c.path.endsWith('/chat/complete'))).toBe(false);
    fireEvent.keyDown(composer(), { key: 'Enter', isComposing: true });
    expect(calls.some((c) => c.path.endsWith('/chat/complete'))).toBe(false);
    fireEvent.keyDown(composer(), { key: 'Enter' });
    expect(await screen.findByTestId('assistantNotSent')).toHaveTextContent('securitySolutionAssistant-all');
    await waitFor(() => expect(composer().value).toBe('Is host web01 compromised?'));
    const sent = calls.find((c) => c.path.endsWith('/chat/complete'));
    expect(sent?.body).toMatchObject({ message: 'Is host web01 compromised?', conversation: { conversationType: 'general' }, stream: true });
    expect(window.sessionStorage.getItem(`securityAiAssistant.draft.default.${DRAFT_KEY}`)).toBe('Is host web01 compromised?');
  });

  it('streams the answer through the de-anonymizer with tokens split across chunks', async () => {
    const conversation = { id: 'c1', title: 'web01', conversationType: 'general', namespace: 'default', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', users: [], createdBy: 'elastic', messageCount: 2 };
    const userMessage = { id: 'u1', role: 'user', content: `Check ${TOKEN}`, timestamp: '2026-01-01T00:00:00Z' };
    const answer = `Host **${TOKEN}** looks compromised.`;
    let stored = false;
    const { service } = setup([
      ({ method, path }) =>
        method === 'POST' && path === `${API}/chat/complete`
          ? ndjson(
              [
                { type: 'conversation', conversationId: 'c1', title: '', created: true, connectorId: 'fake', userMessage },
                { type: 'replacements', replacements: { [TOKEN]: 'web01' } },
                { type: 'content', payload: answer.slice(0, 12) },
                { type: 'content', payload: answer.slice(12, 30) },
                { type: 'content', payload: answer.slice(30) },
                { type: 'done', message: { id: 'a1', role: 'assistant', content: answer, timestamp: '2026-01-01T00:00:01Z' }, replacements: { [TOKEN]: 'web01' }, finishReason: 'stop' },
              ],
              // Lines cut mid-JSON, so events (and the token) arrive in pieces.
              (line) => [line.slice(0, 20), line.slice(20)],
            )
          : undefined,
      ({ method, path }) => {
        if (method !== 'GET' || path !== `${API}/current_user/conversations/c1`) return undefined;
        stored = true;
        return json(200, { ...conversation, messages: [userMessage, { id: 'a1', role: 'assistant', content: answer, timestamp: '2026-01-01T00:00:01Z' }], replacements: { [TOKEN]: 'web01' } });
      },
    ]);
    act(() => service.open());
    await waitFor(() => expect(composer()).not.toBeDisabled());
    fireEvent.change(composer(), { target: { value: 'Check web01' } });
    fireEvent.click(screen.getByTestId('assistantSend'));
    const message = await screen.findByTestId('assistantMessage');
    await waitFor(() => expect(stored).toBe(true));
    expect(message).toHaveTextContent('Host web01 looks compromised.');
    expect(message.textContent).not.toContain(TOKEN);
    expect(within(message).getByText('web01').tagName).toBe('STRONG');
    expect(screen.getByTestId('assistantUserMessage')).toHaveTextContent('Check web01');
    // Show anonymized values: tokens as code, display only.
    act(() => service.setShowAnonymized(true));
    expect(screen.getByTestId('assistantMessage')).toHaveTextContent(TOKEN);
    expect(service.getState().activeKey).toBe('c1');
    expect(window.localStorage.getItem('securityAiAssistant.lastConversation.default.elastic')).toBe('c1');
  });

  it('renders markdown images as links, never as <img>', async () => {
    const conversation = {
      id: 'c2', title: 'img', conversationType: 'general', namespace: 'default', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', users: [], createdBy: 'elastic', messageCount: 1,
      messages: [{ id: 'a', role: 'assistant', content: 'See ![secret](https://evil.example/x.png?d=1)', timestamp: '2026-01-01T00:00:00Z' }],
    };
    const { service } = setup([({ path }) => (path === `${API}/current_user/conversations/c2` ? json(200, conversation) : undefined)]);
    act(() => service.open({ conversationId: 'c2' }));
    const link = await screen.findByTestId('assistantImageLink');
    expect(link).toHaveAttribute('href', 'https://evil.example/x.png?d=1');
    expect(document.querySelector('img[src*="evil.example"]')).toBeNull();
  });

  it('opens an alert draft with the context selected and counts allowed/anonymized fields in its editor', async () => {
    const { service } = setup([]);
    const alert = { id: 'alert-1', source: { host: { name: 'web01' }, kibana: { alert: { rule: { name: 'Suspicious PowerShell' } } }, process: { name: 'powershell.exe' }, user: { name: 'bob' } } };
    const context = alertPromptContext(alert);
    act(() => service.open({ contexts: [context], prompt: 'Summarize', title: 'Suspicious PowerShell', conversationType: 'alert' }));
    await waitFor(() => expect(composer().value).toBe('Summarize'));
    const selected = await screen.findByTestId('assistantSelectedContext-alert-alert-1');
    fireEvent.click(within(selected).getByText('Selected alert'));
    await waitFor(() => expect(screen.getByTestId('contextStatAvailable')).toHaveTextContent('4'));
    expect(screen.getByTestId('contextStatAllowed')).toHaveTextContent('3');
    expect(screen.getByTestId('contextStatAnonymized')).toHaveTextContent('1');
    // Tightening works without Customize; loosening (un-anonymizing host.name) is disabled.
    fireEvent.click(screen.getByTestId('contextAllowed-process.name'));
    await waitFor(() => expect(screen.getByTestId('contextStatAllowed')).toHaveTextContent('2'));
    expect(screen.getByTestId('contextAnonymized-host.name')).toBeDisabled();
    expect(service.getState().selectedContexts[DRAFT_KEY][0].overrides).toEqual([{ field: 'process.name', allowed: false, anonymized: false }]);
  });
});
