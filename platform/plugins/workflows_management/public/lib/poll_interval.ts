/** Live execution polling (§7): every 1 s, then every 3 s once the run is older than 30 s, and never once final. */
import type { ExecutionStatus } from '../../../workflows_execution_engine/server/contract';
import { isTerminalStatus } from './status';

export const FAST_POLL_MS = 1000;
export const SLOW_POLL_MS = 3000;
export const SLOW_AFTER_MS = 30_000;
/** The executions list refreshes this often while any row is active. */
export const LIST_REFRESH_MS = 5000;

export function executionPollInterval(status: ExecutionStatus | undefined, startedAt: string | undefined, now: number): number | false {
  if (status && isTerminalStatus(status)) return false;
  const started = startedAt ? Date.parse(startedAt) : Number.NaN;
  if (Number.isFinite(started) && now - started > SLOW_AFTER_MS) return SLOW_POLL_MS;
  return FAST_POLL_MS;
}
