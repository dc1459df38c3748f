/** §1.4: the per-context editor — stats, a searchable table with Allowed/Anonymized switches, bulk actions, Reset. */
import {
  EuiBasicTable,
  EuiButtonEmpty,
  EuiFieldSearch,
  EuiFlexGroup,
  EuiFlexItem,
  EuiIconTip,
  EuiStat,
  EuiSwitch,
  EuiText,
  EuiToolTip,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { FieldRule } from '../../../common/anonymization';
import { messages as t } from '../translations';
import { applyEditorAction, buildEditorRows, editorStats, flattenContextData, isLoosening, type EditorAction, type EditorRow } from './editor_model';

export interface AnonymizationEditorProps {
  data: Record<string, unknown> | string | undefined;
  policy: readonly FieldRule[];
  overrides: readonly FieldRule[];
  canLoosen: boolean;
  minFreeTextLength?: number;
  onChange(overrides: FieldRule[]): void;
}

export function AnonymizationEditor({ data, policy, overrides, canLoosen, minFreeTextLength = 3, onChange }: AnonymizationEditorProps) {
  const intl = useIntl();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<EditorRow[]>([]);
  const rows = useMemo(() => buildEditorRows(flattenContextData(data), policy, overrides, minFreeTextLength), [data, policy, overrides, minFreeTextLength]);
  const stats = editorStats(rows);
  const visible = search.trim() ? rows.filter((r) => r.field.toLowerCase().includes(search.trim().toLowerCase())) : rows;

  const apply = (targets: EditorRow[], action: EditorAction) => onChange(applyEditorAction(policy, overrides, targets, action, canLoosen).overrides);
  const guarded = (row: EditorRow, action: EditorAction, node: (disabled: boolean) => JSX.Element) => {
    const disabled = !canLoosen && isLoosening(policy, row, action);
    return disabled ? <EuiToolTip content={intl.formatMessage(t.needCustomize)}>{node(true)}</EuiToolTip> : node(false);
  };

  const columns: Array<EuiBasicTableColumn<EditorRow>> = [
    {
      name: intl.formatMessage(t.colAllowed),
      width: '90px',
      render: (row: EditorRow) =>
        guarded(row, row.allowed ? 'deny' : 'allow', (disabled) => (
          <EuiSwitch
            label={intl.formatMessage(t.colAllowed)}
            showLabel={false}
            checked={row.allowed}
            disabled={disabled}
            compressed
            onChange={() => apply([row], row.allowed ? 'deny' : 'allow')}
            data-test-subj={`contextAllowed-${row.field}`}
          />
        )),
    },
    {
      name: intl.formatMessage(t.colAnonymized),
      width: '110px',
      render: (row: EditorRow) =>
        guarded(row, row.anonymized ? 'unanonymize' : 'anonymize', (disabled) => (
          <EuiSwitch
            label={intl.formatMessage(row.anonymized ? t.yes : t.no)}
            checked={row.anonymized}
            disabled={disabled || !row.allowed}
            compressed
            onChange={() => apply([row], row.anonymized ? 'unanonymize' : 'anonymize')}
            data-test-subj={`contextAnonymized-${row.field}`}
          />
        )),
    },
    {
      field: 'field',
      name: intl.formatMessage(t.colField),
      render: (field: string, row: EditorRow) => (
        <span>
          {field}
          {!row.inPolicy && (
            <EuiText size="xs" color="subdued">
              {intl.formatMessage(t.notInPolicy)}
            </EuiText>
          )}
          {row.shortValueWarning && <EuiIconTip type="warning" color="warning" content={intl.formatMessage(t.shortValue)} />}
        </span>
      ),
    },
    {
      field: 'values',
      name: intl.formatMessage(t.colValues),
      render: (values: string[]) => <span style={{ wordBreak: 'break-all' }}>{values.join(', ')}</span>,
    },
  ];

  const bulk = (action: EditorAction) => (
    <EuiButtonEmpty size="xs" disabled={selected.length === 0} onClick={() => apply(selected, action)} data-test-subj={`contextBulk-${action}`}>
      {intl.formatMessage(t[action])}
    </EuiButtonEmpty>
  );

  return (
    <div data-test-subj="contextAnonymizationEditor">
      <EuiFlexGroup gutterSize="m" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiStat title={stats.allowed} description={intl.formatMessage(t.statAllowed)} titleSize="xs" data-test-subj="contextStatAllowed" />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiStat title={stats.anonymized} description={intl.formatMessage(t.statAnonymized)} titleSize="xs" data-test-subj="contextStatAnonymized" />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiStat title={stats.available} description={intl.formatMessage(t.statAvailable)} titleSize="xs" data-test-subj="contextStatAvailable" />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiFlexGroup gutterSize="xs" alignItems="center" wrap responsive={false}>
        <EuiFlexItem>
          <EuiFieldSearch compressed value={search} onChange={(e) => setSearch(e.target.value)} placeholder={intl.formatMessage(t.searchFields)} aria-label={intl.formatMessage(t.searchFields)} data-test-subj="contextSearch" />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty size="xs" onClick={() => setSelected(visible)} data-test-subj="contextSelectAll">
            {intl.formatMessage(t.selectAll, { count: visible.length })}
          </EuiButtonEmpty>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>{bulk('allow')}</EuiFlexItem>
        <EuiFlexItem grow={false}>{bulk('deny')}</EuiFlexItem>
        <EuiFlexItem grow={false}>{bulk('anonymize')}</EuiFlexItem>
        <EuiFlexItem grow={false}>{bulk('unanonymize')}</EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty size="xs" iconType="refresh" disabled={overrides.length === 0} onClick={() => onChange([])} data-test-subj="contextResetOverrides">
            {intl.formatMessage(t.resetOverrides)}
          </EuiButtonEmpty>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiBasicTable
        items={visible.slice(0, 200)}
        itemId="field"
        columns={columns}
        compressed
        tableCaption={intl.formatMessage(t.preview)}
        selection={{ selected, onSelectionChange: setSelected }}
      />
    </div>
  );
}
