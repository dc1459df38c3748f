/**
 * `npm start [-- --server.port=5602 --path.data=DIR ...]`: builds the browser bundles when stale, starts
 * the platform (embedded Elasticsearch unless elasticsearch.hosts is set; the securitySolution plugin
 * seeds sample alerts into an empty default space while `sampleData.enabled`), prints the URL and the
 * `elastic` password, and stops cleanly on SIGINT/SIGTERM.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkCoreConfig, startPlatform } from '../platform/core/server';
import type { RunningPlatform } from '../platform/core/server';

const REPO_ROOT = path.resolve(__dirname, '..');

const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`${line}\n`);

async function buildBundles(): Promise<void> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'scripts', 'build_browser.ts'))) {
    say('[start] scripts/build_browser.ts does not exist yet: serving whatever is in target/public');
    return;
  }
  const { buildBrowserBundles } = await import('./build_browser');
  const result = await buildBrowserBundles({ ifStale: true });
  say(result.rebuilt ? `[start] Built browser bundles in ${(result.ms / 1000).toFixed(1)} s` : '[start] Browser bundles are up to date');
}

function printBanner(platform: RunningPlatform): void {
  const { elasticPassword } = platform;
  const password =
    elasticPassword.password !== undefined
      ? elasticPassword.password
      : `(generated on first start and printed then; only its hash is kept in ${elasticPassword.file} — delete that file and restart for a new one, or set security.bootstrapPassword)`;
  say('');
  say(`  Kibana is ready: ${platform.url}`);
  say(`  Elasticsearch:   ${platform.esUrl}`);
  say(`  Username:        elastic`);
  say(`  Password:        ${password}`);
  if (elasticPassword.source === 'generated') say('  (this password is shown only now; it is stored hashed)');
  say('');
}

export async function main(argv: readonly string[]): Promise<number> {
  const startedAt = Date.now();
  try {
    // Bad settings should fail in a second, not after a bundle build.
    checkCoreConfig({ repoRoot: REPO_ROOT, argv });
  } catch (error) {
    fail(`\nFATAL ${(error as Error).name}: ${(error as Error).message}`);
    return 1;
  }
  try {
    await buildBundles();
  } catch (error) {
    fail(`[start] Building the browser bundles failed; pages will not load until it is fixed:\n${(error as Error).message}`);
  }

  let platform: RunningPlatform;
  try {
    platform = await startPlatform({ repoRoot: REPO_ROOT, argv });
  } catch (error) {
    fail(`\nFATAL ${(error as Error).name}: ${(error as Error).message}`);
    return 1;
  }

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    if (stopping) {
      fail(`[start] ${signal} again: exiting without waiting`);
      process.exit(1);
    }
    say(`[start] ${signal} received, stopping`);
    stopping = platform.stop().then(
      () => process.exit(0),
      (error: Error) => {
        fail(`[start] Stopping failed: ${error.message}`);
        process.exit(1);
      }
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  printBanner(platform);
  say(`[start] Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    (error: unknown) => {
      fail(`FATAL ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    }
  );
}
