/** Execution / step status as a badge (tables, headers) or an icon (the step tree). */
import { EuiBadge, EuiIcon, EuiLoadingSpinner, EuiToolTip } from '@elastic/eui';
import { useIntl } from 'react-intl';
import type { ExecutionStatus } from '../../../workflows_execution_engine/server/contract';
import { STATUS_COLORS, STATUS_ICONS } from '../lib/status';
import { statusMessages } from '../lib/status_messages';

export function StatusBadge({ status }: { status: ExecutionStatus }) {
  const intl = useIntl();
  return (
    <EuiBadge color={STATUS_COLORS[status]} iconType={STATUS_ICONS[status]} data-test-subj={`executionStatusBadge-${status}`}>
      {intl.formatMessage(statusMessages[status])}
    </EuiBadge>
  );
}

const ICON_COLORS: Record<ExecutionStatus, string> = {
  pending: 'subdued',
  queued: 'subdued',
  running: 'primary',
  waiting: 'warning',
  completed: 'success',
  failed: 'danger',
  cancelled: 'subdued',
  timed_out: 'danger',
  skipped: 'subdued',
};

export function StatusIcon({ status }: { status: ExecutionStatus }) {
  const intl = useIntl();
  const label = intl.formatMessage(statusMessages[status]);
  return (
    <EuiToolTip content={label}>
      {status === 'running' ? (
        <EuiLoadingSpinner size="s" aria-label={label} data-test-subj={`stepStatusIcon-${status}`} />
      ) : (
        <EuiIcon type={STATUS_ICONS[status]} color={ICON_COLORS[status]} aria-label={label} data-test-subj={`stepStatusIcon-${status}`} />
      )}
    </EuiToolTip>
  );
}
