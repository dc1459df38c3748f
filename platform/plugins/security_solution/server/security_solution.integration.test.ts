/**
 * Boots the platform with securitySolution on the embedded engine and drives its HTTP API: index and
 * alias layout, status/tags/search/notes, validation errors, privileges, spaces and concurrent writers.
 */
import { startTestPlatform, type TestPlatform } from '../../../../test/helpers';
import type { BulkUpdateSummary, GetNotesResponse, PersistNoteResponse, SearchAlertsResponse } from '../common/api';

jest.setTimeout(180_000);

let tp: TestPlatform;

const search = async (body: Record<string, unknown>, space?: string) => {
  const res = await tp.post<SearchAlertsResponse>('/api/detection_engine/signals/search', body, space ? { space } : {});
  expect(res.status).toBe(200);
  return res.body;
};
const getAlert = async (id: string) => (await search({ query: { ids: { values: [id] } } })).hits.hits[0]?._source ?? {};

beforeAll(async () => {
  tp = await startTestPlatform({
    plugins: ['securitySolution'],
    config: {
      'sampleData.enabled': true,
      'xpack.securitySolution.sampleData.count': 300,
      spaces: [{ id: 'team-a', name: 'Team A' }],
      'security.users': [{ username: 'viewer', password: 'viewer-pw', roles: ['alerts_viewer'] }],
      'security.roles': { alerts_viewer: { kibana: [{ spaces: ['*'], feature: { securitySolution: ['read'] } }] } },
    },
  });
});

afterAll(async () => {
  await tp?.stop();
});

describe('securitySolution server', () => {
  it('creates each space\'s hidden alerts index behind its write alias with an explicit, non-nested mapping and seeds the default space', async () => {
    for (const space of ['default', 'team-a']) {
      const alias = await tp.es.indices.getAlias({ name: `.alerts-security.alerts-${space}`, expand_wildcards: 'all' });
      expect(alias).toEqual({ [`.internal.alerts-security.alerts-${space}-000001`]: { aliases: { [`.alerts-security.alerts-${space}`]: { is_write_index: true, is_hidden: true } } } });
    }
    const mapping = await tp.es.indices.getMapping({ index: '.internal.alerts-security.alerts-default-000001', expand_wildcards: 'all' });
    const text = JSON.stringify(mapping);
    expect(text).not.toContain('"nested"');
    expect(text).toContain('"workflow_status":{"type":"keyword"');
    const all = await search({ size: 0, track_total_hits: true });
    expect(all.hits.total.value).toBe(300);
    expect((await search({ size: 0, track_total_hits: true }, 'team-a')).hits.total.value).toBe(0);
  });

  it('sets status with a reason, records the user, and reopening drops the reason', async () => {
    const hits = (await search({ size: 2, query: { term: { 'kibana.alert.workflow_status': 'open' } }, sort: [{ 'kibana.alert.uuid': 'asc' }] })).hits.hits;
    const ids = hits.map((h) => h._id);
    const closed = await tp.post<BulkUpdateSummary>('/api/detection_engine/signals/status', { signal_ids: ids, status: 'closed', reason: 'false_positive' });
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual(expect.objectContaining({ total: 2, updated: 2, noops: 0, version_conflicts: 0, failures: [] }));
    const alert = await getAlert(ids[0] ?? '');
    expect(alert).toEqual(expect.objectContaining({ 'kibana.alert.workflow_status': 'closed', 'kibana.alert.workflow_reason': 'false_positive', 'kibana.alert.workflow_user': 'elastic' }));
    const again = await tp.post<BulkUpdateSummary>('/api/detection_engine/signals/status', { signal_ids: ids, status: 'closed', reason: 'false_positive' });
    expect(again.body).toEqual(expect.objectContaining({ total: 2, updated: 0, noops: 2 }));
    await tp.post('/api/detection_engine/signals/status', { signal_ids: ids, status: 'in-progress' });
    const ack = await getAlert(ids[0] ?? '');
    expect(ack['kibana.alert.workflow_status']).toBe('acknowledged');
    expect(ack['kibana.alert.workflow_reason']).toBeUndefined();
  });

  it('sets status by query across every matching alert', async () => {
    const rule = 'Whoami Process Activity';
    const before = await search({ size: 0, track_total_hits: true, query: { term: { 'kibana.alert.rule.name': rule } } });
    const res = await tp.post<BulkUpdateSummary>('/api/detection_engine/signals/status', { query: { term: { 'kibana.alert.rule.name': rule } }, status: 'acknowledged' });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(before.hits.total.value);
    const after = await search({ size: 0, track_total_hits: true, query: { bool: { filter: [{ term: { 'kibana.alert.rule.name': rule } }, { term: { 'kibana.alert.workflow_status': 'acknowledged' } }] } } });
    expect(after.hits.total.value).toBe(before.hits.total.value);
  });

  it('rejects bad requests with the failing field, a missing kbn-xsrf and a missing privilege', async () => {
    const bad = await tp.post<{ message: string }>('/api/detection_engine/signals/status', { signal_ids: ['x'], status: 'open', reason: 'false_positive' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('reason is allowed only when status is closed');
    const both = await tp.post<{ message: string }>('/api/detection_engine/signals/status', { signal_ids: ['x'], query: { match_all: {} }, status: 'open' });
    expect(both.status).toBe(400);
    const overlap = await tp.post<{ message: string }>('/api/detection_engine/signals/tags', { ids: ['x'], tags: { tags_to_add: ['a'], tags_to_remove: ['a'] } });
    expect(overlap.status).toBe(400);
    expect(overlap.body.message).toContain('Duplicate tags');
    const noXsrf = await tp.post('/api/detection_engine/signals/tags', { ids: ['x'], tags: { tags_to_add: ['a'], tags_to_remove: [] } }, { xsrf: false });
    expect(noXsrf.status).toBe(400);
    const viewer = { auth: { username: 'viewer', password: 'viewer-pw' } };
    expect((await tp.post('/api/detection_engine/signals/search', { size: 1 }, viewer)).status).toBe(200);
    const forbidden = await tp.post<{ message: string }>('/api/detection_engine/signals/status', { signal_ids: ['x'], status: 'open' }, viewer);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toContain('securitySolution-all');
  });

  it('never loses a tag when many writers tag the same alert at once', async () => {
    const [hit] = (await search({ size: 1, sort: [{ 'kibana.alert.uuid': 'desc' }] })).hits.hits;
    const id = hit?._id ?? '';
    const tags = Array.from({ length: 16 }, (_, i) => `concurrent-${i}`);
    const results = await Promise.all([
      ...tags.map((t) => tp.post<BulkUpdateSummary>('/api/detection_engine/signals/tags', { ids: [id], tags: { tags_to_add: [t], tags_to_remove: [] } })),
      tp.post<BulkUpdateSummary>('/api/detection_engine/signals/status', { signal_ids: [id], status: 'closed', reason: 'duplicate' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    expect(results.reduce((n, r) => n + r.body.version_conflicts, 0)).toBe(0);
    const alert = await getAlert(id);
    expect([...(alert['kibana.alert.workflow_tags'] as string[])].sort()).toEqual(expect.arrayContaining(tags));
    expect(alert['kibana.alert.workflow_status']).toBe('closed');
    const removed = await tp.post<BulkUpdateSummary>('/api/detection_engine/signals/tags', { ids: [id], tags: { tags_to_add: ['kept'], tags_to_remove: tags } });
    expect(removed.body.updated).toBe(1);
    expect((await getAlert(id))['kibana.alert.workflow_tags']).toEqual(expect.not.arrayContaining(['concurrent-0']));
  });

  it('creates, reads, updates (compare-and-set), and deletes notes per space', async () => {
    const created = await tp.patch<PersistNoteResponse>('/api/note', { note: { eventId: 'alert-1', timelineId: '', note: '⏳ **started**' } });
    expect(created.status).toBe(200);
    const note = created.body.note;
    expect(note).toEqual(expect.objectContaining({ eventId: 'alert-1', note: '⏳ **started**', createdBy: 'elastic', noteId: expect.any(String), version: expect.any(String) }));
    const updated = await tp.patch<PersistNoteResponse>('/api/note', { noteId: note.noteId, version: note.version, note: { eventId: 'alert-1', timelineId: '', note: 'done' } });
    expect(updated.status).toBe(200);
    expect(updated.body.note.version).not.toBe(note.version);
    const stale = await tp.patch<{ message: string }>('/api/note', { noteId: note.noteId, version: note.version, note: { eventId: 'alert-1', note: 'stale' } });
    expect(stale.status).toBe(409);
    const concurrent = await Promise.all(['a', 'b', 'c'].map((t) => tp.patch('/api/note', { noteId: note.noteId, note: { eventId: 'alert-1', note: t } })));
    expect(concurrent.map((r) => r.status)).toEqual([200, 200, 200]);
    const found = await tp.get<GetNotesResponse>('/api/note?documentIds=alert-1');
    expect(found.body.totalCount).toBe(1);
    expect(['a', 'b', 'c']).toContain(found.body.notes[0]?.note);
    expect((await tp.get<GetNotesResponse>('/api/note?documentIds=alert-1', { space: 'team-a' })).body.totalCount).toBe(0);
    expect((await tp.delete('/api/note', { body: { noteId: note.noteId }, space: 'team-a' })).status).toBe(404);
    expect((await tp.delete('/api/note', { body: { noteId: note.noteId } })).status).toBe(200);
    expect((await tp.get<GetNotesResponse>('/api/note?documentIds=alert-1')).body.totalCount).toBe(0);
    expect((await tp.get('/api/note')).status).toBe(400);
  });

  it('keeps spaces apart: another space cannot change default-space alerts', async () => {
    const [hit] = (await search({ size: 1 })).hits.hits;
    const res = await tp.post<BulkUpdateSummary>('/api/detection_engine/signals/status', { signal_ids: [hit?._id ?? ''], status: 'closed' }, { space: 'team-a' });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });

  it('updates every alert a query matches, also past the first page when alerts lack kibana.alert.uuid', async () => {
    const operations: unknown[] = [];
    const doc = (i: number, withUuid: boolean) => ({
      '@timestamp': '2026-01-01T00:00:00.000Z',
      'kibana.alert.workflow_status': 'open',
      'host.name': `bulk-host-${i % 7}`,
      ...(withUuid ? { 'kibana.alert.uuid': `bulk-uuid-${String(i).padStart(5, '0')}` } : {}),
    });
    // 2,300 alerts without the paging key (imported from elsewhere) and 1,200 with it: more than two pages each.
    for (let i = 0; i < 3500; i++) operations.push({ index: { _index: '.alerts-security.alerts-team-a' } }, doc(i, i >= 2300));
    const bulk = await tp.es.bulk({ operations, refresh: true });
    expect(bulk.errors).toBe(false);
    const res = await tp.post<BulkUpdateSummary>('/api/detection_engine/signals/status', { query: { match_all: {} }, status: 'closed', reason: 'other' }, { space: 'team-a' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ total: 3500, updated: 3500, noops: 0, version_conflicts: 0, failures: [] }));
    const open = await search({ size: 0, track_total_hits: true, query: { term: { 'kibana.alert.workflow_status': 'open' } } }, 'team-a');
    expect(open.hits.total.value).toBe(0);
  });

  it('deletes no note when any id of the list is unknown in the space', async () => {
    const mine = (await tp.patch<PersistNoteResponse>('/api/note', { note: { eventId: 'alert-del', note: 'mine' } })).body.note;
    const theirs = (await tp.patch<PersistNoteResponse>('/api/note', { note: { eventId: 'alert-del', note: 'theirs' } }, { space: 'team-a' })).body.note;
    const res = await tp.delete<{ message: string }>('/api/note', { body: { noteIds: [mine.noteId, theirs.noteId] } });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(`Note ${theirs.noteId} not found in space default`);
    expect((await tp.get<GetNotesResponse>(`/api/note?noteIds=${mine.noteId}`)).body.totalCount).toBe(1);
    expect((await tp.get<GetNotesResponse>(`/api/note?noteIds=${theirs.noteId}`, { space: 'team-a' })).body.totalCount).toBe(1);
  });
});
