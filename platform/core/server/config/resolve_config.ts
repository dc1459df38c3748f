import type { z } from 'zod/v4';
import { coreConfigSchema } from './core_schema';
import type { CoreConfig } from './core_schema';
import { getPath, isPlainObject } from './raw_config';
import type { ConfigTree } from './raw_config';
import type { RawConfig } from './load_config';
import { ConfigValidationError, validateSubtree } from './validate';

export interface PluginConfigDescriptor {
  pluginId: string;
  path: readonly string[];
  /** Absent when the plugin declares no config: then nothing may be set under its path. */
  schema?: z.ZodType;
}

export interface ResolvedConfig {
  core: CoreConfig;
  plugins: ReadonlyMap<string, unknown>;
}

/** Removes a subtree (and the parents it leaves empty) from a copy of the tree. */
function withoutPath(tree: ConfigTree, path: readonly string[]): ConfigTree {
  const copy = structuredClone(tree);
  const parents: Array<Record<string, unknown>> = [];
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(node)) return copy;
    parents.push(node);
    node = node[key];
  }
  if (!isPlainObject(node)) return copy;
  delete node[path[path.length - 1]];
  for (let i = path.length - 2; i >= 0; i--) {
    const parent = parents[i];
    const child = parent[path[i]];
    if (isPlainObject(child) && Object.keys(child).length === 0) delete parent[path[i]];
  }
  return copy;
}

/**
 * Validates the core settings and every plugin's settings under its configPath; collects every
 * problem (unknown keys, invalid values) before failing so one run shows them all.
 */
export function resolveConfig(raw: RawConfig, plugins: readonly PluginConfigDescriptor[]): ResolvedConfig {
  const problems: string[] = [];
  const pluginConfigs = new Map<string, unknown>();
  let coreTree = raw.tree;
  for (const plugin of plugins) {
    const subtree = getPath(raw.tree, plugin.path);
    coreTree = withoutPath(coreTree, plugin.path);
    if (!plugin.schema) {
      if (subtree !== undefined) problems.push(`[${plugin.path.join('.')}]: plugin ${plugin.pluginId} has no settings`);
      continue;
    }
    const result = validateSubtree(plugin.schema, subtree, plugin.path, raw.cliRaw);
    if (result.ok) pluginConfigs.set(plugin.pluginId, result.value);
    else problems.push(...result.problems);
  }
  const core = validateSubtree(coreConfigSchema, coreTree, [], raw.cliRaw);
  if (!core.ok) problems.unshift(...core.problems);
  if (problems.length > 0 || !core.ok) throw new ConfigValidationError(problems);
  return { core: core.value, plugins: pluginConfigs };
}
