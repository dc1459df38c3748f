import { runTriageBench } from './triage_bench';

/** Runs the triage bench on its own: `npx tsx server/workflows/steps/bench/cli.ts [alerts] [seeds]`. */
const [alerts, seeds] = process.argv.slice(2).map(Number);
runTriageBench({
  alerts: Number.isFinite(alerts) && alerts > 0 ? alerts : undefined,
  graphSeeds: Number.isFinite(seeds) && seeds > 0 ? seeds : undefined,
}).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
