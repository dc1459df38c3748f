/**
 * `npm run bench -- <name> [options]`: runs one benchmark by name. Benchmarks print their numbers
 * (ratios against a baseline measured in the same run); they never assert timings.
 */
import { runEsBench } from './es';
import { runTriageBenchCommand } from './triage';

type Bench = (argv: readonly string[]) => Promise<number>;

const BENCHES: Record<string, Bench> = {
  es: runEsBench,
  triage: runTriageBenchCommand,
};

/** Other benchmarks are files `scripts/bench/<name>.ts` exporting `run(argv)`, loaded on demand. */
async function loadBench(name: string): Promise<Bench | undefined> {
  if (BENCHES[name]) return BENCHES[name];
  if (!/^[a-z0-9_-]+$/.test(name)) return undefined;
  try {
    // `triage-e2e` is the file triage_e2e.ts.
    const module: { run?: Bench } = await import(`./${name.replace(/-/g, '_')}`);
    return module.run;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const bench = name === undefined ? undefined : await loadBench(name);
  if (bench === undefined) {
    console.error(`usage: npm run bench -- <${[...Object.keys(BENCHES), 'workflows', 'chat', 'triage-e2e', 'load'].join('|')}> [options]`);
    return 2;
  }
  return bench(rest);
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
