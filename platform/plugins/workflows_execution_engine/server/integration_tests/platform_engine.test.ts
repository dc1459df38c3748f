import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createFakeKibanaRequest } from '../../../../core/server';
import type { AuthenticatedUser } from '../../../../core/server';
import type { WorkflowDefinition } from '../../../../packages/workflows/definition';
import { startTestPlatform, type TestPlatform } from '../../../../../test/helpers/start_test_platform';
import type { WorkflowsExecutionEnginePluginStart } from '../plugin';

/*
 * The engine inside the whole platform: built-in steps through the shared registry, an extension step that calls the
 * host router in-process as the execution's user (privileges enforced), persistence in the embedded engine, and
 * restart recovery across a platform restart on the same data directory.
 */

const FIXTURE_SERVER = `
const { z } = require(ZOD_PATH);
class EngineFixturePlugin {
  setup(core, plugins) {
    const router = core.http.createRouter();
    router.post(
      { path: '/api/engine_fixture/secret', validate: { body: z.object({ n: z.number() }) }, security: { authz: { requiredPrivileges: ['engine_fixture-secret'] } } },
      async (context, request, response) => response.ok({ body: { doubled: request.body.n * 2, xsrf: request.headers['kbn-xsrf'] } }),
    );
    plugins.workflowsExtensions.registerStepDefinition({
      id: 'fixture.callApi',
      inputSchema: z.object({ method: z.string().default('GET'), path: z.string(), body: z.unknown().optional() }),
      outputSchema: z.unknown(),
      handler: async ({ input, contextManager }) => ({ output: await contextManager.callKibanaApi({ method: input.method, path: input.path, body: input.body }) }),
    });
    return {};
  }
  start() {
    return {};
  }
}
module.exports = { plugin: () => new EngineFixturePlugin() };
`;

const user = (username: string, roles: string[]): AuthenticatedUser => ({
  username,
  roles,
  enabled: true,
  metadata: {},
  authentication_realm: { name: 'native', type: 'native' },
  lookup_realm: { name: 'native', type: 'native' },
  authentication_provider: { type: 'basic', name: 'basic' },
  authentication_type: 'realm',
});

const definitionOf = (yamlText: string): WorkflowDefinition =>
  ({ version: '1', enabled: true, triggers: [{ type: 'manual' }], ...(parse(yamlText) as object) }) as WorkflowDefinition;

let fixtureDir: string;
let dataPath: string;
let t: TestPlatform | undefined;

const engineOf = (platform: TestPlatform) => {
  const engine = platform.platform.pluginsStart.get('workflowsExecutionEngine') as WorkflowsExecutionEnginePluginStart | undefined;
  if (!engine) throw new Error('workflowsExecutionEngine did not start');
  return engine;
};

const start = () =>
  startTestPlatform({
    plugins: ['workflowsExecutionEngine'],
    pluginDirs: [fixtureDir],
    dataPath,
    config: { 'security.users': [{ username: 'viewer1', password: 'viewer-password', roles: ['viewer'] }] },
  });

const runAs = async (platform: TestPlatform, yamlText: string, who: AuthenticatedUser, spaceId = 'default') => {
  const engine = engineOf(platform);
  const { workflowExecutionId } = await engine.runWorkflow({
    workflow: { id: 'wf-platform', name: 'platform test', enabled: true, yaml: yamlText, definition: definitionOf(yamlText) },
    spaceId,
    inputs: {},
    request: createFakeKibanaRequest({ spaceId, user: who }),
  });
  return workflowExecutionId;
};

beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-engine-fixture-'));
  dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-engine-data-'));
  fs.mkdirSync(path.join(fixtureDir, 'server'));
  fs.writeFileSync(
    path.join(fixtureDir, 'kibana.jsonc'),
    JSON.stringify({
      type: 'plugin',
      id: '@kbn/wf-engine-fixture',
      owner: 'tests',
      plugin: { id: 'wfEngineFixture', server: true, browser: false, requiredPlugins: ['workflowsExtensions'], optionalPlugins: [] },
    }),
  );
  fs.writeFileSync(path.join(fixtureDir, 'server', 'index.js'), FIXTURE_SERVER.replace('ZOD_PATH', JSON.stringify(require.resolve('zod/v4'))));
  t = await start();
}, 60_000);

afterAll(async () => {
  await t?.stop();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
  fs.rmSync(dataPath, { recursive: true, force: true });
});

describe('workflowsExecutionEngine on the platform', () => {
  it('runs built-ins and calls the host router in-process as the execution user, privileges enforced', async () => {
    if (!t) throw new Error('platform not started');
    const yamlText = `
name: platform
steps:
  - name: vars
    type: data.set
    with: { n: 21 }
  - name: me
    type: fixture.callApi
    with: { path: /internal/security/me }
  - name: secret
    type: fixture.callApi
    with: { method: POST, path: /api/engine_fixture/secret, body: { n: "\${{ variables.n }}" } }
  - name: log
    type: console
    with: { message: "{{ steps.me.output.username }} got {{ steps.secret.output.doubled }}" }
`;
    const engine = engineOf(t);
    const asElastic = await runAs(t, yamlText, user('elastic', ['superuser']));
    expect(await engine.waitForCompletion(asElastic, 20_000)).toBe('completed');
    const detail = await engine.getExecution('default', asElastic);
    expect(detail?.executedBy).toBe('elastic');
    expect(detail?.stepExecutions.find((s) => s.stepId === 'secret')?.output).toEqual({ doubled: 42, xsrf: 'true' });
    expect(detail?.stepExecutions.find((s) => s.stepId === 'log')?.output).toBe('elastic got 42');

    const asViewer = await runAs(t, yamlText, user('viewer1', ['viewer']));
    expect(await engine.waitForCompletion(asViewer, 20_000)).toBe('failed');
    const failed = await engine.getExecution('default', asViewer);
    expect(failed?.stepExecutions.find((s) => s.stepId === 'me')?.output).toMatchObject({ username: 'viewer1' });
    const secret = failed?.stepExecutions.find((s) => s.stepId === 'secret');
    expect(secret?.status).toBe('failed');
    expect(secret?.error?.type).toBe('KibanaApiError');
    expect(secret?.error?.details).toMatchObject({ statusCode: 403 });

    const stored = await t.es.get<{ status: string; executedBy: string }>({ index: '.workflows-executions', id: asViewer });
    expect(stored._source).toMatchObject({ status: 'failed', executedBy: 'viewer1' });
    const registry = t.platform.pluginsStart.get('workflowsExtensions') as { hasStepDefinition(id: string): boolean };
    expect(registry.hasStepDefinition('data.set')).toBe(true);
  }, 60_000);

  it('a platform restart fails executions that were running or waiting, with ExecutionInterruptedError', async () => {
    if (!t) throw new Error('platform not started');
    const id = await runAs(
      t,
      `
name: long
steps:
  - { name: hold, type: wait, with: { duration: 1m } }
`,
      user('elastic', ['superuser']),
    );
    const engine = engineOf(t);
    const deadline = Date.now() + 10_000;
    while ((await engine.getExecution('default', id))?.status !== 'waiting') {
      if (Date.now() > deadline) throw new Error('the run never reached waiting');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Let the write-behind flush the open step record before the process "dies".
    await new Promise((resolve) => setTimeout(resolve, 1300));
    await t.stop();
    t = await start();
    const after = await engineOf(t).getExecution('default', id);
    expect(after?.status).toBe('failed');
    expect(after?.error).toEqual({
      type: 'ExecutionInterruptedError',
      message: 'Execution was interrupted because the host stopped while it was waiting. Run the workflow again.',
    });
    expect(after?.stepExecutions.map((s) => [s.stepId, s.status, s.error?.type])).toEqual([['hold', 'failed', 'ExecutionInterruptedError']]);
  }, 60_000);
});
