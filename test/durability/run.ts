/**
 * The §13 durability proof: `CRASH_RUNS=200 npx tsx test/durability/run.ts` (default 200 runs; `SEED`
 * picks the first seed so a failing run can be replayed). Exit code 1 on any violation.
 */
import { runCrashTrials } from './harness';

async function main(): Promise<number> {
  const runs = Number(process.env.CRASH_RUNS ?? '200');
  const seed = Number(process.env.SEED ?? String(Date.now() % 1_000_000));
  const started = Date.now();
  const summary = await runCrashTrials({ runs, seed, log: (line) => console.log(line) });
  console.log(
    `${summary.runs} runs, ${summary.crashes} SIGKILLs, ${summary.acknowledged} acknowledged and ${summary.unacknowledged} unacknowledged writes, ` +
      `${summary.violations.length} violations in ${((Date.now() - started) / 1000).toFixed(1)} s (first seed ${seed})`,
  );
  for (const violation of summary.violations) console.log(`  ${violation}`);
  return summary.violations.length === 0 ? 0 : 1;
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
