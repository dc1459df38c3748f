/** Execution and step statuses (workflow-engine §5.2): the UI labels, colours and icons, and which are final. */
import type { ExecutionStatus } from '../../../workflows_execution_engine/server/contract';

export const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'pending',
  'queued',
  'running',
  'waiting',
  'completed',
  'failed',
  'cancelled',
  'timed_out',
  'skipped',
];

const TERMINAL = new Set<ExecutionStatus>(['completed', 'failed', 'cancelled', 'timed_out', 'skipped']);

export const isTerminalStatus = (status: ExecutionStatus): boolean => TERMINAL.has(status);
export const isActiveStatus = (status: ExecutionStatus): boolean => !TERMINAL.has(status);

/** The English labels of §5.2; `status_messages.ts` wraps them in react-intl descriptors. */
export const STATUS_LABELS: Readonly<Record<ExecutionStatus, string>> = {
  pending: 'Pending',
  queued: 'Queued',
  running: 'Running',
  waiting: 'Waiting',
  completed: 'Success',
  failed: 'Error',
  cancelled: 'Canceled',
  timed_out: 'Timed out',
  skipped: 'Skipped',
};

/** EUI badge / health colours. */
export const STATUS_COLORS: Readonly<Record<ExecutionStatus, string>> = {
  pending: 'default',
  queued: 'default',
  running: 'primary',
  waiting: 'warning',
  completed: 'success',
  failed: 'danger',
  cancelled: 'default',
  timed_out: 'danger',
  skipped: 'default',
};

/** EUI icon names; running/pending states are drawn as a spinner by the component instead. */
export const STATUS_ICONS: Readonly<Record<ExecutionStatus, string>> = {
  pending: 'clock',
  queued: 'clock',
  running: 'play',
  waiting: 'pause',
  completed: 'checkCircleFill',
  failed: 'errorFill',
  cancelled: 'crossCircle',
  timed_out: 'clockCounter',
  skipped: 'minusCircle',
};

export const isExecutionStatus = (value: string): value is ExecutionStatus => (EXECUTION_STATUSES as readonly string[]).includes(value);
