/** UX-1: history panel — New chat, search, date groups, rename/delete per row, paging with no cap. */
import {
  EuiButton,
  EuiButtonEmpty,
  EuiButtonIcon,
  EuiConfirmModal,
  EuiContextMenuItem,
  EuiContextMenuPanel,
  EuiFieldSearch,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiListGroup,
  EuiListGroupItem,
  EuiLoadingSpinner,
  EuiPopover,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { queryKeys, useAssistantApi, useConversationHistory, type Conversation } from '../../api';
import { useAssistantService, useAssistantState } from '../service';
import { messages as t } from '../translations';
import { groupByDate } from './date_groups';

export interface ConversationHistoryProps {
  onError(title: string, error: Error): void;
  readOnly: boolean;
}

function RowMenu({ conversation, onRename, onDelete }: { conversation: Conversation; onRename(): void; onDelete(): void }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const title = conversation.title || intl.formatMessage(t.untitled);
  return (
    <EuiPopover
      isOpen={open}
      closePopover={() => setOpen(false)}
      panelPaddingSize="none"
      button={
        <EuiButtonIcon
          iconType="boxesVertical"
          size="xs"
          aria-label={intl.formatMessage(t.rowActions, { title })}
          onClick={() => setOpen((o) => !o)}
          data-test-subj="assistantHistoryRowMenu"
        />
      }
    >
      <EuiContextMenuPanel
        items={[
          <EuiContextMenuItem key="rename" icon="pencil" onClick={() => (setOpen(false), onRename())} data-test-subj="assistantHistoryRename">
            {intl.formatMessage(t.rename)}
          </EuiContextMenuItem>,
          <EuiContextMenuItem key="delete" icon="trash" onClick={() => (setOpen(false), onDelete())} data-test-subj="assistantHistoryDelete">
            {intl.formatMessage(t.delete)}
          </EuiContextMenuItem>,
        ]}
      />
    </EuiPopover>
  );
}

export function ConversationHistory({ onError, readOnly }: ConversationHistoryProps) {
  const intl = useIntl();
  const service = useAssistantService();
  const { api, spaceId } = useAssistantApi();
  const queryClient = useQueryClient();
  const activeKey = useAssistantState((s) => s.activeKey);
  const [search, setSearch] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; title: string } | undefined>();
  const [deleting, setDeleting] = useState<Conversation | undefined>();
  const history = useConversationHistory(search);
  const rows = useMemo(() => history.data?.pages.flatMap((p) => p.data) ?? [], [history.data]);
  const groups = useMemo(() => groupByDate(rows, (c) => c.updatedAt, new Date()), [rows]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations(spaceId) });

  const saveRename = async () => {
    if (!renaming) return;
    const title = renaming.title.trim();
    setRenaming(undefined);
    if (!title) return;
    try {
      await api.updateConversation(renaming.id, { title: title.slice(0, 255) });
      await refresh();
    } catch (e) {
      onError(intl.formatMessage(t.renameFailed), e as Error);
    }
  };

  const confirmDelete = async () => {
    const target = deleting;
    setDeleting(undefined);
    if (!target) return;
    try {
      await api.deleteConversation(target.id);
      queryClient.removeQueries({ queryKey: queryKeys.conversation(spaceId, target.id) });
      if (activeKey === target.id) {
        const newest = rows.find((r) => r.id !== target.id);
        service.handleMissingConversation(target.id, newest?.id);
      }
      await refresh();
    } catch (e) {
      onError(intl.formatMessage(t.deleteFailed), e as Error);
    }
  };

  return (
    <div data-test-subj="assistantHistory" style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <EuiButton size="s" iconType="plus" fullWidth onClick={() => service.startDraft()} isDisabled={readOnly} data-test-subj="assistantNewChat">
        {intl.formatMessage(t.newChat)}
      </EuiButton>
      <EuiSpacer size="s" />
      <EuiFieldSearch
        compressed
        fullWidth
        incremental
        placeholder={intl.formatMessage(t.searchHistory)}
        aria-label={intl.formatMessage(t.searchHistory)}
        onSearch={setSearch}
        data-test-subj="assistantHistorySearch"
      />
      <EuiSpacer size="s" />
      <div style={{ overflowY: 'auto', flex: 1 }}>
        {history.isLoading && <EuiLoadingSpinner />}
        {!history.isLoading && rows.length === 0 && (
          <EuiText size="xs" color="subdued">
            {intl.formatMessage(search ? t.historyNoMatch : t.historyEmpty)}
          </EuiText>
        )}
        {groups.map((group) => (
          <div key={group.id} data-test-subj={`assistantHistoryGroup-${group.id}`}>
            <EuiTitle size="xxxs">
              <h4>{intl.formatMessage(t[`group_${group.id}`])}</h4>
            </EuiTitle>
            <EuiListGroup maxWidth={false}>
              {group.items.map((c) =>
                renaming?.id === c.id ? (
                  <EuiFieldText
                    key={c.id}
                    compressed
                    autoFocus
                    value={renaming.title}
                    aria-label={intl.formatMessage(t.titleLabel)}
                    onChange={(e) => setRenaming({ id: c.id, title: e.target.value })}
                    onBlur={() => void saveRename()}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') void saveRename();
                      if (e.key === 'Escape') {
                        e.stopPropagation();
                        setRenaming(undefined);
                      }
                    }}
                    data-test-subj="assistantHistoryRenameInput"
                  />
                ) : (
                  <EuiFlexGroup key={c.id} gutterSize="none" alignItems="center" responsive={false}>
                    <EuiFlexItem style={{ minWidth: 0 }}>
                      <EuiListGroupItem
                        label={c.title || intl.formatMessage(t.untitled)}
                        isActive={c.id === activeKey}
                        onClick={() => service.selectConversation(c.id)}
                        data-test-subj="assistantHistoryItem"
                      />
                    </EuiFlexItem>
                    {!readOnly && (
                      <EuiFlexItem grow={false}>
                        <RowMenu conversation={c} onRename={() => setRenaming({ id: c.id, title: c.title })} onDelete={() => setDeleting(c)} />
                      </EuiFlexItem>
                    )}
                  </EuiFlexGroup>
                ),
              )}
            </EuiListGroup>
          </div>
        ))}
        {history.hasNextPage && (
          <EuiButtonEmpty size="xs" isLoading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()} data-test-subj="assistantHistoryLoadMore">
            {intl.formatMessage(t.loadMore)}
          </EuiButtonEmpty>
        )}
      </div>
      {deleting && (
        <EuiConfirmModal
          title={intl.formatMessage(t.deleteConfirmTitle, { title: deleting.title || intl.formatMessage(t.untitled) })}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => void confirmDelete()}
          cancelButtonText={intl.formatMessage(t.cancel)}
          confirmButtonText={intl.formatMessage(t.deleteConfirmButton)}
          buttonColor="danger"
          data-test-subj="assistantDeleteConfirm"
        />
      )}
    </div>
  );
}
