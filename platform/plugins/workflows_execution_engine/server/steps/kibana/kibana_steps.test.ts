import type { CallKibanaApiRequest } from '../../../../workflows_extensions/common';
import { KibanaApiError } from '../errors';
import { runStep } from '../test_support/step_context';
import { kibanaRequestStepDefinition, setAlertsStatusStepDefinition, setAlertTagsStepDefinition } from './kibana_steps';
import { spacePath } from './space_path';

const summary = { took: 3, timed_out: false, total: 1, updated: 1, version_conflicts: 0, noops: 0, failures: [] };

/** A host-router stand-in: answers by path, throws KibanaApiError for ≥ 400 like the real transport. */
const fakeKibana = (answers: Record<string, { status: number; body: unknown }>) => async (request: CallKibanaApiRequest) => {
  const answer = answers[request.path] ?? { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not Found' } };
  if (answer.status >= 400) throw new KibanaApiError(request.method ?? 'GET', request.path, answer.status, answer.body);
  return answer.body;
};

describe('kibana.request', () => {
  it('sends method, path (as written), body, query and headers; outputs the parsed body', async () => {
    const result = await runStep(kibanaRequestStepDefinition, {
      spaceId: 'team-a',
      with: { method: 'patch', path: '/s/default/api/note', body: { note: { note: 'x' } }, query: { a: 1 }, headers: { 'x-y': 'z' } },
      callKibanaApi: fakeKibana({ '/s/default/api/note': { status: 200, body: { note: { noteId: 'n1' } } } }),
    });
    expect(result.output).toEqual({ note: { noteId: 'n1' } });
    expect(result.kibanaCalls).toEqual([
      { method: 'PATCH', path: '/s/default/api/note', body: { note: { note: 'x' } }, query: { a: 1 }, headers: { 'x-y': 'z' } },
    ]);
  });

  it('defaults to GET and accepts /api/, /internal/ and /s/<space>/ paths only', async () => {
    const result = await runStep(kibanaRequestStepDefinition, {
      with: { path: '/internal/security_solution/alert_validation/runtime_config' },
      callKibanaApi: fakeKibana({ '/internal/security_solution/alert_validation/runtime_config': { status: 200, body: { ok: true } } }),
    });
    expect(result.kibanaCalls[0]).toEqual({ method: 'GET', path: '/internal/security_solution/alert_validation/runtime_config' });
    for (const path of ['/app/workflows', 'api/note', 'https://evil.example/api/x', '/s//api/x', '/apix/y']) {
      expect(kibanaRequestStepDefinition.inputSchema.safeParse({ path }).success).toBe(false);
    }
    expect(kibanaRequestStepDefinition.inputSchema.safeParse({ path: '/s/team-a/api/cases' }).success).toBe(true);
  });

  it('fails with KibanaApiError {statusCode, body} when the host answers ≥ 400', async () => {
    const result = await runStep(kibanaRequestStepDefinition, {
      with: { method: 'POST', path: '/api/missing' },
      callKibanaApi: fakeKibana({}),
    });
    expect(result.error).toBeInstanceOf(KibanaApiError);
    expect(result.error?.name).toBe('KibanaApiError');
    expect((result.error as KibanaApiError).details).toEqual({ statusCode: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not Found' } });
    expect(result.error?.message).toBe('POST /api/missing failed with status 404: Not Found');
  });
});

describe('kibana.SetAlertTags', () => {
  it('posts {ids, tags} to the tags route, unprefixed in the default space', async () => {
    const result = await runStep(setAlertTagsStepDefinition, {
      with: { ids: ['a1', 'a2'], tags: { tags_to_add: ['ai-triaged'] } },
      callKibanaApi: fakeKibana({ '/api/detection_engine/signals/tags': { status: 200, body: summary } }),
    });
    expect(result.output).toEqual(summary);
    expect(result.kibanaCalls).toEqual([
      { method: 'POST', path: '/api/detection_engine/signals/tags', body: { ids: ['a1', 'a2'], tags: { tags_to_add: ['ai-triaged'], tags_to_remove: [] } } },
    ]);
  });

  it('prefixes /s/<space> in another space', async () => {
    const result = await runStep(setAlertTagsStepDefinition, {
      spaceId: 'team-a',
      with: { ids: ['a1'], tags: { tags_to_add: [], tags_to_remove: ['old'] } },
      callKibanaApi: fakeKibana({ '/s/team-a/api/detection_engine/signals/tags': { status: 200, body: summary } }),
    });
    expect(result.error).toBeUndefined();
    expect(result.kibanaCalls[0].path).toBe('/s/team-a/api/detection_engine/signals/tags');
  });

  it('rejects an empty id list and a tag in both lists', () => {
    expect(setAlertTagsStepDefinition.inputSchema.safeParse({ ids: [], tags: { tags_to_add: ['x'] } }).success).toBe(false);
    const both = setAlertTagsStepDefinition.inputSchema.safeParse({ ids: ['a'], tags: { tags_to_add: ['x'], tags_to_remove: ['x'] } });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0].message).toBe('Duplicate tags were found in the tags_to_add and tags_to_remove parameters');
  });
});

describe('kibana.SetAlertsStatus', () => {
  it('closes alerts with a reason in the run space', async () => {
    const result = await runStep(setAlertsStatusStepDefinition, {
      spaceId: 'team-a',
      with: { signal_ids: ['a1'], status: 'closed', reason: 'false_positive' },
      callKibanaApi: fakeKibana({ '/s/team-a/api/detection_engine/signals/status': { status: 200, body: summary } }),
    });
    expect(result.output).toEqual(summary);
    expect(result.kibanaCalls).toEqual([
      { method: 'POST', path: '/s/team-a/api/detection_engine/signals/status', body: { signal_ids: ['a1'], status: 'closed', reason: 'false_positive' } },
    ]);
  });

  it('accepts in-progress and a query with conflicts', async () => {
    const result = await runStep(setAlertsStatusStepDefinition, {
      with: { query: { term: { 'host.name': 'h1' } }, status: 'in-progress', conflicts: 'proceed' },
      callKibanaApi: fakeKibana({ '/api/detection_engine/signals/status': { status: 200, body: summary } }),
    });
    expect(result.error).toBeUndefined();
    expect(result.kibanaCalls[0].body).toEqual({ query: { term: { 'host.name': 'h1' } }, status: 'in-progress', conflicts: 'proceed' });
  });

  it('allows reason only with closed, needs exactly one of signal_ids/query, and checks the enums', () => {
    const parse = (v: unknown) => setAlertsStatusStepDefinition.inputSchema.safeParse(v);
    expect(parse({ signal_ids: ['a'], status: 'open', reason: 'duplicate' }).error?.issues[0]).toMatchObject({
      path: ['reason'],
      message: 'reason is allowed only when status is closed',
    });
    expect(parse({ status: 'closed' }).success).toBe(false);
    expect(parse({ signal_ids: ['a'], query: {}, status: 'closed' }).success).toBe(false);
    expect(parse({ signal_ids: ['a'], status: 'resolved' }).success).toBe(false);
    expect(parse({ signal_ids: ['a'], status: 'closed', reason: 'bored' }).success).toBe(false);
    expect(parse({ signal_ids: ['a'], status: 'closed', reason: 'automated_closure' }).success).toBe(true);
  });

  it('propagates a route rejection as KibanaApiError', async () => {
    const result = await runStep(setAlertsStatusStepDefinition, {
      with: { signal_ids: ['a1'], status: 'acknowledged' },
      callKibanaApi: fakeKibana({ '/api/detection_engine/signals/status': { status: 409, body: { message: '1 alerts kept changing' } } }),
    });
    expect((result.error as KibanaApiError).details.statusCode).toBe(409);
  });
});

describe('spacePath', () => {
  it('adds /s/<space> except for default', () => {
    expect(spacePath('default', '/api/x')).toBe('/api/x');
    expect(spacePath('team a', '/api/x')).toBe('/s/team%20a/api/x');
  });
});
