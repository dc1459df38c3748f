import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { startTestPlatform, type TestPlatform } from '../../../../../test/helpers';
import type { WorkflowsExtensionsServerStart } from '../plugin';
import { STEP_DEFINITIONS_APPROVAL_ROUTE, type StepDefinitionsApprovalResponse } from '../../common';

/*
 * Boots the platform with workflowsExtensions plus a fixture plugin that registers two steps (one through a loader),
 * one loader that fails, and one host built-in, then reads the approval route.
 */

const FIXTURE_SERVER = `
const { z } = require(ZOD_PATH);
const handlerA = async ({ input }) => ({ output: { echoed: input.text } });
const handlerB = async () => ({ output: 42 });
class FixturePlugin {
  setup(core, plugins) {
    const ext = plugins.workflowsExtensions;
    ext.registerStepDefinition({ id: 'fixture.zeta', inputSchema: z.object({ text: z.string() }), outputSchema: z.object({ echoed: z.string() }), handler: handlerA });
    ext.registerStepDefinition(async () => ({ id: 'fixture.alpha', inputSchema: z.object({}), outputSchema: z.number(), handler: handlerB }));
    ext.registerStepDefinition(async () => { throw new Error('fixture loader broke'); });
    ext.registerStepDefinition(async () => undefined);
    ext.registerBuiltinStepDefinitions([{ id: 'console', inputSchema: z.object({ message: z.string() }), outputSchema: z.string(), handler: async () => ({ output: '' }) }]);
    return {};
  }
  start(core, plugins) {
    globalThis.__workflowsExtensionsFixtureStart = plugins.workflowsExtensions;
    return {};
  }
}
module.exports = { plugin: () => new FixturePlugin() };
`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let t: TestPlatform;

function fixtureStart(): WorkflowsExtensionsServerStart {
  const start = (globalThis as { __workflowsExtensionsFixtureStart?: WorkflowsExtensionsServerStart }).__workflowsExtensionsFixtureStart;
  if (!start) throw new Error('the fixture plugin did not start');
  return start;
}
let fixtureDir: string;

beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-ext-fixture-'));
  fs.mkdirSync(path.join(fixtureDir, 'server'));
  fs.writeFileSync(
    path.join(fixtureDir, 'kibana.jsonc'),
    JSON.stringify({
      type: 'plugin',
      id: '@kbn/wf-ext-fixture',
      owner: 'tests',
      plugin: { id: 'wfExtFixture', server: true, browser: false, requiredPlugins: ['workflowsExtensions'], optionalPlugins: [] },
    }),
  );
  fs.writeFileSync(path.join(fixtureDir, 'server', 'index.js'), FIXTURE_SERVER.replace('ZOD_PATH', JSON.stringify(require.resolve('zod/v4'))));
  t = await startTestPlatform({ plugins: ['workflowsExtensions'], pluginDirs: [fixtureDir] });
}, 60_000);

afterAll(async () => {
  await t?.stop();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

describe('workflowsExtensions on the platform', () => {
  it('serves the approval route sorted by id with the handler hashes, without the host built-ins', async () => {
    const res = await t.get<StepDefinitionsApprovalResponse>(STEP_DEFINITIONS_APPROVAL_ROUTE);
    expect(res.status).toBe(200);
    // jest transforms the fixture file, so the expected hashes come from the registered handlers' own source.
    const start = fixtureStart();
    const hashOf = (id: string) => sha256(String(start.getStepDefinition(id)?.handler));
    expect(res.body).toEqual({
      steps: [
        { id: 'fixture.alpha', handlerHash: hashOf('fixture.alpha') },
        { id: 'fixture.zeta', handlerHash: hashOf('fixture.zeta') },
      ],
    });
    expect(String(start.getStepDefinition('fixture.zeta')?.handler)).toContain('echoed');
    expect(res.body.steps[0].handlerHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.steps[0].handlerHash).not.toBe(res.body.steps[1].handlerHash);
  });

  it('requires authentication', async () => {
    const res = await t.get(STEP_DEFINITIONS_APPROVAL_ROUTE, { auth: false });
    expect(res.status).toBe(401);
  });

  it('logs a failing loader and exposes every definition on the start contract', async () => {
    const start = fixtureStart();
    await start.isReady();
    expect(start.getAllStepDefinitions().map((d) => d.id)).toEqual(['console', 'fixture.alpha', 'fixture.zeta']);
    expect(start.hasStepDefinition('fixture.zeta')).toBe(true);
    expect(start.isBuiltinStepDefinition('console')).toBe(true);
    expect(start.version()).toBe(3);
    const failure = t.logs.find((record) => record.message === 'Failed to register step definition');
    expect(failure).toBeDefined();
    expect(JSON.stringify(failure)).toContain('fixture loader broke');
  });
});
