import fs from 'node:fs';
import path from 'node:path';

/** Plugin id of the fixture; its step type is `<id>.throw`. */
export const THROWING_STEP_PLUGIN_ID = 'faultsFixture';

/* A plain-JS server plugin (loaded by the platform from a folder, as a third-party plugin would be) that registers,
 * through workflowsExtensions, a step whose handler throws — after an await, as a real I/O failure would. */
const SERVER_SOURCE = `
const { z } = require(ZOD_PATH);
class FixtureExplosion extends Error {
  constructor(message) {
    super(message);
    this.name = 'FixtureExplosion';
  }
}
class FaultsFixturePlugin {
  setup(core, plugins) {
    plugins.workflowsExtensions.registerStepDefinition({
      id: '${THROWING_STEP_PLUGIN_ID}.throw',
      inputSchema: z.object({ message: z.string() }),
      outputSchema: z.unknown(),
      handler: async ({ input }) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        throw new FixtureExplosion(input.message);
      },
    });
    return {};
  }
  start() {
    return {};
  }
}
module.exports = { plugin: () => new FaultsFixturePlugin() };
`;

/** Writes the fixture plugin (kibana.jsonc + server/index.js) into `dir`, for `startTestPlatform({ pluginDirs: [dir] })`. */
export function writeThrowingStepPlugin(dir: string): void {
  fs.mkdirSync(path.join(dir, 'server'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'kibana.jsonc'),
    JSON.stringify({
      type: 'plugin',
      id: '@kbn/faults-fixture',
      owner: 'tests',
      plugin: { id: THROWING_STEP_PLUGIN_ID, server: true, browser: false, requiredPlugins: ['workflowsExtensions'], optionalPlugins: [] },
    }),
  );
  fs.writeFileSync(path.join(dir, 'server', 'index.js'), SERVER_SOURCE.replace('ZOD_PATH', JSON.stringify(require.resolve('zod/v4'))));
}
