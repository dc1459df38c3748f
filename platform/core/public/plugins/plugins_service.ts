/**
 * Browser plugin lifecycle: order the enabled plugins by their dependencies, load each bundle, then run
 * every `setup` and afterwards every `start`, passing each plugin the contracts of the plugins it depends on.
 */
import type { CoreSetup, CoreStart, Plugin, PluginInitializerContext, PluginModule } from '../types';

export interface BrowserPluginDescriptor {
  id: string;
  requiredPlugins: string[];
  optionalPlugins: string[];
  config?: Record<string, unknown>;
  /** Loads the plugin's `public/index.ts` bundle. */
  load(): Promise<PluginModule>;
}

export class PluginLoadError extends Error {
  override readonly name = 'PluginLoadError';
  constructor(
    readonly pluginId: string,
    readonly phase: 'order' | 'load' | 'setup' | 'start',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Dependency order; a missing required plugin or a cycle is an error naming the plugins involved. */
export function orderPlugins(plugins: BrowserPluginDescriptor[]): BrowserPluginDescriptor[] {
  const byId = new Map(plugins.map((p) => [p.id, p]));
  for (const p of plugins) {
    for (const dep of p.requiredPlugins) {
      if (!byId.has(dep)) throw new PluginLoadError(p.id, 'order', `Plugin "${p.id}" requires plugin "${dep}", which is not enabled or has no browser bundle`);
    }
  }
  const ordered: BrowserPluginDescriptor[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: BrowserPluginDescriptor, stack: string[]) => {
    const s = state.get(p.id);
    if (s === 'done') return;
    if (s === 'visiting') throw new PluginLoadError(p.id, 'order', `Plugin dependency cycle: ${[...stack, p.id].join(' -> ')}`);
    state.set(p.id, 'visiting');
    for (const dep of [...p.requiredPlugins, ...p.optionalPlugins]) {
      const d = byId.get(dep);
      if (d) visit(d, [...stack, p.id]);
    }
    state.set(p.id, 'done');
    ordered.push(p);
  };
  for (const p of plugins) visit(p, []);
  return ordered;
}

export interface PluginsRun {
  setupContracts: Map<string, unknown>;
  startContracts: Map<string, unknown>;
  stop(): void;
}

function dependencyContracts(p: BrowserPluginDescriptor, contracts: Map<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const dep of [...p.requiredPlugins, ...p.optionalPlugins]) if (contracts.has(dep)) out[dep] = contracts.get(dep);
  return out;
}

export async function runPlugins(options: {
  plugins: BrowserPluginDescriptor[];
  version: string;
  /** Core setup for one plugin (its getStartServices resolves with its own start contract). */
  coreSetup(pluginId: string, ownStart: Promise<unknown>, pluginsStart: Promise<Record<string, unknown>>): CoreSetup<object, unknown>;
  /** Called between setup and start (core services that need every app registered start here). */
  coreStart(): CoreStart;
}): Promise<PluginsRun> {
  const ordered = orderPlugins(options.plugins);
  const modules = await Promise.all(
    ordered.map(async (p) => {
      try {
        const mod = await p.load();
        if (typeof mod.plugin !== 'function') throw new Error('its public/index.ts does not export a plugin() initializer');
        return mod;
      } catch (error) {
        throw new PluginLoadError(p.id, 'load', `Failed to load plugin "${p.id}": ${(error as Error).message}`, { cause: error });
      }
    }),
  );

  const instances = new Map<string, Plugin<unknown, unknown, Record<string, unknown>, Record<string, unknown>>>();
  const setupContracts = new Map<string, unknown>();
  const startContracts = new Map<string, unknown>();
  const startResolvers = new Map<string, { own: (v: unknown) => void; deps: (v: Record<string, unknown>) => void }>();

  for (const [i, p] of ordered.entries()) {
    const mod = modules[i];
    if (!mod) continue;
    const context: PluginInitializerContext = {
      opaqueId: p.id,
      config: { get: <T,>() => (p.config ?? {}) as T },
      env: { packageInfo: { version: options.version } },
    };
    let resolveOwn: (v: unknown) => void = () => undefined;
    let resolveDeps: (v: Record<string, unknown>) => void = () => undefined;
    const own = new Promise<unknown>((r) => (resolveOwn = r));
    const deps = new Promise<Record<string, unknown>>((r) => (resolveDeps = r));
    startResolvers.set(p.id, { own: resolveOwn, deps: resolveDeps });
    try {
      const instance = mod.plugin(context);
      instances.set(p.id, instance);
      setupContracts.set(p.id, await instance.setup(options.coreSetup(p.id, own, deps) as never, dependencyContracts(p, setupContracts)));
    } catch (error) {
      throw new PluginLoadError(p.id, 'setup', `Plugin "${p.id}" failed during setup: ${(error as Error).message}`, { cause: error });
    }
  }

  const coreStart = options.coreStart();
  for (const p of ordered) {
    const instance = instances.get(p.id);
    if (!instance) continue;
    const depsStart = dependencyContracts(p, startContracts);
    startResolvers.get(p.id)?.deps(depsStart);
    try {
      const contract = await instance.start(coreStart, depsStart);
      startContracts.set(p.id, contract);
      startResolvers.get(p.id)?.own(contract);
    } catch (error) {
      throw new PluginLoadError(p.id, 'start', `Plugin "${p.id}" failed during start: ${(error as Error).message}`, { cause: error });
    }
  }

  return {
    setupContracts,
    startContracts,
    stop() {
      for (const p of [...ordered].reverse()) instances.get(p.id)?.stop?.();
    },
  };
}
