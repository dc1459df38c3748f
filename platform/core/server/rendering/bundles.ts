import fs from 'node:fs';
import path from 'node:path';
import type { BundleManifest } from './render_page';

export const BUNDLE_MANIFEST = 'bundle-manifest.json';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string) => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * esbuild names chunks `<name>-<HASH>.js`: those never change and may be cached forever; entry
 * files keep their name across builds, so browsers must revalidate them.
 */
export const isContentHashed = (file: string) => /-[A-Z0-9]{8,}\.[a-z0-9]+$/.test(path.basename(file));

/** Files under target/public, read on demand so a rebuild while running is picked up. */
export class BundleStore {
  constructor(readonly dir: string) {}

  manifest(): BundleManifest | undefined {
    const file = path.join(this.dir, BUNDLE_MANIFEST);
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as BundleManifest;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
    }
  }

  /** Absolute path of a bundle file, or undefined when it is missing or outside the bundles dir. */
  resolve(relative: string): { file: string; size: number; mtimeMs: number } | undefined {
    const root = path.resolve(this.dir);
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(`${root}${path.sep}`)) return undefined;
    try {
      const stat = fs.statSync(file);
      return stat.isFile() ? { file, size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }
}
