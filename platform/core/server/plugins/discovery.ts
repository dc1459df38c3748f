import fs from 'node:fs';
import path from 'node:path';
import { InvalidManifestError, parseManifest } from './manifest';
import type { PluginManifest } from './manifest';

export const MANIFEST_FILE = 'kibana.jsonc';

/** Folders that may hold a plugin: the repository root, every `platform/plugins/*`, then any extra ones. */
export function pluginCandidateDirs(repoRoot: string, extraDirs: readonly string[] = []): string[] {
  const pluginsRoot = path.join(repoRoot, 'platform', 'plugins');
  const platformPlugins = fs.existsSync(pluginsRoot)
    ? fs
        .readdirSync(pluginsRoot, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => path.join(pluginsRoot, e.name))
        .sort()
    : [];
  return [repoRoot, ...platformPlugins, ...extraDirs.map((d) => path.resolve(d))];
}

export function discoverPlugins(options: { repoRoot: string; extraDirs?: readonly string[] }): PluginManifest[] {
  const manifests: PluginManifest[] = [];
  const seen = new Map<string, string>();
  for (const dir of pluginCandidateDirs(options.repoRoot, options.extraDirs)) {
    const file = path.join(dir, MANIFEST_FILE);
    if (!fs.existsSync(file)) continue;
    const manifest = parseManifest(fs.readFileSync(file, 'utf8'), file, dir);
    const previous = seen.get(manifest.id);
    if (previous) throw new InvalidManifestError(`Plugin id ${manifest.id} is declared twice: ${previous} and ${file}`);
    seen.set(manifest.id, file);
    manifests.push(manifest);
  }
  return manifests;
}
