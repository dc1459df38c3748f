/**
 * The workflows HTTP API (workflow-engine §6) on a booted platform: CRUD with "invalid but saved", YAML field edits,
 * validation diagnostics, the editor schema, conventions (xsrf, version header, /s/<space>), privileges and spaces.
 */
import path from 'node:path';
import { createFakeKibanaRequest } from '../../../../core/server';
import { startTestPlatform, type TestPlatform } from '../../../../../test/helpers';
import type { WorkflowsManagementApi } from '../contract';
import type { ConsumerStart } from './fixtures/management_consumer/server';
import type { ValidateWorkflowResponse, WorkflowDetail, WorkflowListItem, WorkflowsErrorBody } from '../../common';
import { DEFAULT_WORKFLOW_YAML, WORKFLOWS_INDEX } from '../../common';
import { GREETING_YAML } from './helpers';

jest.setTimeout(60_000);

let t: TestPlatform;
const reader = { auth: { username: 'wf-reader', password: 'reader-pass' } };

beforeAll(async () => {
  t = await startTestPlatform({
    plugins: ['workflowsManagement'],
    pluginDirs: [path.join(__dirname, 'fixtures', 'management_consumer')],
    config: {
      spaces: [{ id: 'team-a', name: 'Team A' }],
      'security.users': [{ username: 'wf-reader', password: 'reader-pass', roles: ['workflows_reader'] }],
      'security.roles': { workflows_reader: { kibana: [{ spaces: ['*'], base: [], feature: { workflowsManagement: ['read'] } }] } },
    },
  });
});

afterAll(async () => {
  await t?.stop();
});

const create = async (yaml: string, extra: { id?: string; space?: string } = {}) => {
  const res = await t.post<WorkflowDetail>('/api/workflows/workflow', { yaml, ...(extra.id ? { id: extra.id } : {}) }, extra.space ? { space: extra.space } : {});
  expect(res.status).toBe(200);
  return res.body;
};

describe('workflows CRUD', () => {
  it('creates a valid workflow with a generated id, the user and parsed fields', async () => {
    const wf = await create(GREETING_YAML);
    expect(wf).toEqual({
      id: expect.stringMatching(/^workflow-[0-9a-f-]{36}$/),
      name: 'Greeter',
      description: 'Says hello',
      enabled: true,
      tags: ['demo'],
      valid: true,
      yaml: GREETING_YAML,
      definition: expect.objectContaining({ name: 'Greeter', steps: expect.any(Array) }),
      spaceId: 'default',
      createdAt: expect.any(String),
      createdBy: 'elastic',
      lastUpdatedAt: expect.any(String),
      lastUpdatedBy: 'elastic',
      revision: expect.any(String),
    });
    const got = await t.get<WorkflowDetail>(`/api/workflows/workflow/${wf.id}`);
    expect(got.body).toEqual(wf);
    const mapping = await t.es.indices.getMapping({ index: WORKFLOWS_INDEX, expand_wildcards: 'all' });
    expect(mapping[WORKFLOWS_INDEX]?.mappings.properties?.yaml).toEqual({ type: 'text', index: false });
    const settings = await t.es.indices.getSettings({ index: WORKFLOWS_INDEX, expand_wildcards: 'all' });
    expect(String(settings[WORKFLOWS_INDEX]?.settings?.index?.hidden)).toBe('true');
  });

  it('saves an invalid YAML disabled, without definition, with positioned errors and the parsed or default name', async () => {
    const broken = await create('name: Broken one\ntriggers:\n  - type: manual\nsteps:\n  - name: a\n    type: no.such_step\n');
    expect(broken).toMatchObject({ name: 'Broken one', valid: false, enabled: false, definition: null });
    expect(broken.validationErrors).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unknown-step-type', line: 6, column: expect.any(Number) }),
    ]);
    const syntax = await create('steps: [unclosed\n');
    expect(syntax).toMatchObject({ name: 'Untitled workflow', valid: false, enabled: false, definition: null });
    expect(syntax.validationErrors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'yaml-syntax', line: 2, column: 1 })]));
  });

  it('answers 409 for a taken id, also after a soft delete, and keeps ids per space', async () => {
    await create(GREETING_YAML, { id: 'fixed.id' });
    const dup = await t.post<WorkflowsErrorBody>('/api/workflows/workflow', { yaml: GREETING_YAML, id: 'fixed.id' });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'Workflow with id [fixed.id] already exists in space [default]' });
    expect((await create(GREETING_YAML, { id: 'fixed.id', space: 'team-a' })).spaceId).toBe('team-a');
    expect((await t.delete('/api/workflows/workflow/fixed.id')).body).toEqual({});
    expect((await t.get('/api/workflows/workflow/fixed.id')).status).toBe(404);
    expect((await t.delete('/api/workflows/workflow/fixed.id')).status).toBe(404);
    expect((await t.post('/api/workflows/workflow', { yaml: GREETING_YAML, id: 'fixed.id' })).status).toBe(409);
    const raw = await t.es.get<{ deletedAt: string | null }>({ index: WORKFLOWS_INDEX, id: 'default:fixed.id' });
    expect(raw._source?.deletedAt).toEqual(expect.any(String));
    expect((await t.get('/api/workflows/workflow/fixed.id', { space: 'team-a' })).status).toBe(200);
  });

  it('writes field edits into the YAML keeping comments, and validates the result', async () => {
    const wf = await create(GREETING_YAML);
    const res = await t.put<WorkflowDetail>(`/api/workflows/workflow/${wf.id}`, { name: 'Greeter 2', enabled: false, tags: ['demo', 'hello'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Greeter 2', enabled: false, tags: ['demo', 'hello'], valid: true, createdAt: wf.createdAt });
    expect(res.body.yaml).toContain('name: Greeter 2 # shown in the list');
    expect(res.body.yaml).toContain('tags: [demo, hello]');
    expect(res.body.yaml).toMatch(/description: Says hello\nenabled: false\ntags/);
    expect(res.body.definition?.enabled).toBe(false);
    expect(res.body.revision).not.toBe(wf.revision);
    const stale = await t.put<WorkflowsErrorBody>(`/api/workflows/workflow/${wf.id}`, { enabled: true, revision: wf.revision });
    expect(stale.status).toBe(409);
    const yamlAndField = await t.put<WorkflowDetail>(`/api/workflows/workflow/${wf.id}`, { yaml: GREETING_YAML.replace('Says hello', 'Greets'), enabled: true });
    expect(yamlAndField.body).toMatchObject({ description: 'Greets', enabled: true, name: 'Greeter' });
  });

  it('refuses to enable an invalid workflow and keeps it unchanged', async () => {
    const broken = await create('name: Not yet\ntriggers: []\nsteps: []\n');
    const res = await t.put<WorkflowsErrorBody>(`/api/workflows/workflow/${broken.id}`, { enabled: true });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Workflow is not valid and cannot be enabled.');
    expect(res.body.attributes?.diagnostics?.length).toBeGreaterThan(0);
    expect((await t.get<WorkflowDetail>(`/api/workflows/workflow/${broken.id}`)).body).toEqual(broken);
    const fixed = await t.put<WorkflowDetail>(`/api/workflows/workflow/${broken.id}`, { yaml: GREETING_YAML });
    expect(fixed.body).toMatchObject({ valid: true, enabled: true, name: 'Greeter' });
    expect(fixed.body.validationErrors).toBeUndefined();
    const missing = await t.put<WorkflowsErrorBody>('/api/workflows/workflow/nope', { enabled: false });
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Workflow [nope] not found in space default'.replace('space default', 'space [default]') });
  });

  it('saves the starter YAML as a valid workflow', async () => {
    const wf = await create(DEFAULT_WORKFLOW_YAML);
    expect(wf).toMatchObject({ valid: true, name: 'New workflow', enabled: false });
  });
});

describe('list', () => {
  it('pages, filters by query, enabled and tags, and never shows deleted workflows', async () => {
    const space = 'team-a';
    const opts = { space };
    const a = await create(GREETING_YAML.replace('Greeter', 'Alpha incident triage').replace('[demo]', '[triage, ai]'), opts);
    const b = await create(GREETING_YAML.replace('Greeter', 'Beta notifier').replace('[demo]', '[notify]'), opts);
    await t.put(`/api/workflows/workflow/${b.id}`, { enabled: false }, opts);
    const gone = await create(GREETING_YAML.replace('Greeter', 'Gone'), opts);
    await t.delete(`/api/workflows/workflow/${gone.id}`, opts);

    const all = await t.get<{ results: WorkflowListItem[]; total: number; page: number; size: number }>('/api/workflows?size=100', opts);
    expect(all.body.results.map((w) => w.name)).not.toContain('Gone');
    const first = all.body.results.find((w) => w.id === a.id);
    expect(first).toEqual({
      id: a.id,
      name: 'Alpha incident triage',
      description: 'Says hello',
      enabled: true,
      tags: ['triage', 'ai'],
      valid: true,
      spaceId: 'team-a',
      createdAt: a.createdAt,
      createdBy: 'elastic',
      lastUpdatedAt: a.lastUpdatedAt,
      lastUpdatedBy: 'elastic',
      revision: a.revision,
      triggerTypes: ['manual'],
      history: [],
    });
    const names = async (qs: string) => (await t.get<{ results: WorkflowListItem[] }>(`/api/workflows?${qs}`, opts)).body.results.map((w) => w.name);
    expect(await names('query=triage')).toEqual(['Alpha incident triage']);
    expect(await names('query=notif')).toEqual(['Beta notifier']);
    expect(await names('enabled=false')).toEqual(['Beta notifier']);
    expect(await names('tags=notify&tags=ai')).toEqual(['Beta notifier', 'Alpha incident triage']);
    const page = await t.get<{ results: WorkflowListItem[]; total: number; page: number; size: number }>('/api/workflows?page=2&size=1', opts);
    expect(page.body).toMatchObject({ page: 2, size: 1, total: all.body.total });
    expect(page.body.results).toHaveLength(1);
    expect((await t.get('/api/workflows?size=101')).status).toBe(400);
  });
});

describe('validate and schema', () => {
  it('returns diagnostics with positions and warnings for unknown connectors', async () => {
    const res = await t.post<ValidateWorkflowResponse>('/api/workflows/validate', {
      yaml: 'name: x\ntriggers:\n  - type: manual\nsteps:\n  - name: a\n    type: console\n    with:\n      message: "{{ unclosed"\n',
    });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'liquid-syntax', line: 8, column: expect.any(Number), path: ['steps', 0, 'with', 'message'] })]);
    const ok = await t.post<ValidateWorkflowResponse>('/api/workflows/validate', { yaml: GREETING_YAML });
    expect(ok.body).toEqual({ valid: true, diagnostics: [] });
  });

  it('serves the editor JSON Schema with every registered step type, strict and loose', async () => {
    const strict = await t.get<Record<string, unknown>>('/api/workflows/schema');
    expect(strict.status).toBe(200);
    expect(JSON.stringify(strict.body)).toContain('"data.set"');
    expect(JSON.stringify(strict.body)).toContain('"console"');
    const loose = await t.get<Record<string, unknown>>('/api/workflows/schema?loose=true');
    expect(loose.body).not.toEqual(strict.body);
    expect((await t.get('/api/workflows/schema')).body).toEqual(strict.body);
  });
});

describe('conventions, privileges and spaces', () => {
  it('needs kbn-xsrf on writes, accepts and echoes elastic-api-version, and works under /s/<space>', async () => {
    const noXsrf = await t.post('/api/workflows/workflow', { yaml: GREETING_YAML }, { xsrf: false });
    expect(noXsrf.status).toBe(400);
    const versioned = await t.get('/api/workflows', { headers: { 'elastic-api-version': '2023-10-31' } });
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('elastic-api-version')).toBe('2023-10-31');
    const wf = await create(GREETING_YAML, { space: 'team-a' });
    expect((await t.get(`/api/workflows/workflow/${wf.id}`)).status).toBe(404);
    const defaultList = await t.get<{ results: WorkflowListItem[] }>('/api/workflows?size=100');
    expect(defaultList.body.results.map((w) => w.id)).not.toContain(wf.id);
    expect((await t.get(`/api/workflows/workflow/${wf.id}`, { space: 'team-a' })).status).toBe(200);
    expect((await t.post(`/api/workflows/workflow/${wf.id}/run`, {})).status).toBe(404);
  });

  it('lets a read-only user list and validate but not create, update, delete or run', async () => {
    const wf = await create(GREETING_YAML);
    expect((await t.get('/api/workflows', reader)).status).toBe(200);
    expect((await t.get(`/api/workflows/workflow/${wf.id}`, reader)).status).toBe(200);
    expect((await t.post('/api/workflows/validate', { yaml: GREETING_YAML }, reader)).status).toBe(200);
    const denied = await t.post<WorkflowsErrorBody>('/api/workflows/workflow', { yaml: GREETING_YAML }, reader);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('workflowsManagement-all');
    expect((await t.put(`/api/workflows/workflow/${wf.id}`, { enabled: false }, reader)).status).toBe(403);
    expect((await t.delete(`/api/workflows/workflow/${wf.id}`, reader)).status).toBe(403);
    expect((await t.post(`/api/workflows/workflow/${wf.id}/run`, {}, reader)).status).toBe(403);
    expect((await t.get('/api/workflows', { auth: false })).status).toBe(401);
  });
});

describe('management contract', () => {
  it('is usable from the setup contract with a system request, by space', async () => {
    const consumer = t.platform.pluginsStart.get('workflowsManagementConsumer') as ConsumerStart;
    const management = consumer.managementFromSetup;
    const request = createFakeKibanaRequest({ spaceId: 'team-a', headers: { 'kbn-system-request': 'true' } });
    const created = await management.createWorkflow({ yaml: GREETING_YAML, id: 'preinstalled.greeter' }, 'team-a', request);
    expect(created).toMatchObject({ id: 'preinstalled.greeter', spaceId: 'team-a', createdBy: 'system', valid: true });
    await expect(management.createWorkflow({ yaml: GREETING_YAML, id: 'preinstalled.greeter' }, 'team-a', request)).rejects.toMatchObject({ statusCode: 409 });
    const updated = await management.updateWorkflow('preinstalled.greeter', { enabled: false, revision: created.revision }, 'team-a', request);
    expect(updated.enabled).toBe(false);
    await expect(management.updateWorkflow('preinstalled.greeter', { enabled: true, revision: created.revision }, 'team-a', request)).rejects.toMatchObject({ statusCode: 409 });
    expect(await management.deleteWorkflows(['preinstalled.greeter', 'unknown'], 'team-a', request)).toEqual({ deleted: 1 });
    expect(await management.getWorkflow('preinstalled.greeter', 'team-a')).toBeUndefined();
    expect(await management.getWorkflow('preinstalled.greeter', 'team-a', { includeDeleted: true })).toMatchObject({ deletedAt: expect.any(String) });
    expect((await management.validateWorkflow('name: x\n')).valid).toBe(false);
    const started = t.platform.pluginsStart.get('workflowsManagement') as WorkflowsManagementApi;
    expect((await started.getWorkflows({ size: 100 }, 'team-a')).results.map((w) => w.id)).not.toContain('preinstalled.greeter');
  });
});
