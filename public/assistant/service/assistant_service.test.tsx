/** AssistantService with streaming switched off (§2 Conversations "Streaming"): `stream:false`, and UX-4 on failures. */
import { configure, waitFor } from '@testing-library/react';
import { createFakeBackend, json, type Route } from '../../test_support/fake_http';
import { AssistantService } from './assistant_service';
import { streamingKey } from './browser_storage';
import { DRAFT_KEY } from './types';

// findBy/waitFor get 10 s too: the default 1 s is not enough under a load of 8 parallel jobs on 2 cores.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

const API = '/api/security_ai_assistant';
const CONVERSATION_ID = 'c-new';
const userMessage = { id: 'u1', role: 'user', content: 'Why is web01 noisy?', timestamp: '2026-01-01T00:00:00Z' };
const answer = { id: 'a1', role: 'assistant', content: 'Because of a scheduled task.', timestamp: '2026-01-01T00:00:01Z', metadata: { finishReason: 'stop' } };
const conversation = (messages: unknown[]) => ({
  id: CONVERSATION_ID,
  title: '',
  conversationType: 'general',
  namespace: 'default',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  users: [{ name: 'elastic' }],
  createdBy: 'elastic',
  messages,
  messageCount: messages.length,
  replacements: {},
});

function setup(chatReply: (stored: unknown[][]) => ReturnType<Route>) {
  window.localStorage.clear();
  window.sessionStorage.clear();
  // The stored conversation as the server would hold it: empty when created, messages appended by the chat.
  const stored: unknown[][] = [[]];
  let deleted = false;
  const backend = createFakeBackend([
    ({ method, path }) => (method === 'POST' && path === `${API}/current_user/conversations` ? json(200, conversation([])) : undefined),
    ({ method, path }) => (method === 'POST' && path === `${API}/chat/complete` ? chatReply(stored) : undefined),
    ({ method, path }) => (method === 'GET' && path === `${API}/current_user/conversations/${CONVERSATION_ID}` ? (deleted ? json(404, { message: 'gone' }) : json(200, conversation(stored[0]))) : undefined),
    ({ method, path }) => {
      if (method !== 'DELETE' || path !== `${API}/current_user/conversations/${CONVERSATION_ID}`) return undefined;
      deleted = true;
      return json(200, {});
    },
    ({ path }) => (path === `${API}/current_user/conversations/_find` ? json(200, { page: 1, perPage: 50, total: 0, data: [] }) : undefined),
  ]);
  backend.service.setStreamingEnabled(false);
  return { ...backend, stored, wasDeleted: () => deleted };
}

describe('AssistantService with streaming off', () => {
  it('remembers the setting per space and user (default on)', () => {
    window.localStorage.clear();
    const { service } = createFakeBackend([]);
    expect(service.getState().streamingEnabled).toBe(true);
    service.setStreamingEnabled(false);
    expect(window.localStorage.getItem(streamingKey('default', 'elastic'))).toBe('false');
    const { service: again } = createFakeBackend([]);
    expect(again.getState().streamingEnabled).toBe(false);
    again.setStreamingEnabled(true);
    expect(window.localStorage.getItem(streamingKey('default', 'elastic'))).toBeNull();
  });

  it('creates the draft, then asks for one JSON answer (stream:false) and shows the stored turn', async () => {
    const { service, calls } = setup((stored) => {
      stored[0] = [userMessage, answer];
      return json(200, { conversationId: CONVERSATION_ID, title: 'Noisy web01', message: answer, replacements: {}, finishReason: 'stop' });
    });
    service.startDraft({ title: 'From an alert', conversationType: 'alert' });
    await service.send({ text: 'Why is web01 noisy?', connectorId: 'fake' });
    expect(calls.map((c) => `${c.method} ${c.path}`).slice(0, 2)).toEqual([`POST ${API}/current_user/conversations`, `POST ${API}/chat/complete`]);
    expect(calls[0].body).toEqual({ title: 'From an alert', conversationType: 'alert' });
    expect(calls[1].body).toMatchObject({ conversationId: CONVERSATION_ID, message: 'Why is web01 noisy?', connectorId: 'fake', stream: false });
    expect(calls[1].body).not.toHaveProperty('conversation');
    const state = service.getState();
    expect(state.activeKey).toBe(CONVERSATION_ID);
    expect(state.sessions[CONVERSATION_ID]?.phase).toBe('idle');
    expect(state.sessions[CONVERSATION_ID]?.error).toBeUndefined();
    expect(service.getComposerText(CONVERSATION_ID)).toBe('');
  });

  it('a refused request stores nothing: the empty conversation is removed and the text goes back to the composer', async () => {
    const { service, wasDeleted } = setup(() => json(403, { statusCode: 403, message: 'Missing privilege', attributes: { code: 'missing_privilege', missingPrivileges: ['securityAiAssistant-all'] } }));
    service.startDraft({ title: 'Draft title' });
    await service.send({ text: 'Keep me' });
    const state = service.getState();
    expect(wasDeleted()).toBe(true);
    expect(state.activeKey).toBe(DRAFT_KEY);
    expect(state.draft.title).toBe('Draft title');
    expect(service.getComposerText(DRAFT_KEY)).toBe('Keep me');
    expect(state.sessions[DRAFT_KEY]?.error).toEqual({ kind: 'not_sent', message: 'Missing privilege', status: 403, missingPrivileges: ['securityAiAssistant-all'] });
  });

  it('an LLM failure after the message was stored keeps the conversation and shows the stored error', async () => {
    const errorMessage = { id: 'e1', role: 'assistant', content: 'The model is overloaded.', timestamp: '2026-01-01T00:00:01Z', isError: true, metadata: { errorCode: 'llm_unavailable' } };
    const { service, queryClient, wasDeleted } = setup((stored) => {
      stored[0] = [userMessage, errorMessage];
      return json(503, { statusCode: 503, message: 'The model is overloaded.', attributes: { code: 'llm_unavailable' } });
    });
    service.startDraft();
    await service.send({ text: 'Why is web01 noisy?' });
    expect(wasDeleted()).toBe(false);
    expect(service.getState().activeKey).toBe(CONVERSATION_ID);
    expect(service.getComposerText(CONVERSATION_ID)).toBe('');
    await waitFor(() => expect(queryClient.getQueryData<{ messages: unknown[] }>(['securityAiAssistant', 'default', 'conversations', 'one', CONVERSATION_ID])?.messages).toEqual([userMessage, errorMessage]));
  });
});
