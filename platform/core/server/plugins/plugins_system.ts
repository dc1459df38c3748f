import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging';
import type { PluginManifest } from './manifest';
import type { Plugin, PluginConfigDescriptor, PluginInitializerContext } from './types';

export class PluginLifecycleError extends Error {
  override readonly name = 'PluginLifecycleError';
  constructor(readonly pluginId: string, readonly phase: string, cause: unknown) {
    super(`Plugin "${pluginId}" failed during ${phase}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export interface LoadedPlugin {
  manifest: PluginManifest;
  /** Undefined for browser-only plugins. */
  initializer?: (context: PluginInitializerContext) => unknown;
  configDescriptor?: PluginConfigDescriptor;
}

type AnyPlugin = Plugin<unknown, unknown, Record<string, unknown>, Record<string, unknown>, unknown, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function serverEntry(dir: string): string | undefined {
  for (const name of ['index.ts', 'index.js']) {
    const file = path.join(dir, 'server', name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** Imports each server plugin's `server/index.ts` and checks it exports `plugin` (and a valid `config`). */
export async function loadPluginModules(manifests: readonly PluginManifest[]): Promise<LoadedPlugin[]> {
  const loaded: LoadedPlugin[] = [];
  for (const manifest of manifests) {
    if (!manifest.server) {
      loaded.push({ manifest });
      continue;
    }
    const entry = serverEntry(manifest.dir);
    if (!entry) throw new PluginLifecycleError(manifest.id, 'loading', new Error(`${manifest.dir}/server/index.ts not found`));
    let mod: unknown;
    try {
      mod = await import(entry);
    } catch (error) {
      throw new PluginLifecycleError(manifest.id, 'loading', error);
    }
    if (!isObject(mod) || typeof mod.plugin !== 'function') {
      throw new PluginLifecycleError(manifest.id, 'loading', new Error(`${entry} must export a plugin(initializerContext) function`));
    }
    const config = mod.config;
    if (config !== undefined && (!isObject(config) || !isObject(config.schema) || typeof config.schema.safeParse !== 'function')) {
      throw new PluginLifecycleError(manifest.id, 'loading', new Error(`${entry} exports config without a zod schema`));
    }
    loaded.push({
      manifest,
      initializer: mod.plugin as LoadedPlugin['initializer'],
      configDescriptor: config as PluginConfigDescriptor | undefined,
    });
  }
  return loaded;
}

function checkPluginShape(id: string, value: unknown): AnyPlugin {
  if (!isObject(value) || typeof value.setup !== 'function' || typeof value.start !== 'function') {
    throw new PluginLifecycleError(id, 'initialization', new Error('plugin() must return an object with setup() and start()'));
  }
  return value as unknown as AnyPlugin;
}

/** Runs setup → start → stop over plugins in dependency order, handing each its dependencies' contracts. */
export class PluginsSystem<TCoreSetup, TCoreStart> {
  private readonly instances = new Map<string, AnyPlugin>();
  readonly setupContracts = new Map<string, unknown>();
  readonly startContracts = new Map<string, unknown>();
  private readonly started: string[] = [];

  constructor(private readonly plugins: readonly LoadedPlugin[], private readonly logger: Logger) {}

  get serverPlugins(): LoadedPlugin[] {
    return this.plugins.filter((p) => p.initializer);
  }

  async initialize(contextFor: (plugin: LoadedPlugin) => PluginInitializerContext): Promise<void> {
    for (const plugin of this.serverPlugins) {
      const id = plugin.manifest.id;
      let instance: unknown;
      try {
        instance = await plugin.initializer?.(contextFor(plugin));
      } catch (error) {
        throw new PluginLifecycleError(id, 'initialization', error);
      }
      this.instances.set(id, checkPluginShape(id, instance));
    }
  }

  private dependencyContracts(manifest: PluginManifest, contracts: ReadonlyMap<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const dep of [...manifest.requiredPlugins, ...manifest.optionalPlugins]) {
      if (contracts.has(dep)) out[dep] = contracts.get(dep);
    }
    return out;
  }

  async setup(coreSetupFor: (plugin: LoadedPlugin) => TCoreSetup): Promise<void> {
    for (const plugin of this.serverPlugins) {
      const { id } = plugin.manifest;
      const instance = this.instances.get(id);
      if (!instance) continue;
      this.logger.debug(`Setting up plugin ${id}`);
      try {
        this.setupContracts.set(id, await instance.setup(coreSetupFor(plugin), this.dependencyContracts(plugin.manifest, this.setupContracts)));
      } catch (error) {
        throw new PluginLifecycleError(id, 'setup', error);
      }
    }
  }

  async start(coreStartFor: (plugin: LoadedPlugin) => TCoreStart): Promise<void> {
    for (const plugin of this.serverPlugins) {
      const { id } = plugin.manifest;
      const instance = this.instances.get(id);
      if (!instance) continue;
      this.logger.debug(`Starting plugin ${id}`);
      try {
        this.startContracts.set(id, await instance.start(coreStartFor(plugin), this.dependencyContracts(plugin.manifest, this.startContracts)));
      } catch (error) {
        throw new PluginLifecycleError(id, 'start', error);
      }
      this.started.push(id);
    }
  }

  /** Stops in reverse order; every plugin gets its stop() even if another one fails. */
  async stop(): Promise<void> {
    const ids = [...this.instances.keys()].reverse();
    for (const id of ids) {
      const instance = this.instances.get(id);
      if (!instance?.stop) continue;
      try {
        await instance.stop();
      } catch (error) {
        this.logger.error(`Plugin ${id} failed to stop: ${(error as Error).message}`, { error });
      }
    }
    this.instances.clear();
  }

  startContractsFor(manifest: PluginManifest): Record<string, unknown> {
    return this.dependencyContracts(manifest, this.startContracts);
  }
}
