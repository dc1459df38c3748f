import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserEntries, buildBrowserBundles, isStale, REPO_ROOT } from './build_browser';

jest.setTimeout(60_000);

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

describe('build_browser', () => {
  it('discovers every browser plugin of the repository with its public entry', () => {
    const ids = browserEntries(REPO_ROOT).map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['securityAiAssistant', 'securitySolution', 'management']));
  });

  it('builds code-split ESM with a manifest, skips when fresh and rebuilds when a source changes', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-browser-'));
    try {
      write(root, 'platform/chrome/bootstrap.tsx', "import { shared } from './shared';\nconst p = 'plugin-demo.js';\nvoid import(`./${p}`);\nconsole.log(shared);\n");
      write(root, 'platform/chrome/shared.ts', "export const shared = 'shared';\n");
      write(root, 'platform/plugins/demo/kibana.jsonc', '{ "type": "plugin", "id": "@kbn/demo", "plugin": { "id": "demo", "browser": true, "requiredPlugins": [], "optionalPlugins": ["other"] } }');
      write(root, 'platform/plugins/demo/public/index.ts', "import { shared } from '../../../chrome/shared';\nexport function plugin() { return { setup: () => shared, start: () => ({}) }; }\n");
      const outDir = path.join(root, 'target', 'public');
      const first = await buildBrowserBundles({ repoRoot: root, outDir, minify: false });
      expect(first.rebuilt).toBe(true);
      const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'bundle-manifest.json'), 'utf8'));
      expect(manifest).toEqual(expect.objectContaining({ entry: 'bootstrap.js', plugins: [{ id: 'demo', entry: 'plugin-demo.js', requiredPlugins: [], optionalPlugins: ['other'] }], css: [] }));
      expect(fs.readFileSync(path.join(outDir, 'plugin-demo.js'), 'utf8')).toMatch(/export\s*\{/);
      // The module both entries import lands in a shared, content-hashed chunk.
      expect(fs.readdirSync(path.join(outDir, 'chunks')).some((f) => /^chunk-[A-Z0-9]{8}\.js$/.test(f))).toBe(true);
      expect(isStale(root, outDir)).toBe(false);
      expect((await buildBrowserBundles({ repoRoot: root, outDir, ifStale: true })).rebuilt).toBe(false);
      const later = new Date(Date.now() + 5_000);
      fs.utimesSync(path.join(root, 'platform/plugins/demo/public/index.ts'), later, later);
      expect(isStale(root, outDir)).toBe(true);
      expect((await buildBrowserBundles({ repoRoot: root, outDir, ifStale: true, minify: false })).rebuilt).toBe(true);
      expect(fs.readdirSync(path.dirname(outDir))).toEqual(['public']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('fails clearly when a browser plugin has no public/index.ts', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-browser-'));
    try {
      write(root, 'platform/plugins/bad/kibana.jsonc', '{ "type": "plugin", "id": "@kbn/bad", "plugin": { "id": "bad", "browser": true } }');
      expect(() => browserEntries(root)).toThrow(/Plugin bad declares browser: true but has no public\/index.ts/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
