/** The alerts table's selection toolbar: "N selected" and one button per registered bulk action. */
import { EuiButtonEmpty, EuiFlexGroup, EuiFlexItem, EuiText, EuiToolTip } from '@elastic/eui';
import type { AlertHit } from '../../common/api';
import type { ExtensionList } from '../extensions/extension_registry';
import { useExtensions } from '../extensions/use_extensions';
import type { AlertsBulkActionExtension } from '../types';

export interface BulkActionsToolbarProps {
  actions: ExtensionList<AlertsBulkActionExtension>;
  selected: AlertHit[];
  clearSelection(): void;
  refresh(): void;
}

export function BulkActionsToolbar({ actions, selected, clearSelection, refresh }: BulkActionsToolbarProps) {
  const items = useExtensions(actions);
  if (selected.length === 0) return null;
  const alerts = selected.map((hit) => ({ id: hit._id, index: hit._index, source: hit._source }));
  return (
    <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} data-test-subj="alertsBulkToolbar">
      <EuiFlexItem grow={false}>
        <EuiText size="s" data-test-subj="alertsSelectedCount">
          {selected.length} selected
        </EuiText>
      </EuiFlexItem>
      {items.map((action) => {
        const tooMany = action.maxAlerts !== undefined && selected.length > action.maxAlerts;
        const button = (
          <EuiButtonEmpty
            size="s"
            iconType={action.iconType}
            isDisabled={tooMany}
            onClick={() => void action.onClick(alerts, { clearSelection, refresh })}
            data-test-subj={`alertsBulkAction-${action.id}`}
          >
            {action.label}
          </EuiButtonEmpty>
        );
        return (
          <EuiFlexItem grow={false} key={action.id}>
            {tooMany ? <EuiToolTip content={`Select at most ${action.maxAlerts} alerts`}>{button}</EuiToolTip> : button}
          </EuiFlexItem>
        );
      })}
      <EuiFlexItem grow={false}>
        <EuiButtonEmpty size="s" color="text" onClick={clearSelection} data-test-subj="alertsClearSelection">
          Clear selection
        </EuiButtonEmpty>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
