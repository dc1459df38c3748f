import { EXECUTION_STATUSES, isActiveStatus, isExecutionStatus, isTerminalStatus, STATUS_COLORS, STATUS_ICONS, STATUS_LABELS } from './status';
import { executionPollInterval, FAST_POLL_MS, SLOW_POLL_MS } from './poll_interval';
import { TERMINAL_EXECUTION_STATUSES } from '../../../workflows_execution_engine/server/contract';

describe('status labels', () => {
  it('uses the §5.2 UI labels, in order', () => {
    expect(EXECUTION_STATUSES.map((s) => STATUS_LABELS[s])).toEqual(['Pending', 'Queued', 'Running', 'Waiting', 'Success', 'Error', 'Canceled', 'Timed out', 'Skipped']);
  });

  it('agrees with the engine on which statuses are terminal', () => {
    expect(EXECUTION_STATUSES.filter(isTerminalStatus)).toEqual([...TERMINAL_EXECUTION_STATUSES]);
    expect(EXECUTION_STATUSES.filter(isActiveStatus)).toEqual(['pending', 'queued', 'running', 'waiting']);
  });

  it('has a colour and an icon for every status and recognises status strings', () => {
    for (const s of EXECUTION_STATUSES) {
      expect(STATUS_COLORS[s]).toBeTruthy();
      expect(STATUS_ICONS[s]).toBeTruthy();
    }
    expect(isExecutionStatus('timed_out')).toBe(true);
    expect(isExecutionStatus('succeeded')).toBe(false);
  });
});

describe('executionPollInterval', () => {
  const started = Date.UTC(2026, 0, 1);
  const iso = new Date(started).toISOString();
  it('polls every second for 30 s, then every 3 s, and stops when final', () => {
    expect(executionPollInterval('running', iso, started + 5_000)).toBe(FAST_POLL_MS);
    expect(executionPollInterval('running', iso, started + 30_000)).toBe(FAST_POLL_MS);
    expect(executionPollInterval('waiting', iso, started + 30_001)).toBe(SLOW_POLL_MS);
    expect(executionPollInterval('pending', undefined, started)).toBe(FAST_POLL_MS);
    expect(executionPollInterval(undefined, undefined, started)).toBe(FAST_POLL_MS);
    for (const s of TERMINAL_EXECUTION_STATUSES) expect(executionPollInterval(s, iso, started + 1)).toBe(false);
  });
});
