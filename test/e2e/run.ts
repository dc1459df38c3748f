/**
 * `npm run test:e2e`: starts the product with `npm start` on random ports, drives Debian chromium through
 * the tests in order, and prints `N passed, N failed` as the last line (non-zero exit on failure).
 * Add tests by appending to TESTS.
 */
import { launchBrowser } from './browser';
import { REPO_ROOT, startProduct } from './product';
import { alertsPageTests } from './tests/alerts_page';
import type { E2eTest } from './types';

const TESTS: E2eTest[] = [...alertsPageTests];

async function main(): Promise<number> {
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  process.stdout.write('Starting the product (npm start)...\n');
  const product = await startProduct();
  process.stdout.write(`Product is available at ${product.url} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    for (const test of TESTS) {
      const t0 = Date.now();
      try {
        await test.run({ product, context: browser.context, page, repoRoot: REPO_ROOT });
        passed++;
        process.stdout.write(`  ✓ ${test.name} (${Date.now() - t0} ms)\n`);
      } catch (error) {
        failed++;
        process.stdout.write(`  ✗ ${test.name}\n    ${(error as Error).message.split('\n').join('\n    ')}\n`);
        if (consoleErrors.length > 0) process.stdout.write(`    page errors: ${consoleErrors.join(' | ')}\n`);
      }
    }
  } finally {
    await browser.close().catch((e: Error) => process.stdout.write(`warning: closing the browser failed: ${e.message}\n`));
    await product.stop().catch((e: Error) => process.stdout.write(`warning: stopping the product failed: ${e.message}\n`));
  }
  if (failed > 0) process.stdout.write(`Product output (tail):\n${product.output().slice(-3000)}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stdout.write(`E2E setup failed: ${(error as Error).message}\n0 passed, 1 failed\n`);
    process.exit(1);
  },
);
