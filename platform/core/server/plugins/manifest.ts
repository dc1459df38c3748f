import { z } from 'zod/v4';
import { parseJsonc } from './jsonc';

/** Root keys of core settings; a plugin's configPath may not claim them. */
export const CORE_CONFIG_ROOTS = ['server', 'path', 'elasticsearch', 'feature_flags', 'security', 'spaces', 'sampleData', 'logging'];

const pluginId = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be camelCase (letters and digits, starting lowercase)');

export const manifestSchema = z.object({
  type: z.literal('plugin'),
  id: z.string().min(1),
  owner: z.union([z.string(), z.array(z.string())]).optional(),
  description: z.string().optional(),
  plugin: z.object({
    id: pluginId,
    server: z.boolean().default(false),
    browser: z.boolean().default(false),
    requiredPlugins: z.array(pluginId).default([]),
    optionalPlugins: z.array(pluginId).default([]),
    requiredBundles: z.array(pluginId).default([]),
    configPath: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .transform((p) => (Array.isArray(p) ? p : p.split('.')))
      .refine((p) => !CORE_CONFIG_ROOTS.includes(p[0]), { message: 'must not be under a core setting' })
      .optional(),
  }),
});

export type KibanaJsonc = z.output<typeof manifestSchema>;

export interface PluginManifest {
  id: string;
  packageId: string;
  server: boolean;
  browser: boolean;
  requiredPlugins: string[];
  optionalPlugins: string[];
  requiredBundles: string[];
  /** Where the plugin's settings live in kibana.yml; Kibana's default is the snake_cased id. */
  configPath: string[];
  /** Plugin folder (the one holding kibana.jsonc). */
  dir: string;
}

export class InvalidManifestError extends Error {
  override readonly name = 'InvalidManifestError';
}

export const toSnakeCase = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function parseManifest(text: string, file: string, dir: string): PluginManifest {
  let json: unknown;
  try {
    json = parseJsonc(text);
  } catch (error) {
    throw new InvalidManifestError(`Invalid plugin manifest ${file}: ${(error as Error).message}`);
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `[${i.path.join('.') || '<root>'}]: ${i.message}`).join('; ');
    throw new InvalidManifestError(`Invalid plugin manifest ${file}: ${detail}`);
  }
  const { plugin } = result.data;
  const self = [...plugin.requiredPlugins, ...plugin.optionalPlugins].find((p) => p === plugin.id);
  if (self) throw new InvalidManifestError(`Invalid plugin manifest ${file}: plugin ${plugin.id} depends on itself`);
  return {
    id: plugin.id,
    packageId: result.data.id,
    server: plugin.server,
    browser: plugin.browser,
    requiredPlugins: plugin.requiredPlugins,
    optionalPlugins: plugin.optionalPlugins,
    requiredBundles: plugin.requiredBundles,
    configPath: plugin.configPath ?? [toSnakeCase(plugin.id)],
    dir,
  };
}
