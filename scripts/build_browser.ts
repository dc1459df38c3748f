/**
 * Browser bundles: esbuild code-split ESM into target/public. Entries are the chrome's bootstrap and every
 * browser plugin's `public/index.ts(x)`, discovered from the kibana.jsonc manifests (repo root and
 * platform/plugins/*). Shared code (React, EUI) lands in content-hashed chunks loaded once.
 * Writes bundle-manifest.json = { entry, plugins: [{ id, entry, requiredPlugins, optionalPlugins }], css }.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { discoverPlugins } from '../platform/core/server/plugins';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const BUNDLE_MANIFEST_FILE = 'bundle-manifest.json';
const BOOTSTRAP_SOURCE = 'platform/chrome/bootstrap.tsx';
/**
 * Web workers of the workflow editor (monaco + monaco-yaml), built as separate self-contained entries into
 * `workers/` (served as /bundles/workers/*.js); the editor's MonacoEnvironment.getWorker points at them.
 */
export const WORKER_ENTRIES: Record<string, string> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'yaml.worker': 'monaco-yaml/yaml.worker.js',
};
/** Resolved from this repository's node_modules, so a build of another root (tests) finds them too. */
const workerEntryPoints = (): Record<string, string> =>
  Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([name, specifier]) => [name, require.resolve(specifier)]));

export interface BuildBrowserOptions {
  /** Rebuild only when a browser source is newer than the manifest. */
  ifStale?: boolean;
  repoRoot?: string;
  outDir?: string;
  minify?: boolean;
}

export interface BuildBrowserResult {
  rebuilt: boolean;
  ms: number;
}

export interface BrowserEntry {
  id: string;
  source: string;
  requiredPlugins: string[];
  optionalPlugins: string[];
}

/** Every browser plugin with its public entry file; a browser plugin without one is an error. */
export function browserEntries(repoRoot: string): BrowserEntry[] {
  return discoverPlugins({ repoRoot })
    .filter((m) => m.browser)
    .map((m) => {
      const source = ['public/index.ts', 'public/index.tsx'].map((f) => path.join(m.dir, f)).find((f) => fs.existsSync(f));
      if (!source) throw new Error(`Plugin ${m.id} declares browser: true but has no public/index.ts in ${m.dir}`);
      return { id: m.id, source, requiredPlugins: m.requiredPlugins, optionalPlugins: m.optionalPlugins };
    });
}

const SKIP_DIRS = new Set(['node_modules', 'target', '.git']);

function newestMtime(dir: string, accept: (file: string) => boolean): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, accept));
    else if (accept(full)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Newest mtime of anything that ends up in the browser: our plugin's public/ and common/, every
 * platform public/ and common/ folder, the chrome, the manifests and this script.
 */
export function newestBrowserSourceMtime(repoRoot: string): number {
  const isSource = (f: string) => /\.(tsx?|jsx?|json|jsonc|css)$/.test(f) && !/\.test\.tsx?$/.test(f);
  let newest = Math.max(
    newestMtime(path.join(repoRoot, 'public'), isSource),
    newestMtime(path.join(repoRoot, 'common'), isSource),
    newestMtime(path.join(repoRoot, 'platform', 'chrome'), isSource),
    fs.existsSync(path.join(repoRoot, 'kibana.jsonc')) ? fs.statSync(path.join(repoRoot, 'kibana.jsonc')).mtimeMs : 0,
    fs.statSync(__filename).mtimeMs,
  );
  const walkPlatform = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || SKIP_DIRS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.name === 'public' || entry.name === 'common') newest = Math.max(newest, newestMtime(full, isSource));
      else walkPlatform(full);
    }
    const manifest = path.join(dir, 'kibana.jsonc');
    if (fs.existsSync(manifest)) newest = Math.max(newest, fs.statSync(manifest).mtimeMs);
  };
  walkPlatform(path.join(repoRoot, 'platform'));
  return newest;
}

export function isStale(repoRoot: string, outDir: string): boolean {
  const manifest = path.join(outDir, BUNDLE_MANIFEST_FILE);
  if (!fs.existsSync(manifest)) return true;
  return newestBrowserSourceMtime(repoRoot) > fs.statSync(manifest).mtimeMs;
}

export async function buildBrowserBundles(options: BuildBrowserOptions = {}): Promise<BuildBrowserResult> {
  const started = Date.now();
  const repoRoot = options.repoRoot ?? REPO_ROOT;
  const outDir = options.outDir ?? path.join(repoRoot, 'target', 'public');
  if (options.ifStale && !isStale(repoRoot, outDir)) return { rebuilt: false, ms: Date.now() - started };

  const plugins = browserEntries(repoRoot);
  const entryPoints: Record<string, string> = { bootstrap: path.join(repoRoot, BOOTSTRAP_SOURCE) };
  for (const p of plugins) entryPoints[`plugin-${p.id}`] = p.source;

  // Build next to the live directory and swap, so a running server never serves a half-written build.
  const tmpDir = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  fs.rmSync(tmpDir, { recursive: true, force: true });
  try {
    const result = await build({
      absWorkingDir: repoRoot,
      entryPoints,
      outdir: tmpDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: ['es2022'],
      jsx: 'automatic',
      minify: options.minify ?? true,
      sourcemap: false,
      metafile: true,
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      assetNames: 'assets/[name]-[hash]',
      loader: { '.svg': 'file', '.png': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.text).join('\n'));
    // Workers cannot share the page's ESM chunks (classic workers, no DOM), so each is one IIFE file.
    const workers = await build({
      absWorkingDir: repoRoot,
      entryPoints: workerEntryPoints(),
      outdir: path.join(tmpDir, 'workers'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['es2022'],
      minify: options.minify ?? true,
      sourcemap: false,
      entryNames: '[name]',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    if (workers.errors.length > 0) throw new Error(workers.errors.map((e) => e.text).join('\n'));
    const css = Object.keys(result.metafile.outputs)
      .filter((f) => f.endsWith('.css'))
      .map((f) => path.relative(tmpDir, path.resolve(repoRoot, f)).split(path.sep).join('/'));
    // As Kibana's uiPlugins(): a browser plugin requires only the plugins that have a browser part too
    // (a required server-only plugin, e.g. workflowsExecutionEngine, must not fail the browser).
    const browserIds = new Set(plugins.map((p) => p.id));
    const inBrowser = (ids: string[]) => ids.filter((id) => browserIds.has(id));
    const manifest = {
      entry: 'bootstrap.js',
      plugins: plugins.map((p) => ({ id: p.id, entry: `plugin-${p.id}.js`, requiredPlugins: inBrowser(p.requiredPlugins), optionalPlugins: p.optionalPlugins })),
      css,
      builtAt: new Date().toISOString(),
    };
    fs.writeFileSync(path.join(tmpDir, BUNDLE_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const oldDir = `${outDir}.old-${process.pid}-${Date.now()}`;
    fs.mkdirSync(path.dirname(outDir), { recursive: true });
    if (fs.existsSync(outDir)) fs.renameSync(outDir, oldDir);
    fs.renameSync(tmpDir, outDir);
    fs.rmSync(oldDir, { recursive: true, force: true });
  } catch (error) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw new Error(`Browser bundle build failed: ${(error as Error).message}`, { cause: error });
  }
  return { rebuilt: true, ms: Date.now() - started };
}

if (require.main === module) {
  buildBrowserBundles({ ifStale: process.argv.includes('--if-stale') })
    .then(({ rebuilt, ms }) => {
      process.stdout.write(rebuilt ? `Browser bundles built into target/public in ${(ms / 1000).toFixed(1)} s\n` : 'Browser bundles are up to date\n');
    })
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    });
}
