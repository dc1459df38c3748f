/**
 * Space isolation (issue 9, Security): conversations, knowledge-base entries, workflows and alerts created in space
 * A are invisible from space B — absent from lists, 404 by id, and untouchable by writes addressed from B.
 */
import { startTestPlatform, type TestPlatform } from '../helpers';
import { GREETING_YAML } from '../../platform/plugins/workflows_management/server/integration_tests/helpers';
import { alertsAliasName } from '../../platform/plugins/security_solution/common/constants';
import { ALL_PLUGINS, USERS, USERS_CONFIG } from './helpers';

jest.setTimeout(60_000);

const A = 'team-a';
const B = 'team-b';
const analyst = { auth: USERS.analyst };

let tp: TestPlatform;

beforeAll(async () => {
  tp = await startTestPlatform({
    plugins: ALL_PLUGINS,
    config: { ...USERS_CONFIG, spaces: [{ id: A, name: 'Team A' }, { id: B, name: 'Team B' }] },
  });
});

afterAll(async () => {
  await tp?.stop();
});

const inA = { ...analyst, space: A };
const inB = { ...analyst, space: B };

describe('space isolation', () => {
  it('conversations', async () => {
    const created = await tp.post<{ id: string; namespace: string }>('/api/security_ai_assistant/current_user/conversations', { title: 'Space A secret chat' }, inA);
    expect(created.status).toBe(200);
    expect(created.body.namespace).toBe(A);
    const path = `/api/security_ai_assistant/current_user/conversations/${created.body.id}`;
    expect((await tp.get(path, inA)).status).toBe(200);
    expect((await tp.get(path, inB)).status).toBe(404);
    expect((await tp.put(path, { title: 'hijacked' }, inB)).status).toBe(404);
    expect((await tp.delete(path, inB)).status).toBe(404);
    const listB = await tp.get<{ total: number; data: unknown[] }>('/api/security_ai_assistant/current_user/conversations/_find?per_page=100', inB);
    expect(listB.status).toBe(200);
    expect(listB.body.total).toBe(0);
    expect(listB.text).not.toContain('Space A secret chat');
    // The superuser in B does not see it either: isolation is by space, not only by owner.
    const elasticB = await tp.get('/api/security_ai_assistant/current_user/conversations/_find?per_page=100', { space: B });
    expect(elasticB.text).not.toContain('Space A secret chat');
    const stillA = await tp.get<{ title: string }>(path, inA);
    expect(stillA.body.title).toBe('Space A secret chat');
  });

  it('knowledge base entries', async () => {
    const created = await tp.post<{ id: string }>('/api/security_ai_assistant/knowledge_base/entries', { type: 'document', name: 'Space A runbook', text: 'only for team A', global: true }, inA);
    expect(created.status).toBe(200);
    const path = `/api/security_ai_assistant/knowledge_base/entries/${created.body.id}`;
    expect((await tp.get(path, inA)).status).toBe(200);
    expect((await tp.get(path, inB)).status).toBe(404);
    expect((await tp.delete(path, inB)).status).toBe(404);
    const listB = await tp.get<{ total: number }>('/api/security_ai_assistant/knowledge_base/entries/_find?per_page=100', inB);
    expect(listB.status).toBe(200);
    expect(listB.text).not.toContain('Space A runbook');
    expect((await tp.get(path, inA)).status).toBe(200);
  });

  it('workflows', async () => {
    const created = await tp.post<{ id: string }>('/api/workflows/workflow', { yaml: GREETING_YAML.replace('name: Greeter', 'name: Space A greeter') }, inA);
    expect(created.status).toBe(200);
    const path = `/api/workflows/workflow/${created.body.id}`;
    expect((await tp.get(path, inA)).status).toBe(200);
    expect((await tp.get(path, inB)).status).toBe(404);
    expect((await tp.post(`${path}/run`, { inputs: {} }, inB)).status).toBe(404);
    expect((await tp.delete(path, inB)).status).toBe(404);
    const listB = await tp.get('/api/workflows', inB);
    expect(listB.status).toBe(200);
    expect(listB.text).not.toContain('Space A greeter');
    expect((await tp.get(path, inA)).status).toBe(200);
  });

  it('alerts', async () => {
    const id = 'h9-space-a-alert';
    await tp.es.index({
      index: alertsAliasName(A),
      id,
      refresh: true,
      document: { '@timestamp': new Date().toISOString(), 'kibana.alert.uuid': id, 'kibana.alert.workflow_status': 'open', 'kibana.alert.rule.name': 'Space A rule', 'kibana.alert.workflow_tags': [] },
    });
    const search = (space: string) => tp.post<{ hits: { hits: Array<{ _id: string }> } }>('/api/detection_engine/signals/search', { query: { ids: { values: [id] } } }, { ...analyst, space });
    expect((await search(A)).body.hits.hits.map((h) => h._id)).toEqual([id]);
    expect((await search(B)).body.hits.hits).toEqual([]);
    // Writes addressed from B find nothing to change.
    const status = await tp.post<{ updated: number }>('/api/detection_engine/signals/status', { signal_ids: [id], status: 'closed', reason: 'false_positive' }, inB);
    expect(status.status).toBe(200);
    expect(status.body.updated).toBe(0);
    const tags = await tp.post<{ updated: number }>('/api/detection_engine/signals/tags', { ids: [id], tags: { tags_to_add: ['from-b'], tags_to_remove: [] } }, inB);
    expect(tags.status).toBe(200);
    expect(tags.body.updated).toBe(0);
    const doc = await tp.es.get<Record<string, unknown>>({ index: alertsAliasName(A), id });
    expect(doc._source).toEqual(expect.objectContaining({ 'kibana.alert.workflow_status': 'open', 'kibana.alert.workflow_tags': [] }));
  });
});
