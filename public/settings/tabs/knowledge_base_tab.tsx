/** Knowledge base tab (§2): status panel, entries table, document and index forms (save immediately). */
import {
  EuiBasicTable,
  EuiButton,
  EuiButtonEmpty,
  EuiButtonGroup,
  EuiCallOut,
  EuiComboBox,
  EuiConfirmModal,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiFormRow,
  EuiIconTip,
  EuiPanel,
  EuiSpacer,
  EuiSwitch,
  EuiText,
  EuiTextArea,
  EuiTitle,
  type CriteriaWithPagination,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { NotificationsStart } from '../../../platform/core/public';
import { useAssistantApi, useInvalidate, useKbEntries, useKbIndices, useKbStatus, type KbEntry, type KbEntryCreate } from '../../api';
import { s } from '../translations';
import { validateKbDocument, validateKbIndex } from '../validation';

interface EntryForm {
  id?: string;
  type: 'document' | 'index';
  name: string;
  global: boolean;
  text: string;
  required: boolean;
  index: string;
  field: string;
  description: string;
  queryDescription: string;
  outputFields: string[];
}

const blank = (type: 'document' | 'index'): EntryForm => ({ type, name: '', global: false, text: '', required: false, index: '', field: '', description: '', queryDescription: '', outputFields: [] });

/** K9 answer → index names and, per index, the fields an index entry may search (`semantic_text` only in semantic mode). */
export function indexFieldOptions(indices: Record<string, { text: string[]; semantic_text: string[] }> | undefined, index: string, semantic: boolean): { indices: string[]; fields: string[] } {
  const mapping = indices?.[index];
  return {
    indices: Object.keys(indices ?? {}).sort(),
    fields: mapping ? [...mapping.text, ...(semantic ? mapping.semantic_text : [])].sort() : [],
  };
}

/** One value picked from suggestions or typed (a user may name an index the listing cannot show). */
function SinglePicker({ value, options, placeholder, invalid, onChange, testSubj }: { value: string; options: string[]; placeholder: string; invalid: boolean; onChange(v: string): void; testSubj: string }) {
  return (
    <EuiComboBox
      fullWidth
      singleSelection={{ asPlainText: true }}
      placeholder={placeholder}
      options={options.map((label) => ({ label }))}
      selectedOptions={value ? [{ label: value }] : []}
      isInvalid={invalid}
      onChange={(sel) => onChange(sel[0]?.label ?? '')}
      onCreateOption={(typed) => onChange(typed.trim())}
      data-test-subj={testSubj}
    />
  );
}

function EntryFormFlyout({ initial, canGlobal, semantic, onSave, onClose }: { initial: EntryForm; canGlobal: boolean; semantic: boolean; onSave(v: EntryForm): Promise<void>; onClose(): void }) {
  const intl = useIntl();
  const [v, setV] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [confirmPrivate, setConfirmPrivate] = useState(false);
  const indices = useKbIndices(v.type === 'index');
  const picker = indexFieldOptions(indices.data?.indices, v.index, semantic);
  const errors: Partial<Record<string, string>> = v.type === 'document' ? validateKbDocument(v) : validateKbIndex(v);
  const shown = submitted ? errors : {};
  const err = (k: string) => (shown[k] ? [intl.formatMessage(s[`err_${shown[k] as 'required'}`])] : undefined);
  // G11: index-entry fields say whether they are required.
  const label = (text: string, required: boolean) => `${text} (${intl.formatMessage(required ? s.requiredMark : s.optionalMark)})`;
  const submit = async () => {
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    // §2: a shared entry made private becomes a private copy; the user confirms that first.
    if (initial.id && initial.global && !v.global) setConfirmPrivate(true);
    else await onSave(v);
  };
  return (
    <EuiFlyout onClose={onClose} size="s" ownFocus data-test-subj="kbEntryFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h3>{intl.formatMessage(initial.id ? s.editEntry : v.type === 'document' ? s.addDocument : s.addIndex)}</h3>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        <EuiForm component="form" isInvalid={submitted && Object.keys(errors).length > 0} onSubmit={(e) => (e.preventDefault(), void submit())}>
          <EuiFormRow label={label(intl.formatMessage(s.colName), true)} isInvalid={!!shown.name} error={err('name')} fullWidth>
            <EuiFieldText fullWidth value={v.name} isInvalid={!!shown.name} onChange={(e) => setV({ ...v, name: e.target.value })} data-test-subj="kbEntryName" />
          </EuiFormRow>
          <EuiFormRow label={label(intl.formatMessage(s.sharing), true)} fullWidth>
            <EuiButtonGroup
              legend={intl.formatMessage(s.sharing)}
              options={[
                { id: 'private', label: intl.formatMessage(s.private) },
                { id: 'global', label: intl.formatMessage(s.global), isDisabled: !canGlobal },
              ]}
              idSelected={v.global ? 'global' : 'private'}
              onChange={(id) => setV({ ...v, global: id === 'global' })}
              data-test-subj="kbEntrySharing"
            />
          </EuiFormRow>
          {v.type === 'document' ? (
            <>
              <EuiFormRow label={label(intl.formatMessage(s.content), true)} isInvalid={!!shown.text} error={err('text')} fullWidth>
                <EuiTextArea fullWidth rows={10} value={v.text} isInvalid={!!shown.text} onChange={(e) => setV({ ...v, text: e.target.value })} data-test-subj="kbEntryText" />
              </EuiFormRow>
              <EuiFormRow helpText={intl.formatMessage(s.alwaysIncludeHelp)}>
                <EuiSwitch label={intl.formatMessage(s.alwaysInclude)} checked={v.required} onChange={(e) => setV({ ...v, required: e.target.checked })} data-test-subj="kbEntryRequired" />
              </EuiFormRow>
            </>
          ) : (
            <>
              <EuiFormRow label={label(intl.formatMessage(s.index), true)} isInvalid={!!shown.index} error={err('index')} fullWidth>
                <SinglePicker
                  value={v.index}
                  options={picker.indices}
                  placeholder={intl.formatMessage(s.pickIndex)}
                  invalid={!!shown.index}
                  onChange={(index) => setV({ ...v, index, field: index === v.index ? v.field : '' })}
                  testSubj="kbEntryIndex"
                />
              </EuiFormRow>
              <EuiFormRow
                label={label(intl.formatMessage(s.field), true)}
                isInvalid={!!shown.field}
                error={err('field')}
                helpText={v.index && indices.data && picker.fields.length === 0 ? intl.formatMessage(s.noTextFields) : undefined}
                fullWidth
              >
                <SinglePicker value={v.field} options={picker.fields} placeholder={intl.formatMessage(s.pickField)} invalid={!!shown.field} onChange={(field) => setV({ ...v, field })} testSubj="kbEntryField" />
              </EuiFormRow>
              <EuiFormRow label={label(intl.formatMessage(s.dataDescription), true)} isInvalid={!!shown.description} error={err('description')} fullWidth>
                <EuiTextArea fullWidth rows={3} value={v.description} isInvalid={!!shown.description} onChange={(e) => setV({ ...v, description: e.target.value })} data-test-subj="kbEntryDescription" />
              </EuiFormRow>
              <EuiFormRow label={label(intl.formatMessage(s.queryInstruction), true)} isInvalid={!!shown.queryDescription} error={err('queryDescription')} fullWidth>
                <EuiTextArea fullWidth rows={3} value={v.queryDescription} isInvalid={!!shown.queryDescription} onChange={(e) => setV({ ...v, queryDescription: e.target.value })} data-test-subj="kbEntryQueryDescription" />
              </EuiFormRow>
              <EuiFormRow label={label(intl.formatMessage(s.outputFields), false)} isInvalid={!!shown.outputFields} error={err('outputFields')} fullWidth>
                <EuiComboBox
                  fullWidth
                  noSuggestions
                  selectedOptions={v.outputFields.map((label) => ({ label }))}
                  onCreateOption={(o) => setV({ ...v, outputFields: [...v.outputFields, o] })}
                  onChange={(sel) => setV({ ...v, outputFields: sel.map((o) => o.label) })}
                />
              </EuiFormRow>
            </>
          )}
        </EuiForm>
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiButtonEmpty onClick={onClose}>{intl.formatMessage(s.cancel)}</EuiButtonEmpty>
        <EuiButton fill onClick={() => void submit()} data-test-subj="kbEntrySave">
          {intl.formatMessage(s.saveForm)}
        </EuiButton>
      </EuiFlyoutFooter>
      {confirmPrivate && (
        <EuiConfirmModal
          title={intl.formatMessage(s.makePrivateCopy)}
          onCancel={() => setConfirmPrivate(false)}
          onConfirm={() => {
            setConfirmPrivate(false);
            void onSave(v);
          }}
          cancelButtonText={intl.formatMessage(s.cancel)}
          confirmButtonText={intl.formatMessage(s.makePrivate)}
          data-test-subj="kbMakePrivateConfirm"
        />
      )}
    </EuiFlyout>
  );
}

function toCreate(v: EntryForm): KbEntryCreate {
  return v.type === 'document'
    ? { type: 'document', name: v.name.trim(), global: v.global, text: v.text, required: v.required }
    : { type: 'index', name: v.name.trim(), global: v.global, index: v.index.trim(), field: v.field.trim(), description: v.description, queryDescription: v.queryDescription, outputFields: v.outputFields, inputSchema: [] };
}

export function KnowledgeBaseTab({ notifications, canEdit, canGlobal }: { notifications: NotificationsStart; canEdit: boolean; canGlobal: boolean }) {
  const intl = useIntl();
  const { api } = useAssistantApi();
  const invalidate = useInvalidate();
  const status = useKbStatus();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(20);
  const entries = useKbEntries(page, perPage, '');
  const [form, setForm] = useState<EntryForm | undefined>();
  const [selected, setSelected] = useState<KbEntry[]>([]);
  const fail = (e: Error) => notifications.toasts.addError(e, { title: intl.formatMessage(s.saveFailed) });
  const editable = (e: KbEntry) => canEdit && e.kbResource !== 'system' && (!e.global || canGlobal);

  const columns: Array<EuiBasicTableColumn<KbEntry>> = [
    { field: 'type', name: intl.formatMessage(s.colType), render: (t: string) => intl.formatMessage(t === 'index' ? s.indexType : s.document) },
    {
      field: 'name',
      name: intl.formatMessage(s.colName),
      render: (name: string, e: KbEntry) => (
        <span>
          {name} {e.type === 'index' && e.indexMissing && <EuiIconTip type="warning" color="warning" content={intl.formatMessage(s.indexMissing)} />}
        </span>
      ),
    },
    { field: 'global', name: intl.formatMessage(s.colSharing), render: (g: boolean) => intl.formatMessage(g ? s.global : s.private) },
    { name: intl.formatMessage(s.colRequired), render: (e: KbEntry) => (e.type === 'document' && e.required ? intl.formatMessage(s.yes) : intl.formatMessage(s.no)) },
    { field: 'createdBy', name: intl.formatMessage(s.colAuthor) },
    { field: 'updatedAt', name: intl.formatMessage(s.colUpdated), render: (d?: string) => (d ? new Date(d).toLocaleString() : '') },
    {
      name: intl.formatMessage(s.colActions),
      actions: [
        {
          name: intl.formatMessage(s.edit),
          description: intl.formatMessage(s.edit),
          icon: 'pencil',
          type: 'icon',
          available: editable,
          onClick: (e) =>
            setForm({
              ...blank(e.type),
              id: e.id,
              name: e.name,
              global: e.global,
              ...(e.type === 'document' ? { text: e.text, required: e.required } : { index: e.index, field: e.field, description: e.description, queryDescription: e.queryDescription, outputFields: e.outputFields ?? [] }),
            }),
          'data-test-subj': 'kbEntryEdit',
        },
        { name: intl.formatMessage(s.delete), description: intl.formatMessage(s.delete), icon: 'trash', type: 'icon', color: 'danger', available: editable, onClick: (e) => void api.deleteKbEntry(e.id).then(() => invalidate('kb'), fail), 'data-test-subj': 'kbEntryDelete' },
      ],
    },
  ];

  return (
    <div data-test-subj="settingsKnowledgeBaseTab">
      <EuiPanel hasBorder paddingSize="s" data-test-subj="kbStatusPanel">
        <EuiFlexGroup alignItems="center" responsive={false}>
          <EuiFlexItem>
            <EuiText size="s">
              {status.data &&
                intl.formatMessage(s.kbMode, {
                  mode: status.data.mode === 'semantic' ? intl.formatMessage(s.kbSemantic, { inference: status.data.semantic.inference_id ?? '' }) : intl.formatMessage(s.kbKeyword),
                })}{' '}
              · {status.data && intl.formatMessage(s.kbEntries, { count: status.data.entry_count })}
            </EuiText>
          </EuiFlexItem>
          {status.data && status.data.mode === 'lexical' && status.data.semantic.available && canGlobal && (
            <EuiFlexItem grow={false}>
              <EuiButton size="s" onClick={() => void api.enableSemanticKb().then(() => invalidate('kb'), fail)}>
                {intl.formatMessage(s.kbEnableSemantic)}
              </EuiButton>
            </EuiFlexItem>
          )}
        </EuiFlexGroup>
        {status.data?.degraded_reason && <EuiCallOut size="s" color="warning" title={intl.formatMessage(s.kbDegraded, { reason: status.data.degraded_reason })} />}
      </EuiPanel>
      <EuiSpacer size="m" />
      {canEdit && (
        <>
          <EuiButton iconType="documentation" onClick={() => setForm(blank('document'))} data-test-subj="kbAddDocument">
            {intl.formatMessage(s.addDocument)}
          </EuiButton>{' '}
          <EuiButton iconType="index" onClick={() => setForm(blank('index'))} data-test-subj="kbAddIndex">
            {intl.formatMessage(s.addIndex)}
          </EuiButton>{' '}
          <EuiButtonEmpty color="danger" disabled={selected.length === 0} onClick={() => void api.bulkKbEntries({ delete: { ids: selected.map((e) => e.id) } }).then(() => (setSelected([]), invalidate('kb')), fail)}>
            {intl.formatMessage(s.deleteSelected, { count: selected.length })}
          </EuiButtonEmpty>
        </>
      )}
      <EuiSpacer size="m" />
      <EuiBasicTable
        items={entries.data?.data ?? []}
        itemId="id"
        columns={columns}
        loading={entries.isLoading}
        tableCaption={intl.formatMessage(s.tab_knowledge_base)}
        pagination={{ pageIndex: page, pageSize: perPage, totalItemCount: entries.data?.total ?? 0, pageSizeOptions: [10, 20, 50, 100] }}
        onChange={({ page: p }: CriteriaWithPagination<KbEntry>) => p && (setPage(p.index), setPerPage(p.size))}
        selection={canEdit ? { selectable: editable, selected, onSelectionChange: setSelected } : undefined}
      />
      {form && (
        <EntryFormFlyout
          initial={form}
          canGlobal={canGlobal}
          semantic={status.data?.mode === 'semantic'}
          onClose={() => setForm(undefined)}
          onSave={async (v) => {
            try {
              if (v.id) {
                // `type` is immutable: the update schema (K5) rejects it.
                const { type: _type, ...patch } = toCreate(v);
                await api.updateKbEntry(v.id, patch);
              }
              else await api.createKbEntry(toCreate(v));
              setForm(undefined);
              notifications.toasts.addSuccess(intl.formatMessage(s.saved));
              await invalidate('kb');
            } catch (e) {
              fail(e as Error);
            }
          }}
        />
      )}
    </div>
  );
}
