/** The settings tabs (§2), shared by the Stack Management app and the flyout's settings modal. */
import { EuiSpacer, EuiTab, EuiTabs, EuiTitle } from '@elastic/eui';
import { useIntl } from 'react-intl';
import type { NotificationsStart } from '../../platform/core/public';
import { useCapabilities } from '../api';
import { AnonymizationTab } from './tabs/anonymization_tab';
import { ConnectorsTab } from './tabs/connectors_tab';
import { ConversationsTab } from './tabs/conversations_tab';
import { KnowledgeBaseTab } from './tabs/knowledge_base_tab';
import { PromptsTab } from './tabs/prompts_tab';
import { s } from './translations';

export const SETTINGS_TABS = ['conversations', 'connectors', 'system_prompts', 'quick_prompts', 'anonymization', 'knowledge_base'] as const;
export type SettingsTabId = (typeof SETTINGS_TABS)[number];

export function isSettingsTab(value: string | null | undefined): value is SettingsTabId {
  return SETTINGS_TABS.includes(value as SettingsTabId);
}

export function SettingsPage({ tab, onTabChange, notifications }: { tab: string; onTabChange(tab: SettingsTabId): void; notifications: NotificationsStart }) {
  const intl = useIntl();
  const capabilities = useCapabilities();
  const caps = capabilities.data;
  const current: SettingsTabId = isSettingsTab(tab) ? tab : 'conversations';
  const canEdit = caps?.assistantAll === true;
  return (
    <div data-test-subj="assistantSettingsPage">
      <EuiTitle size="m">
        <h2>{intl.formatMessage(s.title)}</h2>
      </EuiTitle>
      <EuiSpacer size="s" />
      <EuiTabs>
        {SETTINGS_TABS.map((id) => (
          <EuiTab key={id} isSelected={id === current} onClick={() => onTabChange(id)} data-test-subj={`settingsTab-${id}`}>
            {intl.formatMessage(s[`tab_${id}`])}
          </EuiTab>
        ))}
      </EuiTabs>
      <EuiSpacer size="m" />
      {current === 'conversations' && <ConversationsTab notifications={notifications} canEdit={canEdit} />}
      {current === 'connectors' && <ConnectorsTab notifications={notifications} canEdit={caps?.connectorsAll === true} />}
      {current === 'system_prompts' && <PromptsTab key="system" type="system" notifications={notifications} canEdit={canEdit} />}
      {current === 'quick_prompts' && <PromptsTab key="quick" type="quick" notifications={notifications} canEdit={canEdit} />}
      {current === 'anonymization' && <AnonymizationTab notifications={notifications} canEdit={canEdit && caps?.updateAnonymization === true} />}
      {current === 'knowledge_base' && <KnowledgeBaseTab notifications={notifications} canEdit={canEdit} canGlobal={caps?.manageGlobalKnowledgeBase === true} />}
    </div>
  );
}
