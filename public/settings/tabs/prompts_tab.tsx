/** System prompts and Quick prompts tabs (§2): one table each, edits collected behind Cancel / Save (N). */
import {
  EuiBadge,
  EuiBasicTable,
  EuiButton,
  EuiButtonEmpty,
  EuiCheckbox,
  EuiColorPicker,
  EuiComboBox,
  EuiFieldText,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiFormRow,
  EuiSpacer,
  EuiTextArea,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { NotificationsStart } from '../../../platform/core/public';
import { useAssistantApi, useInvalidate, usePrompts, type ConversationType, type Prompt, type PromptCreate, type PromptUpdate } from '../../api';
import { bulkProblems } from '../bulk_result';
import { SaveBar } from '../save_bar';
import { s } from '../translations';
import { usePendingChanges } from '../use_pending_changes';
import { QUICK_PROMPT_CATEGORIES, randomColor, validateQuickPrompt, validateSystemPrompt } from '../validation';

interface FormValues {
  id?: string;
  name: string;
  content: string;
  color: string;
  categories: string[];
  defaultForConversationTypes: ConversationType[];
  isNewConversationDefault: boolean;
}

type Row = Prompt & { pending?: 'create' | 'update' | 'delete' };

function PromptForm({ type, initial, otherNames, onDone, onClose }: { type: 'system' | 'quick'; initial: FormValues; otherNames: string[]; onDone(v: FormValues): void; onClose(): void }) {
  const intl = useIntl();
  const [v, setV] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const errors: Partial<Record<string, string>> = type === 'system' ? validateSystemPrompt(v, otherNames) : validateQuickPrompt(v, otherNames);
  const shown = submitted ? errors : {};
  const err = (k: string) => (shown[k] ? [intl.formatMessage(s[`err_${shown[k] as 'required'}`])] : undefined);
  const options = QUICK_PROMPT_CATEGORIES.map((c) => ({ label: c }));
  const submit = () => {
    setSubmitted(true);
    if (Object.keys(errors).length === 0) onDone(v);
  };
  return (
    <EuiFlyout onClose={onClose} size="s" ownFocus data-test-subj="promptFormFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h3>{intl.formatMessage(type === 'system' ? s.addSystemPrompt : s.addQuickPrompt)}</h3>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        <EuiForm component="form" isInvalid={submitted && Object.keys(errors).length > 0} onSubmit={(e) => (e.preventDefault(), submit())}>
          <EuiFormRow label={intl.formatMessage(s.promptName)} isInvalid={!!shown.name} error={err('name')} fullWidth>
            <EuiFieldText fullWidth value={v.name} isInvalid={!!shown.name} onChange={(e) => setV({ ...v, name: e.target.value })} data-test-subj="promptName" />
          </EuiFormRow>
          <EuiFormRow label={intl.formatMessage(s.promptText)} isInvalid={!!shown.content} error={err('content')} fullWidth>
            <EuiTextArea fullWidth rows={8} value={v.content} isInvalid={!!shown.content} onChange={(e) => setV({ ...v, content: e.target.value })} data-test-subj="promptContent" />
          </EuiFormRow>
          {type === 'system' ? (
            <>
              <EuiFormRow label={intl.formatMessage(s.defaultForTypes)} fullWidth>
                <EuiComboBox
                  fullWidth
                  options={options}
                  selectedOptions={v.defaultForConversationTypes.map((label) => ({ label }))}
                  onChange={(sel) => setV({ ...v, defaultForConversationTypes: sel.map((o) => o.label as ConversationType) })}
                />
              </EuiFormRow>
              <EuiCheckbox id="useForAll" label={intl.formatMessage(s.useForAll)} checked={v.isNewConversationDefault} onChange={(e) => setV({ ...v, isNewConversationDefault: e.target.checked })} />
            </>
          ) : (
            <>
              <EuiFormRow label={intl.formatMessage(s.contexts)} isInvalid={!!shown.categories} error={err('categories')} fullWidth>
                <EuiComboBox fullWidth options={options} selectedOptions={v.categories.map((label) => ({ label }))} onChange={(sel) => setV({ ...v, categories: sel.map((o) => o.label) })} data-test-subj="promptContexts" />
              </EuiFormRow>
              <EuiFormRow label={intl.formatMessage(s.color)} isInvalid={!!shown.color} error={err('color')}>
                <EuiColorPicker color={v.color} isInvalid={!!shown.color} onChange={(color) => setV({ ...v, color })} data-test-subj="promptColor" />
              </EuiFormRow>
            </>
          )}
        </EuiForm>
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiButtonEmpty onClick={onClose}>{intl.formatMessage(s.cancel)}</EuiButtonEmpty>
        <EuiButton fill onClick={submit} data-test-subj="promptFormSubmit">
          {intl.formatMessage(s.saveForm)}
        </EuiButton>
      </EuiFlyoutFooter>
    </EuiFlyout>
  );
}

export function PromptsTab({ type, notifications, canEdit }: { type: 'system' | 'quick'; notifications: NotificationsStart; canEdit: boolean }) {
  const intl = useIntl();
  const { api } = useAssistantApi();
  const prompts = usePrompts();
  const invalidate = useInvalidate();
  const pending = usePendingChanges<PromptCreate, Omit<PromptUpdate, 'id'>>();
  const [form, setForm] = useState<FormValues | undefined>();
  const [selected, setSelected] = useState<Row[]>([]);
  const [saving, setSaving] = useState(false);

  const stored = (prompts.data ?? []).filter((p) => p.promptType === type);
  const rows: Row[] = [
    ...stored.map((p): Row => {
      const u = pending.updates[p.id];
      return { ...p, ...(u ?? {}), pending: pending.deletes.includes(p.id) ? 'delete' : u ? 'update' : undefined } as Row;
    }),
    ...pending.creates.map((c, i): Row => ({ ...(c as Prompt), id: `pending-${i}`, isDefault: false, pending: 'create' })),
  ];
  const names = (excludeId?: string) => rows.filter((r) => r.id !== excludeId).map((r) => r.name);

  const blank = (): FormValues => ({ name: '', content: '', color: randomColor(), categories: [], defaultForConversationTypes: [], isNewConversationDefault: false });
  const fromPrompt = (p: Prompt, keepId: boolean): FormValues => ({
    id: keepId ? p.id : undefined,
    name: keepId ? p.name : `${p.name} (copy)`,
    content: p.content,
    color: p.promptType === 'quick' ? p.color : randomColor(),
    categories: p.promptType === 'quick' ? (p.categories ?? []) : [],
    defaultForConversationTypes: p.promptType === 'system' ? (p.defaultForConversationTypes ?? []) : [],
    isNewConversationDefault: p.promptType === 'system' ? p.isNewConversationDefault === true : false,
  });

  const save = async () => {
    setSaving(true);
    try {
      const res = await api.bulkPrompts({
        ...(pending.creates.length ? { create: pending.creates } : {}),
        ...(Object.keys(pending.updates).length
          ? { update: Object.entries(pending.updates).filter(([id]) => !pending.deletes.includes(id)).map(([id, u]) => ({ id, ...u })) }
          : {}),
        ...(pending.deletes.length ? { delete: { ids: pending.deletes } } : {}),
      });
      const problems = bulkProblems(res);
      if (problems) notifications.toasts.addWarning(problems);
      else notifications.toasts.addSuccess(intl.formatMessage(s.saved));
      pending.reset();
      await invalidate('prompts');
    } catch (e) {
      notifications.toasts.addError(e as Error, { title: intl.formatMessage(s.saveFailed) });
    } finally {
      setSaving(false);
    }
  };

  const columns: Array<EuiBasicTableColumn<Row>> = [
    {
      field: 'name',
      name: intl.formatMessage(s.colName),
      render: (name: string, p: Row) => (
        <span style={p.pending === 'delete' ? { textDecoration: 'line-through' } : undefined}>
          {p.promptType === 'quick' && <EuiBadge color={p.color}>&nbsp;</EuiBadge>} {name} {p.promptType === 'system' && p.isNewConversationDefault && '★'}{' '}
          {p.isDefault && <EuiBadge color="hollow">{intl.formatMessage(s.builtIn)}</EuiBadge>}
        </span>
      ),
    },
    type === 'system'
      ? { name: intl.formatMessage(s.colDefaultFor), render: (p: Row) => (p.promptType === 'system' ? (p.defaultForConversationTypes ?? []).join(', ') : '') }
      : { name: intl.formatMessage(s.colContexts), render: (p: Row) => (p.promptType === 'quick' && p.categories?.length ? p.categories.join(', ') : intl.formatMessage(s.everywhere)) },
    { field: 'updatedAt', name: intl.formatMessage(s.colUpdated), render: (d?: string) => (d ? new Date(d).toLocaleString() : '') },
    {
      name: intl.formatMessage(s.colActions),
      actions: [
        { name: intl.formatMessage(s.edit), description: intl.formatMessage(s.edit), icon: 'pencil', type: 'icon', available: (p) => canEdit && !p.isDefault && p.pending !== 'create', onClick: (p) => setForm(fromPrompt(p, true)), 'data-test-subj': 'promptEdit' },
        { name: intl.formatMessage(s.duplicate), description: intl.formatMessage(s.duplicate), icon: 'copy', type: 'icon', available: () => canEdit, onClick: (p) => setForm(fromPrompt(p, false)), 'data-test-subj': 'promptDuplicate' },
        { name: intl.formatMessage(s.delete), description: intl.formatMessage(s.delete), icon: 'trash', type: 'icon', color: 'danger', available: (p) => canEdit && !p.isDefault && p.pending !== 'create', onClick: (p) => pending.toggleDelete([p.id]), 'data-test-subj': 'promptDelete' },
      ],
    },
  ];

  return (
    <div data-test-subj={`settingsPromptsTab-${type}`}>
      {canEdit && (
        <>
          <EuiButton iconType="plusInCircle" onClick={() => setForm(blank())} data-test-subj="settingsAddPrompt">
            {intl.formatMessage(type === 'system' ? s.addSystemPrompt : s.addQuickPrompt)}
          </EuiButton>{' '}
          <EuiButtonEmpty color="danger" iconType="trash" disabled={selected.length === 0} onClick={() => pending.toggleDelete(selected.map((p) => p.id))}>
            {intl.formatMessage(s.deleteSelected, { count: selected.length })}
          </EuiButtonEmpty>
        </>
      )}
      <EuiSpacer size="m" />
      <EuiBasicTable
        items={rows}
        itemId="id"
        columns={columns}
        loading={prompts.isLoading}
        tableCaption={intl.formatMessage(type === 'system' ? s.tab_system_prompts : s.tab_quick_prompts)}
        selection={canEdit ? { selectable: (p: Row) => !p.isDefault && p.pending !== 'create', selected, onSelectionChange: setSelected } : undefined}
      />
      {form && (
        <PromptForm
          type={type}
          initial={form}
          otherNames={names(form.id)}
          onClose={() => setForm(undefined)}
          onDone={(v) => {
            setForm(undefined);
            const body =
              type === 'system'
                ? { name: v.name.trim(), content: v.content, isNewConversationDefault: v.isNewConversationDefault, defaultForConversationTypes: v.defaultForConversationTypes }
                : { name: v.name.trim(), content: v.content, color: v.color, categories: v.categories };
            if (v.id) pending.setUpdate(v.id, body);
            else pending.addCreate({ promptType: type, ...body } as PromptCreate);
          }}
        />
      )}
      <SaveBar count={pending.count} saving={saving} onCancel={pending.reset} onSave={() => void save()} />
    </div>
  );
}
