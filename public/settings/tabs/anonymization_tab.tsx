/** Anonymization tab (§2): server-paged searchable field table, switches and bulk actions behind Save (N), presets, add field. */
import {
  EuiBadge,
  EuiBasicTable,
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiConfirmModal,
  EuiFieldSearch,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiSpacer,
  EuiSwitch,
  EuiText,
  type EuiBasicTableColumn,
  type CriteriaWithPagination,
} from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { NotificationsStart } from '../../../platform/core/public';
import { anonymizationFilter, useAnonymizationPendingCount, useAnonymizationTable, useAssistantApi, useInvalidate, type AnonymizationField } from '../../api';
import { bulkProblems } from '../bulk_result';
import { SaveBar } from '../save_bar';
import { s } from '../translations';
import { usePendingChanges } from '../use_pending_changes';
import { validateAnonymizationField } from '../validation';

type Patch = { allowed?: boolean; anonymized?: boolean };
type BulkAction = 'allow' | 'deny' | 'anonymize' | 'unanonymize';

/** The change a bulk action makes to one row, or undefined when the row already is that way (no no-op updates). */
export function bulkPatch(row: Pick<AnonymizationField, 'allowed' | 'anonymized'>, action: BulkAction): Patch | undefined {
  switch (action) {
    case 'allow':
      return row.allowed ? undefined : { allowed: true };
    case 'deny':
      return row.allowed ? { allowed: false } : undefined;
    case 'anonymize':
      return row.anonymized ? undefined : { anonymized: true };
    case 'unanonymize':
      return row.anonymized ? { anonymized: false } : undefined;
  }
}

const ALL_PAGE_SIZE = 1000;

export function AnonymizationTab({ notifications, canEdit }: { notifications: NotificationsStart; canEdit: boolean }) {
  const intl = useIntl();
  const { api } = useAssistantApi();
  const invalidate = useInvalidate();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(20);
  const [search, setSearch] = useState('');
  const [pendingOnly, setPendingOnly] = useState(false);
  const [selected, setSelected] = useState<AnonymizationField[]>([]);
  // "Select all N": every field matching the search, across pages (fetched when asked for).
  const [allSelected, setAllSelected] = useState<AnonymizationField[] | undefined>();
  const [selectingAll, setSelectingAll] = useState(false);
  const [newField, setNewField] = useState('');
  const [newFieldSubmitted, setNewFieldSubmitted] = useState(false);
  const [preset, setPreset] = useState<'balanced' | 'strict' | undefined>();
  const [saving, setSaving] = useState(false);
  const table = useAnonymizationTable(page, perPage, search, pendingOnly);
  const pendingReview = useAnonymizationPendingCount();
  const pending = usePendingChanges<{ field: string; allowed: boolean; anonymized: boolean }, Patch>();
  const rows = (table.data?.data ?? []).map((r) => ({ ...r, ...(pending.updates[r.id] ?? {}) }));
  const stats = table.data?.stats;
  const newFieldError = newFieldSubmitted ? validateAnonymizationField(newField.trim(), [...rows.map((r) => r.field), ...pending.creates.map((c) => c.field)]) : undefined;

  const targets = allSelected ?? selected;
  const clearSelection = () => {
    setSelected([]);
    setAllSelected(undefined);
  };

  const selectAll = async () => {
    setSelectingAll(true);
    try {
      const all: AnonymizationField[] = [];
      for (let p = 1; ; p += 1) {
        const res = await api.findAnonymizationFields({ page: p, perPage: ALL_PAGE_SIZE, sortField: 'field', sortOrder: 'asc', filter: anonymizationFilter(search, pendingOnly) });
        all.push(...res.data);
        if (res.data.length === 0 || p * res.perPage >= res.total) break;
      }
      setAllSelected(all);
    } catch (e) {
      notifications.toasts.addError(e as Error, { title: intl.formatMessage(s.saveFailed) });
    } finally {
      setSelectingAll(false);
    }
  };

  const bulk = (action: BulkAction) => {
    for (const r of targets) {
      const patch = bulkPatch({ ...r, ...(pending.updates[r.id] ?? {}) }, action);
      if (patch) pending.setUpdate(r.id, patch);
    }
  };

  const save = async () => {
    setSaving(true);
    try {
      const update = Object.entries(pending.updates).filter(([id]) => !pending.deletes.includes(id)).map(([id, p]) => ({ id, ...p }));
      const res = await api.bulkAnonymizationFields({
        ...(pending.creates.length ? { create: pending.creates } : {}),
        ...(update.length ? { update } : {}),
        ...(pending.deletes.length ? { delete: { ids: pending.deletes } } : {}),
      });
      const problems = bulkProblems(res);
      if (problems) notifications.toasts.addWarning(problems);
      else notifications.toasts.addSuccess(intl.formatMessage(s.saved));
      pending.reset();
      clearSelection();
      await invalidate('anonymization');
    } catch (e) {
      notifications.toasts.addError(e as Error, { title: intl.formatMessage(s.saveFailed) });
    } finally {
      setSaving(false);
    }
  };

  const columns: Array<EuiBasicTableColumn<AnonymizationField>> = [
    {
      field: 'allowed',
      name: intl.formatMessage(s.colAllowed),
      width: '90px',
      render: (allowed: boolean, r: AnonymizationField) => (
        <EuiSwitch showLabel={false} label={intl.formatMessage(s.colAllowed)} compressed checked={allowed} disabled={!canEdit} onChange={(e) => pending.setUpdate(r.id, { allowed: e.target.checked })} data-test-subj={`anonAllowed-${r.field}`} />
      ),
    },
    {
      field: 'anonymized',
      name: intl.formatMessage(s.colAnonymized),
      width: '110px',
      render: (anonymized: boolean, r: AnonymizationField) => (
        <EuiSwitch showLabel={false} label={intl.formatMessage(s.colAnonymized)} compressed checked={anonymized} disabled={!canEdit || !r.allowed} onChange={(e) => pending.setUpdate(r.id, { anonymized: e.target.checked })} data-test-subj={`anonAnonymized-${r.field}`} />
      ),
    },
    {
      field: 'field',
      name: intl.formatMessage(s.colField),
      render: (field: string, r: AnonymizationField) => (
        <span style={pending.deletes.includes(r.id) ? { textDecoration: 'line-through' } : undefined}>
          {field} {r.isDefault && <EuiBadge color="hollow">{intl.formatMessage(s.defaultBadge)}</EuiBadge>}
        </span>
      ),
    },
  ];

  return (
    <div data-test-subj="settingsAnonymizationTab">
      {!canEdit && <EuiCallOut size="s" iconType="lock" title={intl.formatMessage(s.anonymizationReadOnly)} />}
      {stats && (
        <EuiText size="s" data-test-subj="anonymizationStats">
          {intl.formatMessage(s.statsLine, { ...stats })}
        </EuiText>
      )}
      <EuiSpacer size="s" />
      <EuiFlexGroup gutterSize="s" alignItems="center" wrap responsive={false}>
        <EuiFlexItem grow={2}>
          <EuiFieldSearch incremental fullWidth placeholder={intl.formatMessage(s.searchFields)} onSearch={(v) => (setSearch(v), setPage(0), clearSelection())} data-test-subj="anonymizationSearch" />
        </EuiFlexItem>
        {canEdit && (
          <>
            <EuiFlexItem grow={1}>
              <EuiFormRow isInvalid={!!newFieldError} error={newFieldError ? [intl.formatMessage(s[`err_${newFieldError}`])] : undefined} display="rowCompressed">
                <EuiFieldText compressed placeholder={intl.formatMessage(s.fieldName)} value={newField} isInvalid={!!newFieldError} onChange={(e) => setNewField(e.target.value)} data-test-subj="anonymizationNewField" />
              </EuiFormRow>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButton
                size="s"
                onClick={() => {
                  setNewFieldSubmitted(true);
                  const field = newField.trim();
                  if (validateAnonymizationField(field, [...rows.map((r) => r.field), ...pending.creates.map((c) => c.field)])) return;
                  pending.addCreate({ field, allowed: true, anonymized: false });
                  setNewField('');
                  setNewFieldSubmitted(false);
                }}
                data-test-subj="anonymizationAddField"
              >
                {intl.formatMessage(s.addField)}
              </EuiButton>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButtonEmpty size="s" onClick={() => setPreset('balanced')} data-test-subj="anonymizationResetBalanced">
                {intl.formatMessage(s.presetBalanced)}
              </EuiButtonEmpty>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButtonEmpty size="s" onClick={() => setPreset('strict')} data-test-subj="anonymizationResetStrict">
                {intl.formatMessage(s.presetStrict)}
              </EuiButtonEmpty>
            </EuiFlexItem>
          </>
        )}
      </EuiFlexGroup>
      {canEdit && (
        <EuiFlexGroup gutterSize="xs" alignItems="center" responsive={false} wrap>
          <EuiFlexItem grow={false}>
            {allSelected ? (
              <EuiText size="xs" data-test-subj="anonymizationAllSelected">
                <strong>{intl.formatMessage(s.allFieldsSelected, { count: allSelected.length })}</strong>
              </EuiText>
            ) : (
              <EuiButtonEmpty size="xs" isLoading={selectingAll} disabled={(table.data?.total ?? 0) === 0} onClick={() => void selectAll()} data-test-subj="anonymizationSelectAll">
                {intl.formatMessage(s.selectAllFields, { count: table.data?.total ?? 0 })}
              </EuiButtonEmpty>
            )}
          </EuiFlexItem>
          {targets.length > 0 && (
            <>
              <EuiFlexItem grow={false}>
                <EuiButtonEmpty size="xs" onClick={clearSelection} data-test-subj="anonymizationClearSelection">
                  {intl.formatMessage(s.clearSelection)}
                </EuiButtonEmpty>
              </EuiFlexItem>
              {(['allow', 'deny', 'anonymize', 'unanonymize'] as const).map((a) => (
                <EuiFlexItem grow={false} key={a}>
                  <EuiButtonEmpty size="xs" onClick={() => bulk(a)} data-test-subj={`anonymizationBulk-${a}`}>
                    {intl.formatMessage(s[a])} ({targets.length})
                  </EuiButtonEmpty>
                </EuiFlexItem>
              ))}
              <EuiFlexItem grow={false}>
                <EuiButtonEmpty size="xs" color="danger" onClick={() => pending.toggleDelete(targets.map((r) => r.id))} data-test-subj="anonymizationBulk-remove">
                  {intl.formatMessage(s.remove)} ({targets.length})
                </EuiButtonEmpty>
              </EuiFlexItem>
            </>
          )}
        </EuiFlexGroup>
      )}
      <EuiSpacer size="s" />
      {/* Upgrades add new default fields as not allowed and pending review (§4 seeding): the banner filters to them. */}
      {(pendingOnly || (pendingReview.data ?? 0) > 0) && (
        <EuiCallOut size="s" iconType="info" title={intl.formatMessage(s.pendingReview, { count: pendingReview.data ?? 0 })} data-test-subj="anonymizationPendingReview">
          <EuiButtonEmpty size="xs" onClick={() => (setPendingOnly((p) => !p), setPage(0), clearSelection())} data-test-subj="anonymizationTogglePending">
            {intl.formatMessage(pendingOnly ? s.showAll : s.showPending)}
          </EuiButtonEmpty>
        </EuiCallOut>
      )}
      <EuiBasicTable
        items={rows}
        itemId="id"
        columns={columns}
        loading={table.isLoading}
        tableCaption={intl.formatMessage(s.tab_anonymization)}
        pagination={{ pageIndex: page, pageSize: perPage, totalItemCount: table.data?.total ?? 0, pageSizeOptions: [10, 20, 50, 100] }}
        onChange={({ page: p }: CriteriaWithPagination<AnonymizationField>) => {
          if (p) {
            setPage(p.index);
            setPerPage(p.size);
          }
        }}
        selection={canEdit ? { selected, onSelectionChange: (next) => (setSelected(next), setAllSelected(undefined)) } : undefined}
      />
      {preset && (
        <EuiConfirmModal
          title={intl.formatMessage(s.resetConfirm, { preset })}
          onCancel={() => setPreset(undefined)}
          onConfirm={() => {
            const chosen = preset;
            setPreset(undefined);
            api.resetAnonymizationFields(chosen).then(
              () => {
                pending.reset();
                clearSelection();
                notifications.toasts.addSuccess(intl.formatMessage(s.saved));
                void invalidate('anonymization');
              },
              (e: Error) => notifications.toasts.addError(e, { title: intl.formatMessage(s.saveFailed) }),
            );
          }}
          cancelButtonText={intl.formatMessage(s.cancel)}
          confirmButtonText={intl.formatMessage(s.resetDefaults)}
          buttonColor="danger"
        />
      )}
      <SaveBar count={pending.count} saving={saving} onCancel={pending.reset} onSave={() => void save()} />
    </div>
  );
}
