import { EuiBadge, EuiHealth } from '@elastic/eui';

const SEVERITY_COLORS: Record<string, string> = { low: '#54B399', medium: '#D6BF57', high: '#DA8B45', critical: '#E7664C' };
const STATUS_COLORS: Record<string, string> = { open: 'primary', acknowledged: 'warning', closed: 'default' };

export function SeverityHealth({ severity }: { severity: string | undefined }) {
  return <EuiHealth color={SEVERITY_COLORS[severity ?? ''] ?? 'subdued'}>{severity ?? '—'}</EuiHealth>;
}

export function StatusBadge({ status }: { status: string | undefined }) {
  return (
    <EuiBadge color={STATUS_COLORS[status ?? ''] ?? 'hollow'} data-test-subj="alertStatusBadge">
      {status ?? 'unknown'}
    </EuiBadge>
  );
}
