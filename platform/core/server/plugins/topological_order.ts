import type { PluginManifest } from './manifest';

export class PluginDependencyError extends Error {
  override readonly name = 'PluginDependencyError';
}

/**
 * Orders plugins so each comes after the plugins it depends on (required, and optional ones that are
 * present). Ties keep discovery order. Fails on a missing required plugin or a cycle, naming them.
 */
export function orderPlugins(manifests: readonly PluginManifest[]): PluginManifest[] {
  const byId = new Map(manifests.map((m) => [m.id, m]));
  for (const m of manifests) {
    const missing = m.requiredPlugins.filter((dep) => !byId.has(dep));
    if (missing.length > 0) {
      throw new PluginDependencyError(
        `Plugin "${m.id}" requires plugin${missing.length > 1 ? 's' : ''} ${missing.map((d) => `"${d}"`).join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed`
      );
    }
  }
  const deps = (m: PluginManifest) => [...m.requiredPlugins, ...m.optionalPlugins].filter((d) => byId.has(d));
  const ordered: PluginManifest[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: PluginManifest, trail: string[]) => {
    const s = state.get(m.id);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(m.id)), m.id];
      throw new PluginDependencyError(`Plugin dependency cycle: ${cycle.join(' -> ')}`);
    }
    state.set(m.id, 'visiting');
    for (const dep of deps(m)) {
      const target = byId.get(dep);
      if (target) visit(target, [...trail, m.id]);
    }
    state.set(m.id, 'done');
    ordered.push(m);
  };
  for (const m of manifests) visit(m, []);
  return ordered;
}

/** The given plugins plus everything they require, transitively (to boot a subset in tests). */
export function withRequiredDependencies(manifests: readonly PluginManifest[], ids: readonly string[]): PluginManifest[] {
  const byId = new Map(manifests.map((m) => [m.id, m]));
  const selected = new Set<string>();
  const add = (id: string, requested: boolean) => {
    if (selected.has(id)) return;
    const m = byId.get(id);
    // A missing dependency is left for orderPlugins() to report with the plugin that needs it.
    if (!m) {
      if (requested) throw new PluginDependencyError(`Plugin "${id}" was requested but is not installed`);
      return;
    }
    selected.add(id);
    m.requiredPlugins.forEach((dep) => add(dep, false));
  };
  ids.forEach((id) => add(id, true));
  return manifests.filter((m) => selected.has(m.id));
}
