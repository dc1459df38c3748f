/**
 * Issue [8/8], CI-sized load: 100 alerts triaged by the preinstalled workflow at its own concurrency while 20 chat
 * sessions stream and analysts tag, re-status and annotate the same alerts as the workflow writes to them. Every
 * acknowledged tag, status, note and chat message must be in the final documents (no lost update), and no execution
 * may be left running. `npm run bench -- load` runs the same code at full size (1,000 alerts) and prints the figures.
 */
import { formatLoadReport, runLoad, startLoadPlatform, type LoadReport } from '../../scripts/bench/load';
import type { FakeLlm } from '../fake_llm';
import type { TestPlatform } from '../helpers';

jest.setTimeout(900_000);

let t: TestPlatform;
let llm: FakeLlm;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ t, llm, stop } = await startLoadPlatform());
});

afterAll(async () => {
  await stop?.();
});

describe('load: triage, chat and analysts on the same alerts', () => {
  it('loses no acknowledged write and leaves no execution running', async () => {
    const report: LoadReport = await runLoad(t, llm, { alerts: 100, store: 1000, chats: 20, turns: 2 });
    // The figures, for the CI log.
    process.stdout.write(`${formatLoadReport(report)}\n`);
    expect(report.lost).toEqual([]);
    expect(report.leftRunning).toEqual([]);
    expect(report.executionStatuses).toEqual({ completed: 100 });
    // The load was real: every chat turn streamed, the analysts' writes were applied, the model answered every run.
    expect(report.chatTurns).toBe(40);
    expect(report.analystWrites).toBe(500);
    expect(report.analystWrites - report.analystWritesNotAcknowledged).toBeGreaterThanOrEqual(490);
    expect(report.llmRequests).toBeGreaterThanOrEqual(100 + 40);
  });
});
