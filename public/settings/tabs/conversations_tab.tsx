/** Conversations tab (§2): server-paged table; edits and deletes collected behind Save (N), one `_bulk_action`. */
import {
  EuiBasicTable,
  EuiButton,
  EuiButtonEmpty,
  EuiConfirmModal,
  EuiFieldText,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiFormRow,
  EuiLink,
  EuiSelect,
  EuiSpacer,
  EuiSwitch,
  EuiTitle,
  type CriteriaWithPagination,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { NotificationsStart } from '../../../platform/core/public';
import { queryKeys, useAssistantApi, useConnectors, useInvalidate, usePrompts, type ApiConfig, type Conversation } from '../../api';
import { useAssistantService, useAssistantState } from '../../assistant/service';
import { bulkProblems } from '../bulk_result';
import { SaveBar } from '../save_bar';
import { s } from '../translations';
import { usePendingChanges } from '../use_pending_changes';
import { validateConversationEdit } from '../validation';

type Patch = { title?: string; apiConfig?: ApiConfig };

export function ConversationsTab({ notifications, canEdit }: { notifications: NotificationsStart; canEdit: boolean }) {
  const intl = useIntl();
  const { api, spaceId } = useAssistantApi();
  const invalidate = useInvalidate();
  const connectors = useConnectors();
  const prompts = usePrompts();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(20);
  const [selected, setSelected] = useState<Conversation[]>([]);
  const [editing, setEditing] = useState<{ id: string; title: string; connectorId: string; promptId: string; model: string } | undefined>();
  const [submitted, setSubmitted] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string[] | undefined>();
  const [saving, setSaving] = useState(false);
  const pending = usePendingChanges<never, Patch>();
  const service = useAssistantService();
  const streamingSaved = useAssistantState((st) => st.streamingEnabled);
  // The Streaming switch is one more pending change, applied with the others on Save.
  const [streamingDraft, setStreamingDraft] = useState<boolean | undefined>();
  const streamingShown = streamingDraft ?? streamingSaved;
  const pendingCount = pending.count + (streamingDraft !== undefined && streamingDraft !== streamingSaved ? 1 : 0);
  const cancel = () => {
    pending.reset();
    setStreamingDraft(undefined);
  };
  const table = useQuery({
    queryKey: queryKeys.conversationTable(spaceId, page, perPage),
    queryFn: () => api.findConversations({ page: page + 1, perPage, sortField: 'updated_at', sortOrder: 'desc', fields: ['id', 'title', 'updatedAt', 'apiConfig', 'messageCount', 'conversationType'] }),
    placeholderData: keepPreviousData,
  });
  const connectorList = connectors.data?.connectors ?? [];
  const systemPrompts = (prompts.data ?? []).filter((p) => p.promptType === 'system');
  const rows = (table.data?.data ?? []).map((c) => ({ ...c, ...(pending.updates[c.id] ?? {}) }));

  const save = async () => {
    setSaving(true);
    try {
      if (streamingDraft !== undefined) service.setStreamingEnabled(streamingDraft);
      setStreamingDraft(undefined);
      const update = Object.entries(pending.updates).filter(([id]) => !pending.deletes.includes(id)).map(([id, p]) => ({ id, ...p }));
      const problems = update.length || pending.deletes.length ? bulkProblems(await api.bulkConversations({ ...(update.length ? { update } : {}), ...(pending.deletes.length ? { delete: { ids: pending.deletes } } : {}) })) : undefined;
      if (problems) notifications.toasts.addWarning(problems);
      else notifications.toasts.addSuccess(intl.formatMessage(s.saved));
      pending.reset();
      setSelected([]);
      await invalidate('conversations');
    } catch (e) {
      notifications.toasts.addError(e as Error, { title: intl.formatMessage(s.saveFailed) });
    } finally {
      setSaving(false);
    }
  };

  const editConnector = connectorList.find((c) => c.id === editing?.connectorId);
  const editErrors = editing ? validateConversationEdit({ title: editing.title, model: editing.model, modelRequired: editConnector?.provider === 'Other' && !editConnector.defaultModel }) : {};
  const shown = submitted ? editErrors : {};

  const columns: Array<EuiBasicTableColumn<Conversation>> = [
    {
      field: 'title',
      name: intl.formatMessage(s.colTitle),
      render: (title: string, c: Conversation) => (
        <EuiLink
          disabled={!canEdit}
          onClick={() => setEditing({ id: c.id, title, connectorId: c.apiConfig?.connectorId ?? '', promptId: c.apiConfig?.defaultSystemPromptId ?? '', model: c.apiConfig?.model ?? '' })}
          style={pending.deletes.includes(c.id) ? { textDecoration: 'line-through' } : undefined}
          data-test-subj="conversationsTableTitle"
        >
          {title || '—'}
        </EuiLink>
      ),
    },
    { name: intl.formatMessage(s.colSystemPrompt), render: (c: Conversation) => systemPrompts.find((p) => p.id === c.apiConfig?.defaultSystemPromptId)?.name ?? '' },
    {
      name: intl.formatMessage(s.colConnector),
      render: (c: Conversation) => (c.apiConfig ? (connectorList.find((x) => x.id === c.apiConfig?.connectorId)?.name ?? intl.formatMessage(s.missing)) : ''),
    },
    { name: intl.formatMessage(s.colModel), render: (c: Conversation) => c.apiConfig?.model ?? '' },
    { field: 'messageCount', name: intl.formatMessage(s.colMessages), width: '90px' },
    { field: 'updatedAt', name: intl.formatMessage(s.colUpdated), render: (d: string) => new Date(d).toLocaleString() },
    {
      name: intl.formatMessage(s.colActions),
      actions: [
        { name: intl.formatMessage(s.export), description: intl.formatMessage(s.export), icon: 'export', type: 'icon', href: (c) => api.exportConversationsUrl([c.id]) },
        { name: intl.formatMessage(s.delete), description: intl.formatMessage(s.delete), icon: 'trash', type: 'icon', color: 'danger', available: () => canEdit, onClick: (c) => pending.toggleDelete([c.id]) },
      ],
    },
  ];

  return (
    <div data-test-subj="settingsConversationsTab">
      <EuiFormRow helpText={intl.formatMessage(s.streamingHelp)}>
        <EuiSwitch label={intl.formatMessage(s.streaming)} checked={streamingShown} onChange={(e) => setStreamingDraft(e.target.checked)} data-test-subj="conversationsStreaming" />
      </EuiFormRow>
      <EuiSpacer size="s" />
      {canEdit && (
        <>
          <EuiButtonEmpty color="danger" iconType="trash" disabled={selected.length === 0} onClick={() => setConfirmDelete(selected.map((c) => c.id))} data-test-subj="conversationsDeleteSelected">
            {intl.formatMessage(s.deleteSelected, { count: selected.length })}
          </EuiButtonEmpty>
          {selected.length > 0 && (
            <EuiButtonEmpty iconType="export" href={api.exportConversationsUrl(selected.map((c) => c.id))}>
              {intl.formatMessage(s.export)}
            </EuiButtonEmpty>
          )}
        </>
      )}
      <EuiSpacer size="s" />
      <EuiBasicTable
        items={rows}
        itemId="id"
        columns={columns}
        loading={table.isLoading}
        tableCaption={intl.formatMessage(s.tab_conversations)}
        pagination={{ pageIndex: page, pageSize: perPage, totalItemCount: table.data?.total ?? 0, pageSizeOptions: [10, 20, 50, 100] }}
        onChange={({ page: p }: CriteriaWithPagination<Conversation>) => p && (setPage(p.index), setPerPage(p.size))}
        selection={canEdit ? { selected, onSelectionChange: setSelected } : undefined}
      />
      {confirmDelete && (
        <EuiConfirmModal
          title={intl.formatMessage(s.deleteConfirm, { count: confirmDelete.length })}
          onCancel={() => setConfirmDelete(undefined)}
          onConfirm={() => {
            pending.toggleDelete(confirmDelete);
            setConfirmDelete(undefined);
          }}
          cancelButtonText={intl.formatMessage(s.cancel)}
          confirmButtonText={intl.formatMessage(s.delete)}
          buttonColor="danger"
        />
      )}
      {editing && (
        <EuiFlyout onClose={() => setEditing(undefined)} size="s" ownFocus data-test-subj="conversationEditFlyout">
          <EuiFlyoutHeader hasBorder>
            <EuiTitle size="s">
              <h3>{intl.formatMessage(s.editConversation)}</h3>
            </EuiTitle>
          </EuiFlyoutHeader>
          <EuiFlyoutBody>
            <EuiForm component="form" isInvalid={submitted && Object.keys(editErrors).length > 0}>
              <EuiFormRow label={intl.formatMessage(s.colTitle)} isInvalid={!!shown.title} error={shown.title ? [intl.formatMessage(s[`err_${shown.title}`])] : undefined} fullWidth>
                <EuiFieldText fullWidth value={editing.title} isInvalid={!!shown.title} onChange={(e) => setEditing({ ...editing, title: e.target.value })} data-test-subj="conversationEditTitle" />
              </EuiFormRow>
              <EuiFormRow label={intl.formatMessage(s.colSystemPrompt)} fullWidth>
                <EuiSelect fullWidth hasNoInitialSelection options={systemPrompts.map((p) => ({ value: p.id, text: p.name }))} value={editing.promptId} onChange={(e) => setEditing({ ...editing, promptId: e.target.value })} data-test-subj="conversationEditSystemPrompt" />
              </EuiFormRow>
              <EuiFormRow label={intl.formatMessage(s.colConnector)} fullWidth>
                <EuiSelect fullWidth hasNoInitialSelection options={connectorList.map((c) => ({ value: c.id, text: c.name }))} value={editing.connectorId} onChange={(e) => setEditing({ ...editing, connectorId: e.target.value })} data-test-subj="conversationEditConnector" />
              </EuiFormRow>
              {editConnector?.actionTypeId === '.gen-ai' && (
                <EuiFormRow label={intl.formatMessage(s.colModel)} isInvalid={!!shown.model} error={shown.model ? [intl.formatMessage(s[`err_${shown.model}`])] : undefined} fullWidth>
                  <EuiFieldText fullWidth value={editing.model} placeholder={editConnector.defaultModel} isInvalid={!!shown.model} onChange={(e) => setEditing({ ...editing, model: e.target.value })} />
                </EuiFormRow>
              )}
            </EuiForm>
          </EuiFlyoutBody>
          <EuiFlyoutFooter>
            <EuiButtonEmpty onClick={() => setEditing(undefined)}>{intl.formatMessage(s.cancel)}</EuiButtonEmpty>
            <EuiButton
              fill
              data-test-subj="conversationEditSubmit"
              onClick={() => {
                setSubmitted(true);
                if (Object.keys(editErrors).length > 0) return;
                const c = editConnector;
                pending.setUpdate(editing.id, {
                  title: editing.title.trim(),
                  ...(c
                    ? { apiConfig: { connectorId: c.id, actionTypeId: c.actionTypeId, provider: c.provider, ...(editing.model.trim() || c.defaultModel ? { model: editing.model.trim() || c.defaultModel } : {}), ...(editing.promptId ? { defaultSystemPromptId: editing.promptId } : {}) } }
                    : {}),
                });
                setSubmitted(false);
                setEditing(undefined);
              }}
            >
              {intl.formatMessage(s.saveForm)}
            </EuiButton>
          </EuiFlyoutFooter>
        </EuiFlyout>
      )}
      <SaveBar count={pendingCount} saving={saving} onCancel={cancel} onSave={() => void save()} />
    </div>
  );
}
