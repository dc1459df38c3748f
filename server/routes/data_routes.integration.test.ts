/**
 * Boots the platform with the assistant and actions plugins on the embedded engine and drives the assistant's
 * data API over HTTP: storage layout, conversations (CRUD, _find, bulk, ownership, spaces, limits, migration,
 * export/import), prompts, anonymization fields, knowledge base, connectors and capabilities.
 */
import { startTestPlatform, type TestPlatform } from '../../test/helpers';
import { startFakeLlm, type FakeLlm } from '../../test/fake_llm';
import type { Logger } from '../../platform/core/server';
import type { Conversation, DeleteAllConversationsResponse } from '../../common/api/conversations';
import type { AnonymizationFieldsFindResponse, AnonymizationResetResponse } from '../../common/api/anonymization_fields';
import type { KbEntry, KbStatus } from '../../common/api/knowledge_base';
import type { Prompt } from '../../common/api/prompts';
import type { BulkActionResponse, FindResponse } from '../../common/api/primitives';
import type { ConnectorsResponse, ConnectorTestResponse } from '../../common/api/connectors';
import type { AssistantCapabilities } from '../../common/api/capabilities';
import { API_ROUTES } from '../../common/api/routes';
import { assistantConfigSchema } from '../config';
import { createAssistantDataClients } from '../storage';

jest.setTimeout(180_000);

const PREFIX = '.kibana-security-ai-assistant';
const alice = { auth: { username: 'alice', password: 'alice-password' } };
const bob = { auth: { username: 'bob', password: 'bob-password' } };
const reader = { auth: { username: 'reader', password: 'reader-password' } };
const id = (path: string, value: string) => path.replace('{id}', value);

interface ErrorBody {
  statusCode: number;
  message: string;
  attributes?: { code?: string; missingPrivileges?: string[]; details?: Array<{ path: string; message: string }> };
}

let tp: TestPlatform;
let llm: FakeLlm;

beforeAll(async () => {
  llm = await startFakeLlm();
  tp = await startTestPlatform({
    plugins: ['securityAiAssistant', 'actions'],
    config: {
      spaces: [{ id: 'team-a', name: 'Team A' }],
      'xpack.actions.preconfigured': {
        'fake-llm': {
          name: 'Fake LLM',
          actionTypeId: '.gen-ai',
          config: { apiProvider: 'Other', apiUrl: llm.url, defaultModel: 'fake-model' },
          secrets: { apiKey: 'sk-test-key-123456' },
        },
      },
      'security.users': [
        { username: 'alice', password: 'alice-password', roles: ['assistant_user'] },
        { username: 'bob', password: 'bob-password', roles: ['assistant_user'] },
        { username: 'reader', password: 'reader-password', roles: ['assistant_reader'] },
      ],
      'security.roles': {
        assistant_user: { kibana: [{ spaces: ['*'], base: [], feature: { securitySolutionAssistant: ['all'], actions: ['read'] } }] },
        assistant_reader: { kibana: [{ spaces: ['*'], base: [], feature: { securitySolutionAssistant: ['read'] } }] },
      },
    },
  });
});

afterAll(async () => {
  await tp?.stop();
  await llm?.close();
});

const createConversation = async (body: Record<string, unknown>, options: Record<string, unknown> = alice) => {
  const res = await tp.post<Conversation>(API_ROUTES.conversations, body, options);
  expect(res.status).toBe(200);
  return res.body;
};

describe('conversations', () => {
  it('lazily creates a hidden, dynamic:false index per space behind its write alias, plus meta', async () => {
    const created = await createConversation({ title: 'Layout check' });
    expect(created).toEqual(expect.objectContaining({ title: 'Layout check', conversationType: 'general', namespace: 'default', createdBy: 'alice', users: [{ name: 'alice' }], messageCount: 0 }));
    const alias = await tp.es.indices.getAlias({ name: `${PREFIX}-conversations-default`, expand_wildcards: 'all' });
    expect(alias).toEqual({ [`${PREFIX}-conversations-default-000001`]: { aliases: { [`${PREFIX}-conversations-default`]: { is_write_index: true, is_hidden: true } } } });
    const mapping = await tp.es.indices.getMapping({ index: `${PREFIX}-conversations-default-000001`, expand_wildcards: 'all' });
    const props = mapping[`${PREFIX}-conversations-default-000001`].mappings;
    expect(String(props.dynamic)).toBe('false');
    expect(props.properties?.messages).toEqual({ type: 'object', enabled: false });
    expect(JSON.stringify(props)).not.toContain('nested');
    const meta = await tp.es.get({ index: `${PREFIX}-meta`, id: 'conversations:default' });
    expect(meta._source).toEqual(expect.objectContaining({ resource: 'conversations', space_id: 'default', schema_version: 2 }));
  });

  it('creates, reads, updates and deletes; 409 on a duplicate id', async () => {
    const created = await createConversation({
      id: 'conv-crud-1',
      title: 'CRUD',
      conversationType: 'alert',
      apiConfig: { connectorId: 'fake-llm', actionTypeId: '.gen-ai', model: 'm1' },
      messages: [{ id: 'm1', role: 'user', content: 'hello', timestamp: '2026-01-01T00:00:00.000Z' }],
      replacements: { '3f5a1c2e-1b2c-4d3e-8f9a-0b1c2d3e4f5a': 'host-1' },
    });
    expect(created.messageCount).toBe(1);
    expect((await tp.post<ErrorBody>(API_ROUTES.conversations, { id: 'conv-crud-1' }, alice)).status).toBe(409);
    const got = await tp.get<Conversation>(id(API_ROUTES.conversationById, 'conv-crud-1'), alice);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created);
    const updated = await tp.put<Conversation>(id(API_ROUTES.conversationById, 'conv-crud-1'), { title: 'Renamed', replacements: { '4f5a1c2e-1b2c-4d3e-8f9a-0b1c2d3e4f5b': 'user-1' } }, alice);
    expect(updated.status).toBe(200);
    expect(updated.body.title).toBe('Renamed');
    expect(updated.body.messages).toHaveLength(1);
    expect(Object.keys(updated.body.replacements ?? {})).toHaveLength(2);
    expect(updated.body.apiConfig).toEqual({ connectorId: 'fake-llm', actionTypeId: '.gen-ai', model: 'm1' });
    const del = await tp.delete(id(API_ROUTES.conversationById, 'conv-crud-1'), alice);
    expect(del.status).toBe(200);
    const gone = await tp.get<ErrorBody>(id(API_ROUTES.conversationById, 'conv-crud-1'), alice);
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe('Conversation conv-crud-1 not found in space default');
  });

  it('finds with paging, sorting, KQL filters and messages only when asked', async () => {
    for (const [i, type] of (['general', 'alert', 'event', 'alert', 'general'] as const).entries()) {
      await createConversation({ title: `Paged ${i}`, conversationType: type, messages: [{ id: `p${i}`, role: 'user', content: `msg ${i}`, timestamp: '2026-01-01T00:00:00.000Z' }] }, bob);
    }
    const page1 = await tp.get<FindResponse<Conversation>>(`${API_ROUTES.conversationsFind}?per_page=2&page=1&sort_field=title&sort_order=asc&filter=${encodeURIComponent('title:Paged*')}`, bob);
    const projected = await tp.get<FindResponse<Partial<Conversation>>>(`${API_ROUTES.conversationsFind}?per_page=1&fields=title&fields=conversation_type&filter=${encodeURIComponent('title:Paged*')}`, bob);
    expect(Object.keys(projected.body.data[0]).sort()).toEqual(['conversationType', 'id', 'title']);
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(5);
    expect(page1.body.data.map((c) => c.title)).toEqual(['Paged 0', 'Paged 1']);
    expect(page1.body.data[0].messages).toBeUndefined();
    expect(page1.body.data[0].messageCount).toBe(1);
    const page3 = await tp.get<FindResponse<Conversation>>(`${API_ROUTES.conversationsFind}?per_page=2&page=3&sort_field=title&sort_order=asc&filter=${encodeURIComponent('title:Paged*')}`, bob);
    expect(page3.body.data.map((c) => c.title)).toEqual(['Paged 4']);
    const alerts = await tp.get<FindResponse<Conversation>>(`${API_ROUTES.conversationsFind}?fields=messages&fields=title&filter=${encodeURIComponent('conversation_type:alert and not title:"Paged 1"')}`, bob);
    expect(alerts.body.data.map((c) => c.title)).toEqual(['Paged 3']);
    expect(alerts.body.data[0].messages?.[0].content).toBe('msg 3');
    const bad = await tp.get<ErrorBody>(`${API_ROUTES.conversationsFind}?filter=${encodeURIComponent('secret_field:1')}`, bob);
    expect(bad.status).toBe(400);
    expect(bad.body.attributes?.code).toBe('invalid_filter');
    const window = await tp.get<ErrorBody>(`${API_ROUTES.conversationsFind}?per_page=100&page=101`, bob);
    expect(window.status).toBe(400);
    expect(window.body.message).toBe('[request query.page]: page × per_page must not exceed 10,000');
  });

  it('keeps users apart (404, empty _find) and spaces apart', async () => {
    const mine = await createConversation({ id: 'alice-private', title: 'Alice only' });
    expect((await tp.get(id(API_ROUTES.conversationById, mine.id), bob)).status).toBe(404);
    expect((await tp.put(id(API_ROUTES.conversationById, mine.id), { title: 'hijack' }, bob)).status).toBe(404);
    expect((await tp.delete(id(API_ROUTES.conversationById, mine.id), bob)).status).toBe(404);
    const bobFind = await tp.get<FindResponse<Conversation>>(`${API_ROUTES.conversationsFind}?filter=${encodeURIComponent('title:"Alice only"')}`, bob);
    expect(bobFind.body.total).toBe(0);
    expect((await tp.get(id(API_ROUTES.conversationById, mine.id), { ...alice, space: 'team-a' })).status).toBe(404);
    const inTeam = await createConversation({ title: 'Team A chat' }, { ...alice, space: 'team-a' });
    expect(inTeam.namespace).toBe('team-a');
    const defaultFind = await tp.get<FindResponse<Conversation>>(`${API_ROUTES.conversationsFind}?filter=${encodeURIComponent('title:"Team A chat"')}`, alice);
    expect(defaultFind.body.total).toBe(0);
    expect(await tp.es.indices.exists({ index: `${PREFIX}-conversations-team-a`, expand_wildcards: 'all' })).toBe(true);
  });

  it('lets a read-only user read but not write (403), and rejects bad bodies with zod paths', async () => {
    expect((await tp.get(API_ROUTES.conversationsFind, reader)).status).toBe(200);
    const denied = await tp.post<ErrorBody>(API_ROUTES.conversations, { title: 'x' }, reader);
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: `API [POST ${API_ROUTES.conversations}] is unauthorized for user, this action is granted by the Kibana privileges [securitySolutionAssistant-all]`,
      attributes: { code: 'missing_privilege', missingPrivileges: ['securitySolutionAssistant-all'] },
    });
    // Privileges are checked before the body is validated.
    expect((await tp.post<ErrorBody>(API_ROUTES.conversations, { bogus: true }, reader)).status).toBe(403);
    const noConnectors = await tp.get<ErrorBody>(API_ROUTES.connectors, reader);
    expect(noConnectors.body.attributes?.missingPrivileges).toEqual(['actions-read']);
    const bad = await tp.post<ErrorBody>(API_ROUTES.conversations, { title: 'x', messages: [{ id: 'a', role: 'robot', content: 'x', timestamp: 't' }] }, alice);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^\[request body\.messages\[0\]\.role\]: /);
    expect(bad.body.attributes?.details?.[0].path).toBe('body.messages.0.role');
    const extra = await tp.post<ErrorBody>(API_ROUTES.conversations, { title: 'x', surprise: true }, alice);
    expect(extra.status).toBe(400);
    expect((await tp.post(API_ROUTES.conversations, { title: 'x' }, { ...alice, xsrf: false })).status).toBe(400);
  });

  it('bulk: 200 when all succeed, 207 partial, the error status when all fail', async () => {
    const ok = await tp.post<BulkActionResponse<Conversation>>(API_ROUTES.conversationsBulk, { create: [{ title: 'Bulk 1' }, { title: 'Bulk 2' }] }, alice);
    expect(ok.status).toBe(200);
    expect(ok.body.attributes.summary).toEqual({ total: 2, succeeded: 2, failed: 0, skipped: 0 });
    const [b1] = ok.body.attributes.results.created;
    const partial = await tp.post<BulkActionResponse<Conversation>>(API_ROUTES.conversationsBulk, { update: [{ id: b1.id, title: 'Bulk 1b' }, { id: 'nope', title: 'x' }] }, alice);
    expect(partial.status).toBe(207);
    expect(partial.body.success).toBe(false);
    expect(partial.body.attributes.errors).toEqual([{ message: 'Conversation nope not found in space default', status_code: 404, items: [{ id: 'nope' }] }]);
    const allFail = await tp.post<BulkActionResponse<Conversation>>(API_ROUTES.conversationsBulk, { delete: { ids: [b1.id] } }, bob);
    expect(allFail.status).toBe(404);
    const byQuery = await tp.post<BulkActionResponse<Conversation>>(API_ROUTES.conversationsBulk, { delete: { query: 'title:Bulk*' } }, alice);
    expect(byQuery.status).toBe(200);
    expect(byQuery.body.attributes.results.deleted).toHaveLength(2);
    const empty = await tp.post<ErrorBody>(API_ROUTES.conversationsBulk, {}, alice);
    expect(empty.status).toBe(400);
  });

  it('exports NDJSON and imports it back with colliding ids renewed; deletes all but excluded', async () => {
    const a = await createConversation({ title: 'Export me', messages: [{ id: 'e1', role: 'user', content: 'keep', timestamp: '2026-01-01T00:00:00.000Z' }] });
    const exported = await tp.get<string>(`${API_ROUTES.conversationsExport}?ids=${a.id}`, alice);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = exported.text.trim().split('\n');
    expect(lines).toHaveLength(1);
    const imported = await tp.post<{ imported: number; renamed: Array<{ from: string; to: string }> }>(API_ROUTES.conversationsImport, exported.text, {
      ...bob,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(1);
    expect(imported.body.renamed[0].from).toBe(a.id);
    const copy = await tp.get<Conversation>(id(API_ROUTES.conversationById, imported.body.renamed[0].to), bob);
    expect(copy.body.messages?.[0].content).toBe('keep');
    expect(copy.body.users).toEqual([{ name: 'bob' }]);
    const all = await tp.request<DeleteAllConversationsResponse>('DELETE', API_ROUTES.conversations, { ...bob, body: { excludedIds: [copy.body.id] } });
    expect(all.status).toBe(200);
    expect(all.body.success).toBe(true);
    expect(all.body.totalDeleted).toBeGreaterThan(0);
    const left = await tp.get<FindResponse<Conversation>>(API_ROUTES.conversationsFind, bob);
    expect(left.body.data.map((c) => c.id)).toEqual([copy.body.id]);
  });

  it('reads a schema_version 1 document back through the migration (upgrade never loses conversations)', async () => {
    await createConversation({ title: 'ensure index' }, { ...alice, space: 'team-a' });
    const legacy = {
      id: 'legacy-1',
      namespace: 'team-a',
      title: 'From an old release',
      conversation_type: 'alert',
      users: [{ name: 'alice' }],
      api_config: { connector_id: 'old', connector_type_id: '.gen-ai' },
      messages: [
        { role: 'user', content: 'old question', timestamp: '2024-05-01T00:00:00.000Z' },
        { role: 'assistant', content: 'old answer', timestamp: '2024-05-01T00:00:01.000Z', is_error: false },
      ],
      replacements: { '5f5a1c2e-1b2c-4d3e-8f9a-0b1c2d3e4f5c': 'legacy-host' },
      created_at: '2024-05-01T00:00:00.000Z',
      updated_at: '2024-05-01T00:00:01.000Z',
    };
    await tp.es.index({ index: `${PREFIX}-conversations-team-a`, id: 'legacy-1', document: legacy, refresh: true });
    const got = await tp.get<Conversation>(id(API_ROUTES.conversationById, 'legacy-1'), { ...alice, space: 'team-a' });
    expect(got.status).toBe(200);
    expect(got.body).toEqual({
      id: 'legacy-1',
      title: 'From an old release',
      conversationType: 'alert',
      apiConfig: { connectorId: 'old', actionTypeId: '.gen-ai' },
      messages: [
        { id: 'legacy-1-0', role: 'user', content: 'old question', timestamp: '2024-05-01T00:00:00.000Z' },
        { id: 'legacy-1-1', role: 'assistant', content: 'old answer', timestamp: '2024-05-01T00:00:01.000Z', isError: false },
      ],
      replacements: { '5f5a1c2e-1b2c-4d3e-8f9a-0b1c2d3e4f5c': 'legacy-host' },
      namespace: 'team-a',
      createdAt: '2024-05-01T00:00:00.000Z',
      updatedAt: '2024-05-01T00:00:01.000Z',
      users: [{ name: 'alice' }],
      createdBy: 'alice',
      messageCount: 2,
    });
    const found = await tp.get<FindResponse<Conversation>>(`${API_ROUTES.conversationsFind}?filter=${encodeURIComponent('id:legacy-1')}`, { ...alice, space: 'team-a' });
    expect(found.body.data[0].messageCount).toBe(2);
    const appended = await tp.put<Conversation>(id(API_ROUTES.conversationById, 'legacy-1'), { title: 'Upgraded' }, { ...alice, space: 'team-a' });
    expect(appended.body.messageCount).toBe(2);
    const raw = await tp.es.get<{ schema_version: number }>({ index: `${PREFIX}-conversations-team-a`, id: 'legacy-1' });
    expect(raw._source?.schema_version).toBe(2);
  });
});

describe('data clients (direct)', () => {
  const clients = () => createAssistantDataClients({ esClient: tp.es, config: assistantConfigSchema.parse({}), logger: createMemorySinkLogger() });
  const scope = { spaceId: 'default', user: { name: 'carol' } };

  it('appends messages with OCC and refuses the 1,001st message with 413 "Continue in a new chat"', async () => {
    const c = clients();
    const conv = await c.conversations.create(scope, { title: 'Limits' });
    const msg = (i: number) => ({ id: `m${i}`, role: 'user' as const, content: `m${i}`, timestamp: '2026-01-01T00:00:00.000Z' });
    const [first, second] = await Promise.all([c.conversations.appendMessages(scope, conv.id, [msg(0)]), c.conversations.appendMessages(scope, conv.id, [msg(1)])]);
    expect(first && second).toBeTruthy();
    const afterBoth = await c.conversations.get(scope, conv.id);
    expect(afterBoth?.messageCount).toBe(2);
    await c.conversations.appendMessages(scope, conv.id, Array.from({ length: 998 }, (_, i) => msg(i + 2)));
    await expect(c.conversations.appendMessages(scope, conv.id, [msg(1000)])).rejects.toMatchObject({ statusCode: 413, message: expect.stringContaining('Continue in a new chat') });
    const truncated = await c.conversations.truncateMessages(scope, conv.id, 3);
    expect(truncated?.messageCount).toBe(3);
    expect(await c.conversations.appendMessages({ ...scope, user: { name: 'mallory' } }, conv.id, [msg(5)])).toBeUndefined();
  });

  it('searches the knowledge base lexically, returns required entries, and remembers private entries', async () => {
    const c = clients();
    await c.knowledgeBase.createEntry(scope, { name: 'VPN policy', text: 'Our VPN gateway is vpn.example.org and uses certificate authentication.' });
    await c.knowledgeBase.createEntry(scope, { name: 'Escalation', text: 'Always page the on-call lead for ransomware.', required: true });
    await c.knowledgeBase.createEntry({ ...scope, user: { name: 'dave' } }, { name: 'Dave notes', text: 'VPN secrets of dave' });
    const hits = await c.knowledgeBase.search(scope, 'vpn gateway');
    expect(hits.map((h) => h.name)).toEqual(['VPN policy']);
    expect((await c.knowledgeBase.getRequiredEntries(scope)).map((e) => e.name)).toEqual(['Escalation']);
    await expect(c.knowledgeBase.createEntry(scope, { name: 'Global', text: 'x', global: true })).rejects.toMatchObject({
      statusCode: 403,
      code: 'missing_privilege',
      extra: { missingPrivileges: ['securitySolutionAssistant-manageGlobalKnowledgeBase'] },
    });
    const global = await c.knowledgeBase.createEntry({ ...scope, privileges: { manageGlobalKnowledgeBase: true } }, { name: 'Global VPN', text: 'The VPN is mandatory' , global: true });
    expect(global.global).toBe(true);
    expect((await c.knowledgeBase.search({ ...scope, user: { name: 'dave' } }, 'vpn')).map((h) => h.name).sort()).toEqual(['Dave notes', 'Global VPN']);
  });

  it('resolves the default system prompt per conversation type (§6.2) and keeps one new-conversation default', async () => {
    const c = clients();
    const me = { spaceId: 'default', user: { name: 'frank' } };
    expect((await c.prompts.getDefaultSystemPrompt(me, 'alert')).id).toBe('alert-triage-system-prompt');
    expect((await c.prompts.getDefaultSystemPrompt(me, 'general')).id).toBe('default-system-prompt');
    const bulk = await c.prompts.bulk(me, {
      create: [
        { promptType: 'system', name: 'Rules', content: 'Rules only', isNewConversationDefault: false, defaultForConversationTypes: ['detection-rules'] },
        { promptType: 'system', name: 'First default', content: 'A', isNewConversationDefault: true, defaultForConversationTypes: [] },
      ],
    });
    expect(bulk.statusCode).toBe(200);
    const second = await c.prompts.bulk(me, { create: [{ promptType: 'system', name: 'Second default', content: 'B', isNewConversationDefault: true, defaultForConversationTypes: [] }] });
    expect((await c.prompts.getDefaultSystemPrompt(me, 'detection-rules')).name).toBe('Rules');
    expect((await c.prompts.getDefaultSystemPrompt(me, 'event')).name).toBe('Second default');
    const first = await c.prompts.get(me, bulk.body.attributes.results.created[1].id);
    expect(first).toEqual(expect.objectContaining({ name: 'First default', isNewConversationDefault: false }));
    expect(second.body.attributes.results.created[0].isNewConversationDefault).toBe(true);
    expect(await c.prompts.get({ ...me, user: { name: 'other' } }, bulk.body.attributes.results.created[0].id)).toBeUndefined();
  });

  it('seeds defaults added by a later release as allowed:false, pending_review:true, without touching existing rows', async () => {
    const esClient = tp.es;
    const { createAnonymizationFieldsClient, StorageIndices } = await import('../storage');
    const indices = new StorageIndices({ esClient, prefix: '.kibana-security-ai-assistant-upgrade-test', logger: createMemorySinkLogger() });
    const v1 = createAnonymizationFieldsClient({ indices, defaults: { rules: [{ field: 'host.name', allowed: true, anonymized: true }], version: 1 } });
    expect(await v1.getPolicy('default')).toEqual([{ field: 'host.name', allowed: true, anonymized: true }]);
    const v2 = createAnonymizationFieldsClient({
      indices,
      defaults: { rules: [{ field: 'host.name', allowed: true, anonymized: false }, { field: 'new.field', allowed: true, anonymized: false }], version: 2 },
    });
    const rows = await v2.find('default', { page: 1, perPage: 10 });
    expect(rows.data.map((r) => [r.field, r.allowed, r.anonymized, r.pendingReview])).toEqual([
      ['host.name', true, true, false],
      ['new.field', false, false, true],
    ]);
  });
});

describe('index generations', () => {
  it('copies a breaking change into <alias>-000002 through a transform and swaps the alias, keeping the old index', async () => {
    const { StorageIndices, createConversationsClient } = await import('../storage');
    const prefix = '.kibana-security-ai-assistant-generation-test';
    const indices = new StorageIndices({ esClient: tp.es, prefix, logger: createMemorySinkLogger() });
    const client = createConversationsClient({ indices });
    const scope = { spaceId: 'default', user: { name: 'erin' } };
    const created = await Promise.all(['one', 'two', 'three'].map((title) => client.create(scope, { title })));
    const result = await indices.migrateToNextGeneration('conversations', 'default', (doc) => ({ ...doc, title: String(doc.title).toUpperCase() }));
    expect(result).toEqual({ from: `${prefix}-conversations-default-000001`, to: `${prefix}-conversations-default-000002`, copied: 3 });
    const alias = await tp.es.indices.getAlias({ name: `${prefix}-conversations-default`, expand_wildcards: 'all' });
    expect(Object.keys(alias)).toEqual([`${prefix}-conversations-default-000002`]);
    expect(await tp.es.indices.exists({ index: `${prefix}-conversations-default-000001`, expand_wildcards: 'all' })).toBe(true);
    const titles = await Promise.all(created.map(async (c) => (await client.get(scope, c.id))?.title));
    expect(titles).toEqual(['ONE', 'TWO', 'THREE']);
    const later = await client.create(scope, { title: 'after' });
    expect((await tp.es.get({ index: `${prefix}-conversations-default-000002`, id: later.id })).found).toBe(true);
  });
});

describe('storage races and limits', () => {
  it('creates a space\'s index once even when two nodes race for it', async () => {
    const { StorageIndices } = await import('../storage');
    const prefix = '.kibana-security-ai-assistant-race-test';
    const nodes = [0, 1, 2].map(() => new StorageIndices({ esClient: tp.es, prefix, logger: createMemorySinkLogger() }));
    const results = await Promise.all(nodes.map((n) => n.ensure('prompts', 'default')));
    expect(results.filter((r) => r.created).length).toBeLessThanOrEqual(1);
    expect(Object.keys(await tp.es.indices.getAlias({ name: `${prefix}-prompts-default`, expand_wildcards: 'all' }))).toEqual([`${prefix}-prompts-default-000001`]);
  });

  it('answers 413 for bodies over 10 MB', async () => {
    const res = await tp.post<ErrorBody>(API_ROUTES.conversations, { title: 'big', messages: [{ id: 'x', role: 'user', content: 'x'.repeat(11 * 1024 * 1024), timestamp: 't' }] }, alice);
    expect(res.status).toBe(413);
  });
});

describe('anonymization fields', () => {
  it('seeds the 103 balanced rows with stats, updates, skips no-ops, 409s duplicates and resets to strict', async () => {
    const found = await tp.get<AnonymizationFieldsFindResponse>(`${API_ROUTES.anonymizationFind}?per_page=1000`, { ...reader, space: 'team-a' });
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(103);
    expect(found.body.stats).toEqual({ allowed: 103, anonymized: 4, total: 103 });
    expect(found.body.data[0].field).toBe('@timestamp');
    const host = found.body.data.find((r) => r.field === 'host.ip');
    expect(host).toEqual(expect.objectContaining({ allowed: true, anonymized: true, isDefault: true, pendingReview: false }));
    const hostId = host?.id ?? '';
    const bulk = await tp.post<BulkActionResponse<unknown>>(
      API_ROUTES.anonymizationBulk,
      { create: [{ field: 'custom.field' }, { field: 'host.ip' }], update: [{ id: hostId, anonymized: false }, { id: found.body.data[0].id, allowed: true }] },
      { ...alice, space: 'team-a' },
    );
    expect(bulk.status).toBe(207);
    expect(bulk.body.attributes.summary).toEqual({ total: 4, succeeded: 2, failed: 1, skipped: 1 });
    expect(bulk.body.attributes.results.skipped).toEqual([{ id: found.body.data[0].id, skip_reason: 'ANONYMIZATION_FIELD_NOT_MODIFIED' }]);
    expect(bulk.body.attributes.errors?.[0]).toEqual(expect.objectContaining({ status_code: 409, items: [expect.objectContaining({ name: 'host.ip' })] }));
    expect((await tp.post(API_ROUTES.anonymizationBulk, { create: [{ field: 'x.y' }] }, { ...reader, space: 'team-a' })).status).toBe(403);
    const filtered = await tp.get<AnonymizationFieldsFindResponse>(`${API_ROUTES.anonymizationFind}?filter=${encodeURIComponent('anonymized:true')}&sort_field=field&sort_order=desc`, { ...alice, space: 'team-a' });
    expect(filtered.body.data.map((r) => r.field)).toEqual(['user.target.name', 'user.name', 'host.name']);
    const reset = await tp.post<AnonymizationResetResponse>(API_ROUTES.anonymizationReset, { preset: 'strict' }, { ...alice, space: 'team-a' });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ preset: 'strict', total: 103, stats: { allowed: 103, anonymized: 14, total: 103 } });
    const bad = await tp.post<ErrorBody>(API_ROUTES.anonymizationReset, { preset: 'paranoid' }, { ...alice, space: 'team-a' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('[request body.preset]');
  });
});

describe('prompts', () => {
  it('merges the built-ins, protects them, and 409s duplicate names', async () => {
    const all = await tp.get<FindResponse<Prompt>>(`${API_ROUTES.promptsFind}?per_page=100`, alice);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(10);
    expect(all.body.data.every((p) => p.isDefault)).toBe(true);
    const created = await tp.post<BulkActionResponse<Prompt>>(
      API_ROUTES.promptsBulk,
      { create: [{ promptType: 'system', name: 'My triage', content: 'Be brief.', defaultForConversationTypes: ['alert'] }, { promptType: 'quick', name: 'Alert summarization', content: 'dup', color: '#FFFFFF' }] },
      alice,
    );
    expect(created.status).toBe(207);
    expect(created.body.attributes.errors?.[0].status_code).toBe(409);
    const mine = created.body.attributes.results.created[0];
    const protectedBuiltIn = await tp.post<BulkActionResponse<Prompt>>(API_ROUTES.promptsBulk, { update: [{ id: 'default-system-prompt', content: 'x' }], delete: { ids: ['alert-triage-system-prompt'] } }, alice);
    expect(protectedBuiltIn.status).toBe(200);
    expect(protectedBuiltIn.body.attributes.results.skipped.map((s) => s.skip_reason)).toEqual(['PROMPT_IS_BUILT_IN', 'PROMPT_IS_BUILT_IN']);
    const systems = await tp.get<FindResponse<Prompt>>(`${API_ROUTES.promptsFind}?prompt_type=system&include_defaults=false`, alice);
    expect(systems.body.data.map((p) => p.name)).toEqual(['My triage']);
    expect((await tp.get<FindResponse<Prompt>>(`${API_ROUTES.promptsFind}?include_defaults=false`, bob)).body.total).toBe(0);
    const quick = await tp.get<FindResponse<Prompt>>(`${API_ROUTES.promptsFind}?filter=${encodeURIComponent('categories:alert')}`, alice);
    expect(quick.body.data.map((p) => p.name)).toEqual(['Alert summarization']);
    const wrongField = await tp.post<BulkActionResponse<Prompt>>(API_ROUTES.promptsBulk, { update: [{ id: mine.id, color: '#000000' }] }, alice);
    expect(wrongField.status).toBe(400);
  });
});

describe('knowledge base', () => {
  it('keeps private entries private, requires Customize for global ones, and 404s invisible entries', async () => {
    const priv = await tp.post<KbEntry>(API_ROUTES.kbEntries, { type: 'document', name: 'Alice runbook', text: 'Isolate the host first.' }, alice);
    expect(priv.status).toBe(200);
    expect(priv.body).toEqual(expect.objectContaining({ global: false, users: [{ name: 'alice' }], required: false, source: 'settings' }));
    expect((await tp.get(id(API_ROUTES.kbEntryById, priv.body.id), bob)).status).toBe(404);
    const global = await tp.post<KbEntry>(API_ROUTES.kbEntries, { type: 'document', name: 'Company policy', text: 'Report incidents within 1 hour.', global: true }, alice);
    expect(global.status).toBe(200);
    expect(global.body.users).toEqual([]);
    expect((await tp.get(id(API_ROUTES.kbEntryById, global.body.id), bob)).status).toBe(200);
    expect((await tp.get(id(API_ROUTES.kbEntryById, global.body.id), reader)).status).toBe(200);
    expect((await tp.post(API_ROUTES.kbEntries, { type: 'document', name: 'r', text: 'r' }, reader)).status).toBe(403);
    const bobFind = await tp.get<FindResponse<KbEntry>>(API_ROUTES.kbEntriesFind, bob);
    expect(bobFind.body.data.map((e) => e.name)).toContain('Company policy');
    expect(bobFind.body.data.map((e) => e.name)).not.toContain('Alice runbook');
    const copy = await tp.put<KbEntry>(id(API_ROUTES.kbEntryById, global.body.id), { global: false, text: 'My own copy' }, bob);
    expect(copy.status).toBe(200);
    expect(copy.body.id).not.toBe(global.body.id);
    expect(copy.body.users).toEqual([{ name: 'bob' }]);
    const index = await tp.post<KbEntry>(API_ROUTES.kbEntries, { type: 'index', name: 'Threat intel', index: 'threat-intel', field: 'description', description: 'IOC descriptions', queryDescription: 'Indicator or malware name' }, alice);
    expect(index.status).toBe(200);
    const badIndex = await tp.post<ErrorBody>(API_ROUTES.kbEntries, { type: 'index', name: 'x', index: 'logs-*', field: 'f', description: 'd', queryDescription: 'q' }, alice);
    expect(badIndex.status).toBe(400);
    expect(badIndex.body.message).toContain('[request body.index]');
    const kbBulk = await tp.post<BulkActionResponse<KbEntry>>(API_ROUTES.kbEntriesBulk, { delete: { ids: [priv.body.id, 'missing'] } }, alice);
    expect(kbBulk.status).toBe(207);
  });

  it('answers K1/K2 honestly on the embedded engine: lexical mode with a degraded reason', async () => {
    const status = await tp.get<KbStatus>(API_ROUTES.knowledgeBase, alice);
    expect(status.status).toBe(200);
    expect(status.body.mode).toBe('lexical');
    expect(status.body.semantic.available).toBe(false);
    const setup = await tp.post<KbStatus>(API_ROUTES.knowledgeBase, undefined, alice);
    expect(setup.status).toBe(202);
    expect(setup.body.mode).toBe('lexical');
    expect(setup.body.degraded_reason).toContain('Semantic search is unavailable');
    expect((await tp.post(API_ROUTES.knowledgeBase, undefined, reader)).status).toBe(403);
  });

  it('lists indices with text fields for index entries (K9)', async () => {
    await tp.es.indices.create({ index: 'kb-docs', mappings: { properties: { body: { type: 'text' }, tag: { type: 'keyword' } } } });
    const res = await tp.get<{ indices: Record<string, { text: string[]; semantic_text: string[] }> }>(API_ROUTES.kbIndices, alice);
    expect(res.status).toBe(200);
    expect(res.body.indices['kb-docs']).toEqual({ text: ['body'], semantic_text: [] });
    expect(Object.keys(res.body.indices).some((name) => name.startsWith('.'))).toBe(false);
  });
});

describe('connectors and capabilities', () => {
  it('lists LLM connectors with the resolved default and tests one', async () => {
    const res = await tp.get<ConnectorsResponse>(API_ROUTES.connectors, alice);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      connectors: [expect.objectContaining({ id: 'fake-llm', name: 'Fake LLM', actionTypeId: '.gen-ai', isPreconfigured: true, isDefault: true, defaultModel: 'fake-model' })],
      defaultConnectorId: 'fake-llm',
    });
    expect((await tp.get(API_ROUTES.connectors, reader)).status).toBe(403);
    expect((await tp.get(API_ROUTES.connectors, { auth: false })).status).toBe(401);
    llm.enqueue({ content: 'OK' }, { toolCalls: [{ name: 'report_status', arguments: { status: 'ok' } }] });
    const tested = await tp.post<ConnectorTestResponse>(id(API_ROUTES.connectorTest, 'fake-llm'), {}, alice);
    expect(tested.status).toBe(200);
    expect(tested.body).toEqual(expect.objectContaining({ ok: true, model: 'fake-model', toolCalling: 'native' }));
    expect(tested.body.latencyMs).toBeGreaterThanOrEqual(0);
    llm.enqueue({ error: { status: 401 } });
    const failing = await tp.post<ConnectorTestResponse>(id(API_ROUTES.connectorTest, 'fake-llm'), {}, alice);
    expect(failing.body).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'llm_auth_failed' }) }));
    expect((await tp.post(id(API_ROUTES.connectorTest, 'missing'), {}, alice)).status).toBe(404);
  });

  it('reports privilege booleans and the KB mode', async () => {
    const mine = await tp.get<AssistantCapabilities>(API_ROUTES.capabilities, alice);
    expect(mine.body.privileges).toEqual({ read: true, all: true, updateAnonymization: true, manageGlobalKnowledgeBase: true, connectorsRead: true, connectorsAll: false });
    expect(mine.body.knowledgeBase.mode).toBe('lexical');
    const theirs = await tp.get<AssistantCapabilities>(API_ROUTES.capabilities, reader);
    expect(theirs.body.privileges).toEqual({ read: true, all: false, updateAnonymization: false, manageGlobalKnowledgeBase: false, connectorsRead: false, connectorsAll: false });
    expect(theirs.body.missingPrivileges.updateAnonymization).toEqual(['securitySolutionAssistant-all', 'securitySolutionAssistant-updateAnonymization']);
  });
});

/** A logger that keeps nothing (the data clients only log progress). */
function createMemorySinkLogger(): Logger {
  const noop = () => undefined;
  const logger: Logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop, isLevelEnabled: () => false, get: () => logger };
  return logger;
}
