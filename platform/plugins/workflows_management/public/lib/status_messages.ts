/** react-intl descriptors for the status labels, so every screen says the same words. */
import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { ExecutionStatus } from '../../../workflows_execution_engine/server/contract';
import { STATUS_LABELS } from './status';

export const statusMessages: Readonly<Record<ExecutionStatus, MessageDescriptor>> = defineMessages({
  pending: { id: 'workflows.status.pending', defaultMessage: STATUS_LABELS.pending },
  queued: { id: 'workflows.status.queued', defaultMessage: STATUS_LABELS.queued },
  running: { id: 'workflows.status.running', defaultMessage: STATUS_LABELS.running },
  waiting: { id: 'workflows.status.waiting', defaultMessage: STATUS_LABELS.waiting },
  completed: { id: 'workflows.status.completed', defaultMessage: STATUS_LABELS.completed },
  failed: { id: 'workflows.status.failed', defaultMessage: STATUS_LABELS.failed },
  cancelled: { id: 'workflows.status.cancelled', defaultMessage: STATUS_LABELS.cancelled },
  timed_out: { id: 'workflows.status.timedOut', defaultMessage: STATUS_LABELS.timed_out },
  skipped: { id: 'workflows.status.skipped', defaultMessage: STATUS_LABELS.skipped },
});
