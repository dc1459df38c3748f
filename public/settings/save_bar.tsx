/** §2 sticky Cancel / Save (N) bar for tabs that collect pending changes. */
import { EuiButton, EuiButtonEmpty, EuiFlexGroup, EuiFlexItem, EuiPanel } from '@elastic/eui';
import { useIntl } from 'react-intl';
import { s } from './translations';

export function SaveBar({ count, saving, onCancel, onSave }: { count: number; saving: boolean; onCancel(): void; onSave(): void }) {
  const intl = useIntl();
  if (count === 0) return null;
  return (
    <EuiPanel paddingSize="s" color="subdued" hasShadow style={{ position: 'sticky', bottom: 0, zIndex: 1 }} data-test-subj="settingsSaveBar">
      <EuiFlexGroup justifyContent="flexEnd" gutterSize="s" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty onClick={onCancel} data-test-subj="settingsCancel">
            {intl.formatMessage(s.cancel)}
          </EuiButtonEmpty>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton fill isLoading={saving} onClick={onSave} data-test-subj="settingsSave">
            {intl.formatMessage(s.save, { count })}
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiPanel>
  );
}
