/**
 * `npm run bench -- triage [--alerts N] [--seeds S]`: the entity graph and narrative benchmark of the triage steps
 * (server/workflows/steps/bench), seeded with the labelled sample data on a fresh embedded engine.
 */
import { runTriageBench, type TriageBenchOptions } from '../../server/workflows/steps/bench';

function parseOptions(argv: readonly string[]): TriageBenchOptions {
  const options: { alerts?: number; graphSeeds?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag !== '--alerts' && flag !== '--seeds') throw new Error(`unknown option ${flag} (expected --alerts, --seeds)`);
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive integer`);
    if (flag === '--alerts') options.alerts = value;
    else options.graphSeeds = value;
  }
  return options;
}

export async function runTriageBenchCommand(argv: readonly string[]): Promise<number> {
  await runTriageBench(parseOptions(argv));
  return 0;
}
