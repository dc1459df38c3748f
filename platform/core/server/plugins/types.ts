import type { Observable } from 'rxjs';
import type { z } from 'zod/v4';
import type { Logger } from '../logging';
import type { PluginManifest } from './manifest';

export interface GlobalConfig {
  elasticsearch: { requestTimeout: number };
  path: { data: string };
  /** `sampleData.enabled`: whether plugins may seed sample data into empty spaces. */
  sampleData: { enabled: boolean };
}

export interface PluginInitializerContext<ConfigType = unknown> {
  opaqueId: symbol;
  manifest: PluginManifest;
  env: {
    repoRoot: string;
    /** Absolute `path.data`; plugins keep their files under `<dataPath>/<pluginId>`. */
    dataPath: string;
    packageInfo: { version: string };
    mode: { dev: boolean; prod: boolean };
  };
  config: {
    get<T = ConfigType>(): T;
    create<T = ConfigType>(): Observable<T>;
    /** Core settings plugins may read (Kibana's `config.legacy.globalConfig`). */
    legacy: { get(): GlobalConfig };
  };
  logger: { get(...childNames: string[]): Logger };
}

/** Kibana-shaped server plugin. `CoreSetup`/`CoreStart` come from platform/core/server. */
export interface Plugin<TSetup = unknown, TStart = unknown, TPluginsSetup = object, TPluginsStart = object, TCoreSetup = unknown, TCoreStart = unknown> {
  setup(core: TCoreSetup, plugins: TPluginsSetup): TSetup | Promise<TSetup>;
  start(core: TCoreStart, plugins: TPluginsStart): TStart | Promise<TStart>;
  stop?(): void | Promise<void>;
}

export type PluginInitializer<TSetup = unknown, TStart = unknown> = (
  context: PluginInitializerContext
) => Plugin<TSetup, TStart, never, never, never, never> | Promise<Plugin<TSetup, TStart, never, never, never, never>>;

/** `export const config = { schema, exposeToBrowser }` in a plugin's server/index.ts. */
export interface PluginConfigDescriptor<T = unknown> {
  schema: z.ZodType<T>;
  /** Top-level keys of the validated config given to the browser plugin. */
  exposeToBrowser?: { [K in keyof T]?: boolean };
}
