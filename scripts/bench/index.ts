/**
 * `npm run bench -- <name> [options]`: runs one benchmark by name. Benchmarks print their numbers
 * (ratios against a baseline measured in the same run); they never assert timings.
 */
import { runEsBench } from './es';
import { runTriageBenchCommand } from './triage';

const BENCHES: Record<string, (argv: readonly string[]) => Promise<number>> = {
  es: runEsBench,
  triage: runTriageBenchCommand,
};

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const bench = name === undefined ? undefined : BENCHES[name];
  if (bench === undefined) {
    console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [options]`);
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
