/**
 * The flyout (§1.1): right side, resizable (min 400 px, default 640 px), no overlay mask or focus lock
 * (`ownFocus={false}`), history panel adding 220 px. Closing it keeps drafts and streams alive (UX-3).
 */
import { EuiFlexGroup, EuiFlexItem, EuiFlyout, EuiModal, EuiModalBody } from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { NotificationsStart } from '../../../platform/core/public';
import { useCapabilities } from '../../api';
import { SettingsPage } from '../../settings';
import { ConversationHistory } from '../history/conversation_history';
import { flyoutWidthKey, safeGet, safeSet, useAssistantService, useAssistantState } from '../service';
import { messages as t } from '../translations';
import { ConversationPane } from './conversation_pane';

export const FLYOUT_MIN_WIDTH = 400;
export const FLYOUT_DEFAULT_WIDTH = 640;
export const HISTORY_WIDTH = 220;

export interface AssistantFlyoutProps {
  notifications: NotificationsStart;
  notesAvailable: boolean;
  storage?: Storage;
}

function SettingsModal({ notifications }: { notifications: NotificationsStart }) {
  const service = useAssistantService();
  const tab = useAssistantState((s) => s.settingsTab);
  if (!tab) return null;
  return (
    <EuiModal onClose={() => service.openSettings(undefined)} maxWidth={1200} style={{ width: '90vw' }} data-test-subj="assistantSettingsModal">
      <EuiModalBody>
        <SettingsPage tab={tab} onTabChange={(next) => service.openSettings(next)} notifications={notifications} />
      </EuiModalBody>
    </EuiModal>
  );
}

export function AssistantFlyout({ notifications, notesAvailable, storage }: AssistantFlyoutProps) {
  const intl = useIntl();
  const service = useAssistantService();
  const isOpen = useAssistantState((s) => s.isOpen);
  const capabilities = useCapabilities();
  const [historyOpen, setHistoryOpen] = useState(true);
  const [width, setWidth] = useState(() => Math.max(FLYOUT_MIN_WIDTH, Number(safeGet(storage, flyoutWidthKey)) || FLYOUT_DEFAULT_WIDTH));
  if (!isOpen) return null;
  const total = width + (historyOpen ? HISTORY_WIDTH : 0);
  return (
    <>
      <EuiFlyout
        key={historyOpen ? 'with-history' : 'without-history'}
        side="right"
        ownFocus={false}
        resizable
        minWidth={FLYOUT_MIN_WIDTH + (historyOpen ? HISTORY_WIDTH : 0)}
        size={total}
        onResize={(w) => {
          const next = Math.max(FLYOUT_MIN_WIDTH, w - (historyOpen ? HISTORY_WIDTH : 0));
          setWidth(next);
          safeSet(storage, flyoutWidthKey, String(next));
        }}
        paddingSize="none"
        onClose={() => service.close()}
        aria-label={intl.formatMessage(t.flyoutLabel)}
        data-test-subj="assistantFlyout"
      >
        <EuiFlexGroup gutterSize="none" responsive={false} style={{ height: '100%' }}>
          {historyOpen && (
            <EuiFlexItem grow={false} style={{ width: HISTORY_WIDTH, padding: 8, borderRight: '1px solid rgba(0,0,0,0.1)' }}>
              <ConversationHistory readOnly={capabilities.data ? !capabilities.data.assistantAll : true} onError={(title, error) => notifications.toasts.addError(error, { title })} />
            </EuiFlexItem>
          )}
          <EuiFlexItem style={{ minWidth: 0 }}>
            <ConversationPane notifications={notifications} width={width} notesAvailable={notesAvailable} onToggleHistory={() => setHistoryOpen((o) => !o)} />
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyout>
      <SettingsModal notifications={notifications} />
    </>
  );
}
