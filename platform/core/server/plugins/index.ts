export { parseJsonc } from './jsonc';
export { parseManifest, manifestSchema, InvalidManifestError, toSnakeCase, CORE_CONFIG_ROOTS } from './manifest';
export type { PluginManifest } from './manifest';
export { discoverPlugins, pluginCandidateDirs, MANIFEST_FILE } from './discovery';
export { orderPlugins, withRequiredDependencies, PluginDependencyError } from './topological_order';
export { loadPluginModules, PluginsSystem, PluginLifecycleError, serverEntry } from './plugins_system';
export type { LoadedPlugin } from './plugins_system';
export type { GlobalConfig, Plugin, PluginInitializer, PluginInitializerContext, PluginConfigDescriptor } from './types';
