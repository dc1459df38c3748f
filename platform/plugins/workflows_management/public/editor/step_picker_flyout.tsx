/** "Add step": searchable, grouped step types; choosing one inserts its first example (or a skeleton) at the cursor. */
import {
  EuiCodeBlock,
  EuiFieldSearch,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiIcon,
  EuiLink,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
  EuiFlexGroup,
  EuiFlexItem,
} from '@elastic/eui';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { groupStepCatalog, type StepCatalogEntry } from '../lib/step_catalog';
import { stepSkeleton } from '../lib/step_insert';
import { editorMessages } from './translations';

export function snippetFor(entry: StepCatalogEntry): string {
  return entry.examples[0] ?? stepSkeleton(entry.id, entry.requiredWithKeys);
}

export function StepPickerFlyout({ catalog, onInsert, onClose }: { catalog: readonly StepCatalogEntry[]; onInsert(snippet: string): void; onClose(): void }) {
  const intl = useIntl();
  const [search, setSearch] = useState('');
  const groups = useMemo(() => groupStepCatalog(catalog, search), [catalog, search]);
  return (
    <EuiFlyout onClose={onClose} size="s" ownFocus data-test-subj="stepPickerFlyout" aria-labelledby="stepPickerTitle">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h2 id="stepPickerTitle">{intl.formatMessage(editorMessages.pickerTitle)}</h2>
        </EuiTitle>
        <EuiText size="xs" color="subdued">
          {intl.formatMessage(editorMessages.pickerHint)}
        </EuiText>
        <EuiSpacer size="s" />
        <EuiFieldSearch fullWidth autoFocus placeholder={intl.formatMessage(editorMessages.pickerSearch)} value={search} onChange={(e) => setSearch(e.target.value)} data-test-subj="stepPickerSearch" />
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {groups.length === 0 && <EuiText size="s">{intl.formatMessage(editorMessages.pickerEmpty)}</EuiText>}
        {groups.map(({ group, entries }) => (
          <div key={group} data-test-subj={`stepPickerGroup-${group}`}>
            <EuiTitle size="xxs">
              <h3>{group}</h3>
            </EuiTitle>
            <EuiSpacer size="xs" />
            {entries.map((entry) => (
              <EuiPanel key={entry.id} hasBorder paddingSize="s" style={{ marginBottom: 8 }}>
                <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
                  <EuiFlexItem grow={false}>
                    <EuiIcon type={entry.icon} />
                  </EuiFlexItem>
                  <EuiFlexItem>
                    <EuiLink onClick={() => onInsert(snippetFor(entry))} data-test-subj={`stepPickerEntry-${entry.id}`}>
                      <strong>{entry.label}</strong>
                    </EuiLink>
                    <EuiText size="xs" color="subdued">
                      <code>{entry.id}</code>
                      {entry.description ? ` — ${entry.description}` : ''}
                    </EuiText>
                  </EuiFlexItem>
                </EuiFlexGroup>
                {entry.examples[0] && (
                  <>
                    <EuiSpacer size="xs" />
                    <EuiCodeBlock language="yaml" fontSize="s" paddingSize="s" overflowHeight={120}>
                      {entry.examples[0]}
                    </EuiCodeBlock>
                  </>
                )}
              </EuiPanel>
            ))}
            <EuiSpacer size="m" />
          </div>
        ))}
      </EuiFlyoutBody>
    </EuiFlyout>
  );
}
