import { runCrashTrials } from './harness';

/** The §13 proof in CI: CRASH_RUNS (default 10) runs of write / SIGKILL / restart / verify. */
const runs = Number(process.env.CRASH_RUNS ?? '10');

describe('crash harness', () => {
  it(
    `keeps every acknowledged write across ${runs} SIGKILL runs`,
    async () => {
      const summary = await runCrashTrials({ runs, seed: Number(process.env.SEED ?? '1000') });
      expect(summary.violations).toEqual([]);
      expect(summary.runs).toBe(runs);
      expect(summary.crashes).toBe(runs * 2);
      expect(summary.acknowledged).toBeGreaterThan(runs);
    },
    Math.max(120_000, runs * 45_000),
  );
});
