/**
 * `npm run test:e2e`: starts the product with `npm start` on random ports, drives Debian chromium through
 * the tests in order, and prints `N passed, N failed` as the last line (non-zero exit on failure).
 * Tests live in `tests/*.ts`, each exporting arrays of E2eTest; `alerts_page` (which logs in) runs first, the other
 * files in name order. `E2E_ONLY=<file>[,<file>]` runs the login tests plus the named files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startFakeLlm } from '../fake_llm';
import { launchBrowser } from './browser';
import { FAKE_LLM_ANSWER, REPO_ROOT, startProduct } from './product';
import type { E2eTest } from './types';

const FIRST = 'alerts_page';


const isTestList = (value: unknown): value is E2eTest[] =>
  Array.isArray(value) && value.every((t) => typeof t === 'object' && t !== null && 'name' in t && 'run' in t);

async function loadTests(): Promise<E2eTest[]> {
  const only = process.env.E2E_ONLY?.split(',').map((s) => s.trim().replace(/\.ts$/, ''));
  const names = fs
    .readdirSync(path.join(__dirname, 'tests'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .filter((n) => n === FIRST || !only || only.includes(n))
    .sort((a, b) => (a === FIRST ? -1 : b === FIRST ? 1 : a.localeCompare(b)));
  const tests: E2eTest[] = [];
  for (const name of names) {
    const module: Record<string, unknown> = await import(`./tests/${name}`);
    for (const value of Object.values(module)) if (isTestList(value)) tests.push(...value);
  }
  return tests;
}

async function main(): Promise<number> {
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  process.stdout.write('Starting the product (npm start)...\n');
  const TESTS = await loadTests();
  // A scripted OpenAI-compatible LLM, declared to the product as a preconfigured connector (Kibana-style CLI override).
  const fakeLlm = await startFakeLlm();
  fakeLlm.setHandler(() => ({ content: FAKE_LLM_ANSWER, chunkSize: 6 }));
  const connector = { 'fake-llm': { name: 'Fake LLM', actionTypeId: '.gen-ai', config: { apiProvider: 'Other', apiUrl: fakeLlm.baseUrl, defaultModel: 'fake-model' }, secrets: {} } };
  const product = await startProduct({ extraArgs: [`--xpack.actions.preconfigured=${JSON.stringify(connector)}`] }).catch(async (error: unknown) => {
    await fakeLlm.close();
    throw error;
  });
  product.fakeLlm = fakeLlm;
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
    await fakeLlm.close().catch((e: Error) => process.stdout.write(`warning: closing the fake LLM failed: ${e.message}\n`));
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
