/**
 * bundle-manifest.json (written by scripts/build_browser.ts) → browser plugin descriptors. Only plugins
 * the server lists in the injected metadata (enabled ones) are loaded, each with its server-given config.
 */
import { z } from 'zod/v4';
import type { BrowserPluginDescriptor, InjectedMetadata, PluginModule } from '../core/public';

export const bundleManifestSchema = z.object({
  entry: z.string(),
  plugins: z.array(
    z.object({
      id: z.string(),
      entry: z.string(),
      requiredPlugins: z.array(z.string()).default([]),
      optionalPlugins: z.array(z.string()).default([]),
    }),
  ),
  css: z.array(z.string()).optional(),
  builtAt: z.string().optional(),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

export function parseBundleManifest(raw: unknown): BundleManifest {
  const parsed = bundleManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid bundle-manifest.json at [${issue?.path.join('.')}]: ${issue?.message}`);
  }
  return parsed.data;
}

export function pluginDescriptors(
  manifest: BundleManifest,
  metadata: InjectedMetadata,
  bundlesBaseUrl: string,
  importer: (url: string) => Promise<PluginModule>,
): BrowserPluginDescriptor[] {
  const enabled = new Map(metadata.plugins.map((p) => [p.id, p]));
  return manifest.plugins
    .filter((p) => enabled.has(p.id))
    .map((p) => ({
      id: p.id,
      requiredPlugins: p.requiredPlugins,
      optionalPlugins: p.optionalPlugins,
      config: enabled.get(p.id)?.config,
      load: () => importer(new URL(p.entry, bundlesBaseUrl).toString()),
    }));
}
