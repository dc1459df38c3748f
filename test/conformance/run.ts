/**
 * Conformance runner: executes Elasticsearch's YAML REST tests against a freshly started embedded engine
 * (or `--url`), prints per-file results and writes report.json. Exit code 1 when a gate fails.
 *
 *   npm run test:conformance [-- --url http://127.0.0.1:9200 --allow-wipe] [--filter 'mget/*'] [--verbose]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedElasticsearch } from '../../platform/elasticsearch/index';
import { ApiRegistry } from './api_spec';
import { listTestFiles, parseFeatures, resolveTestsRoot } from './discovery';
import { type ExecutionContext, type TestResult, runTest } from './executor';
import { exclusionFor, globToRegex, parseExclusions } from './exclusions';
import { EXPECTED_FILES } from './expected_files';
import { closeConnections, send } from './http_client';
import { type FileResult, buildReport, percent } from './report';
import { parseClusterFeatures } from './skip';
import { parseTestFile } from './test_file';
import { wipeCluster } from './wipe';

interface Options {
  url?: string;
  /** Required with --url: the runner deletes every index and template of the target between tests. */
  allowWipe: boolean;
  filter?: string;
  report: string;
  verbose: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { report: path.join(__dirname, 'report.json'), verbose: false, allowWipe: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = (): string => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--url') options.url = next();
    else if (arg === '--filter') options.filter = next();
    else if (arg === '--report') options.report = path.resolve(next());
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--allow-wipe') options.allowWipe = true;
    else throw new Error(`unknown argument ${arg} (expected --url, --allow-wipe, --filter, --report, --verbose)`);
  }
  if (options.url !== undefined && !options.allowWipe) {
    throw new Error(`the runner deletes every index, template and cluster setting of ${options.url} between tests; pass --allow-wipe to confirm`);
  }
  return options;
}

function matchesFilter(file: string, filter: string | undefined): boolean {
  if (filter === undefined) return true;
  return filter.includes('*') ? globToRegex(filter).test(file) : file.includes(filter);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const repoRoot = path.resolve(__dirname, '..', '..');
  const { root, testsDir } = resolveTestsRoot(repoRoot);
  const files = listTestFiles(testsDir).filter((f) => matchesFilter(f, options.filter));
  const apis = ApiRegistry.forTestsRoot(root);
  const runnerFeatures = parseFeatures(fs.readFileSync(path.join(__dirname, 'features.txt'), 'utf8'));
  const clusterFeatures = parseClusterFeatures(fs.readFileSync(path.join(__dirname, 'cluster_features.txt'), 'utf8'));
  const exclusions = parseExclusions(fs.readFileSync(path.join(__dirname, 'exclusions.yml'), 'utf8'));
  console.log(`YAML tests: ${testsDir} (${files.length} files); API specs: ${apis.usesOfficialSpecs ? 'official' : 'built-in routing table'}`);

  let baseUrl = options.url;
  let stopEngine = async (): Promise<void> => {};
  if (baseUrl === undefined) {
    const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'es-conformance-'));
    const quiet = { info: () => {}, warn: () => {}, error: (m: string, meta?: object) => console.error(m, meta ?? '') };
    const engine = await startEmbeddedElasticsearch({ port: 0, host: '127.0.0.1', dataPath, logger: quiet });
    baseUrl = engine.url;
    stopEngine = async () => {
      await engine.stop();
      fs.rmSync(dataPath, { recursive: true, force: true });
    };
  }
  const target = baseUrl;
  const transport = (request: Parameters<typeof send>[1]) => send(target, request);
  const ctx: ExecutionContext = { apis, transport, runnerFeatures, clusterFeatures };
  const cleanup = () => wipeCluster(transport);
  console.log(`Target: ${target}`);

  const results: FileResult[] = [];
  try {
    await cleanup();
    for (const file of files) {
      const result: FileResult = { file, area: file.split('/')[0], tests: [] };
      results.push(result);
      try {
        const parsed = parseTestFile(file, fs.readFileSync(path.join(testsDir, file), 'utf8'));
        for (const test of parsed.tests) {
          const excluded = exclusionFor(exclusions, file, test.name);
          const outcome: TestResult = excluded !== undefined ? { name: test.name, status: 'skipped', message: `excluded: ${excluded}` } : await runTest(ctx, parsed, test, cleanup);
          result.tests.push(outcome);
        }
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
        result.tests.push({ name: '(file)', status: 'failed', message: result.error });
      }
      printFile(result, options.verbose);
    }
  } finally {
    closeConnections();
    await stopEngine();
  }

  const present = new Set(listTestFiles(testsDir));
  const report = buildReport({
    target: options.url ?? 'embedded',
    tests_root: testsDir,
    api_specs: apis.usesOfficialSpecs ? 'official' : 'builtin-routing-table',
    missing_expected_files: EXPECTED_FILES.filter((f) => !present.has(f)),
    files: results,
  });
  fs.writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);

  console.log('');
  for (const [area, t] of Object.entries(report.areas)) {
    console.log(`  ${area.padEnd(34)} ${percent(t.score).padStart(7)}  (${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped)`);
  }
  for (const gate of report.gates) {
    console.log(`  gate ${gate.name.padEnd(10)} ${gate.ok ? 'ok  ' : 'FAIL'} ${percent(gate.score)} (needs ${percent(gate.required)})${gate.note ? ` - ${gate.note}` : ''}`);
  }
  if (report.missing_expected_files.length > 0) {
    console.log(`  ${report.missing_expected_files.length} of the ${EXPECTED_FILES.length} test files named in spec §15 are not present (see report.json)`);
  }
  console.log(`Report: ${options.report}`);
  console.log(`${report.totals.passed} passed, ${report.totals.failed} failed, ${report.totals.skipped} skipped`);
  return report.gates.every((g) => g.ok) ? 0 : 1;
}

function printFile(result: FileResult, verbose: boolean): void {
  const count = (s: string) => result.tests.filter((t) => t.status === s).length;
  const failed = count('failed');
  console.log(`${failed > 0 ? 'FAIL' : 'ok  '} ${result.file}: ${count('passed')} passed, ${failed} failed, ${count('skipped')} skipped`);
  for (const test of result.tests) {
    if (test.status === 'failed') console.log(`     x ${test.name}: ${test.message ?? ''}`);
    else if (verbose && test.status === 'skipped') console.log(`     - ${test.name}: skipped (${test.message ?? ''})`);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);
