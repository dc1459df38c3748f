/** One icon per trigger type of a workflow (manual, alert, scheduled). */
import { EuiFlexGroup, EuiFlexItem, EuiIcon, EuiToolTip } from '@elastic/eui';

const TRIGGER_ICONS: Record<string, { icon: string; label: string }> = {
  manual: { icon: 'play', label: 'Manual' },
  alert: { icon: 'bell', label: 'Alert' },
  scheduled: { icon: 'clock', label: 'Scheduled' },
};

export function TriggerIcons({ triggerTypes }: { triggerTypes: readonly string[] }) {
  return (
    <EuiFlexGroup gutterSize="xs" responsive={false} wrap>
      {triggerTypes.map((type) => {
        const known = TRIGGER_ICONS[type] ?? { icon: 'question', label: type };
        return (
          <EuiFlexItem grow={false} key={type}>
            <EuiToolTip content={known.label}>
              <EuiIcon type={known.icon} aria-label={known.label} data-test-subj={`triggerIcon-${type}`} />
            </EuiToolTip>
          </EuiFlexItem>
        );
      })}
    </EuiFlexGroup>
  );
}
