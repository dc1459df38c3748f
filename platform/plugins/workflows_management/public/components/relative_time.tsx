/** "5 minutes ago" with the exact time in a tooltip. */
import { EuiToolTip } from '@elastic/eui';
import { FormattedRelativeTime } from 'react-intl';

export function relativeSeconds(iso: string, now: number): number {
  return Math.round((Date.parse(iso) - now) / 1000);
}

export function RelativeTime({ iso }: { iso: string | undefined }) {
  if (!iso || !Number.isFinite(Date.parse(iso))) return <>—</>;
  return (
    <EuiToolTip content={new Date(iso).toLocaleString()}>
      <span>
        <FormattedRelativeTime value={relativeSeconds(iso, Date.now())} numeric="auto" updateIntervalInSeconds={30} />
      </span>
    </EuiToolTip>
  );
}
