import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the YAML tests live: `ES_REST_TESTS_DIR` (a folder holding `tests/` and maybe `api/`, or the
 * tests folder itself), else `<repo>/../shared/es-rest-tests`.
 */
export function resolveTestsRoot(repoRoot: string, env: NodeJS.ProcessEnv = process.env): { root: string; testsDir: string } {
  const root = env.ES_REST_TESTS_DIR !== undefined && env.ES_REST_TESTS_DIR !== '' ? path.resolve(env.ES_REST_TESTS_DIR) : path.resolve(repoRoot, '..', 'shared', 'es-rest-tests');
  const nested = path.join(root, 'tests');
  return { root, testsDir: fs.existsSync(nested) ? nested : root };
}

/** Every `.yml`/`.yaml` file under the directory, as sorted `/`-separated relative paths. */
export function listTestFiles(testsDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) found.push(path.relative(testsDir, full).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(testsDir)) walk(testsDir);
  return found.sort();
}

export function parseFeatures(source: string): Set<string> {
  return new Set(
    source
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter((line) => line !== ''),
  );
}
