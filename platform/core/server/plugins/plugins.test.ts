import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLoggerFactory, createMemorySink } from '../logging';
import {
  discoverPlugins,
  InvalidManifestError,
  loadPluginModules,
  orderPlugins,
  parseJsonc,
  parseManifest,
  PluginDependencyError,
  PluginsSystem,
  withRequiredDependencies,
} from '.';
import type { PluginManifest } from '.';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'core-plugins-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const manifest = (id: string, required: string[] = [], optional: string[] = []): PluginManifest => ({
  id,
  packageId: `@test/${id}`,
  server: true,
  browser: false,
  requiredPlugins: required,
  optionalPlugins: optional,
  requiredBundles: [],
  configPath: [id],
  dir: `/nowhere/${id}`,
});

const jsonc = (id: string, extra: Record<string, unknown> = {}) =>
  `// ${id}\n${JSON.stringify({ type: 'plugin', id: `@test/${id}`, owner: 'test', plugin: { id, server: true, browser: false, ...extra } })}`;

function writePlugin(root: string, dir: string, id: string, serverJs?: string, extra: Record<string, unknown> = {}) {
  const full = path.join(root, dir);
  fs.mkdirSync(path.join(full, 'server'), { recursive: true });
  fs.writeFileSync(path.join(full, 'kibana.jsonc'), jsonc(id, extra));
  if (serverJs !== undefined) fs.writeFileSync(path.join(full, 'server', 'index.js'), serverJs);
  return full;
}

describe('jsonc', () => {
  it('accepts comments and trailing commas, but not inside strings', () => {
    expect(parseJsonc('{\n // c\n "a": "x // y", /* b */ "b": [1, 2,],\n}')).toEqual({ a: 'x // y', b: [1, 2] });
    expect(parseJsonc('{"a": "q\\"/*"}')).toEqual({ a: 'q"/*' });
    expect(() => parseJsonc('{"a": }')).toThrow(SyntaxError);
  });
});

describe('manifest', () => {
  it('parses and defaults the configPath to the snake_cased id', () => {
    const m = parseManifest(jsonc('securityAiAssistant', { requiredPlugins: ['a'] }), 'k.jsonc', '/p');
    expect(m).toMatchObject({ id: 'securityAiAssistant', requiredPlugins: ['a'], optionalPlugins: [], configPath: ['security_ai_assistant'] });
    expect(parseManifest(jsonc('x', { configPath: 'xpack.x' }), 'k', '/p').configPath).toEqual(['xpack', 'x']);
  });

  it('rejects invalid manifests with the file and the field', () => {
    expect(() => parseManifest('{"type":"plugin","id":"x","plugin":{"id":"Bad-Id"}}', 'bad.jsonc', '/p')).toThrow(
      /Invalid plugin manifest bad\.jsonc: \[plugin\.id\]: must be camelCase/
    );
    expect(() => parseManifest('{"type":"package"}', 'bad.jsonc', '/p')).toThrow(InvalidManifestError);
    expect(() => parseManifest('{ nope', 'bad.jsonc', '/p')).toThrow(/Invalid plugin manifest bad\.jsonc/);
    expect(() => parseManifest(jsonc('x', { requiredPlugins: ['x'] }), 'self.jsonc', '/p')).toThrow(/depends on itself/);
    expect(() => parseManifest(jsonc('x', { configPath: ['server'] }), 'c.jsonc', '/p')).toThrow(/must not be under a core setting/);
  });
});

describe('ordering', () => {
  it('puts dependencies (required and present optional ones) first, keeping discovery order otherwise', () => {
    const ordered = orderPlugins([
      manifest('app', ['data'], ['actions', 'absent']),
      manifest('actions', ['data']),
      manifest('data'),
      manifest('other'),
    ]);
    expect(ordered.map((m) => m.id)).toEqual(['data', 'actions', 'app', 'other']);
  });

  it('fails on a missing required plugin', () => {
    expect(() => orderPlugins([manifest('app', ['workflows'])])).toThrow(
      new PluginDependencyError('Plugin "app" requires plugin "workflows", which is not installed')
    );
  });

  it('fails on a cycle and shows it', () => {
    expect(() => orderPlugins([manifest('a', ['b']), manifest('b', [], ['c']), manifest('c', ['a'])])).toThrow(
      'Plugin dependency cycle: a -> b -> c -> a'
    );
  });

  it('selects a subset with its required plugins', () => {
    const all = [manifest('a', ['b']), manifest('b'), manifest('c'), manifest('d', [], ['c'])];
    expect(withRequiredDependencies(all, ['a', 'd']).map((m) => m.id)).toEqual(['a', 'b', 'd']);
    expect(() => withRequiredDependencies(all, ['zzz'])).toThrow('Plugin "zzz" was requested but is not installed');
  });
});

describe('discovery and lifecycle', () => {
  it('finds the root manifest and platform/plugins/*, and rejects duplicate ids', () => {
    const root = path.join(tmp, 'repo');
    writePlugin(root, '.', 'rootPlugin');
    writePlugin(root, 'platform/plugins/b_plugin', 'bPlugin');
    writePlugin(root, 'platform/plugins/a_plugin', 'aPlugin');
    fs.mkdirSync(path.join(root, 'platform/plugins/no_manifest'), { recursive: true });
    expect(discoverPlugins({ repoRoot: root }).map((m) => m.id)).toEqual(['rootPlugin', 'aPlugin', 'bPlugin']);
    const dup = writePlugin(tmp, 'dup', 'aPlugin');
    expect(() => discoverPlugins({ repoRoot: root, extraDirs: [dup] })).toThrow(/Plugin id aPlugin is declared twice/);
  });

  it('runs setup, start and stop in order with dependency contracts, tolerating absent optional plugins', async () => {
    const events: string[] = [];
    (globalThis as Record<string, unknown>).__coreTestEvents = events;
    const body = (id: string) => `
      const events = globalThis.__coreTestEvents;
      exports.plugin = (ctx) => ({
        setup(core, deps) { events.push('setup ${id} ' + Object.keys(deps).join('+') + ' ' + JSON.stringify(deps)); return { from: '${id}' }; },
        start(core, deps) { events.push('start ${id} ' + Object.keys(deps).join('+')); return {}; },
        stop() { events.push('stop ${id}'); },
      });`;
    const root = path.join(tmp, 'lifecycle');
    const a = writePlugin(root, 'a', 'alpha', body('alpha'));
    const b = writePlugin(root, 'b', 'beta', body('beta'), { requiredPlugins: ['alpha'], optionalPlugins: ['gamma'] });
    const manifests = orderPlugins([parseManifest(fs.readFileSync(path.join(b, 'kibana.jsonc'), 'utf8'), 'b', b), parseManifest(fs.readFileSync(path.join(a, 'kibana.jsonc'), 'utf8'), 'a', a)]);
    const loaded = await loadPluginModules(manifests);
    const memory = createMemorySink();
    const system = new PluginsSystem<object, object>(loaded, createLoggerFactory({ levels: {}, sink: memory.sink }).get('ps'));
    await system.initialize(() => ({}) as never);
    await system.setup(() => ({}));
    await system.start(() => ({}));
    await system.stop();
    expect(events).toEqual([
      'setup alpha  {}',
      'setup beta alpha {"alpha":{"from":"alpha"}}',
      'start alpha ',
      'start beta alpha',
      'stop beta',
      'stop alpha',
    ]);
  });

  it('names the plugin and the phase when a plugin throws or is malformed', async () => {
    const root = path.join(tmp, 'broken');
    const throwing = writePlugin(root, 't', 'thrower', `exports.plugin = () => ({ setup() { throw new Error('no database'); }, start() {} });`);
    const loaded = await loadPluginModules([parseManifest(fs.readFileSync(path.join(throwing, 'kibana.jsonc'), 'utf8'), 't', throwing)]);
    const system = new PluginsSystem<object, object>(loaded, createLoggerFactory({ levels: {}, sink: () => undefined }).get('ps'));
    await system.initialize(() => ({}) as never);
    await expect(system.setup(() => ({}))).rejects.toThrow('Plugin "thrower" failed during setup: no database');

    const noExport = writePlugin(root, 'n', 'noExport', 'exports.nothing = 1;');
    await expect(loadPluginModules([parseManifest(fs.readFileSync(path.join(noExport, 'kibana.jsonc'), 'utf8'), 'n', noExport)])).rejects.toThrow(
      /Plugin "noExport" failed during loading: .*must export a plugin\(initializerContext\) function/
    );
    const noServer = writePlugin(root, 's', 'noServer');
    await expect(loadPluginModules([parseManifest(fs.readFileSync(path.join(noServer, 'kibana.jsonc'), 'utf8'), 's', noServer)])).rejects.toThrow(
      /server\/index\.ts not found/
    );
    const badShape = writePlugin(root, 'x', 'badShape', 'exports.plugin = () => ({ setup() {} });');
    const loadedBad = await loadPluginModules([parseManifest(fs.readFileSync(path.join(badShape, 'kibana.jsonc'), 'utf8'), 'x', badShape)]);
    const badSystem = new PluginsSystem<object, object>(loadedBad, createLoggerFactory({ levels: {}, sink: () => undefined }).get('ps'));
    await expect(badSystem.initialize(() => ({}) as never)).rejects.toThrow('must return an object with setup() and start()');
  });
});
