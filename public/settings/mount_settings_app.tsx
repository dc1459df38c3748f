/** Stack Management app `securityAiAssistantManagement`: the settings tabs, `?tab=` in the URL. */
import { EuiPageTemplate } from '@elastic/eui';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { NotificationsStart } from '../../platform/core/public';
import type { ManagementAppMountParams } from '../../platform/plugins/management/public';
import { AssistantProviders, type AssistantProvidersProps } from '../assistant/assistant_providers';
import { SettingsPage, type SettingsTabId } from './settings_page';

export const SETTINGS_APP_ID = 'securityAiAssistantManagement';

function SettingsApp({ params, notifications }: { params: ManagementAppMountParams; notifications: NotificationsStart }) {
  const [search, setSearch] = useState(params.history.location.search);
  useEffect(() => params.history.listen((loc) => setSearch(loc.search)), [params.history]);
  useEffect(() => params.setBreadcrumbs([]), [params]);
  const tab = new URLSearchParams(search).get('tab') ?? 'conversations';
  return (
    <EuiPageTemplate.Section paddingSize="none">
      <SettingsPage tab={tab} notifications={notifications} onTabChange={(next: SettingsTabId) => params.history.push(`/?tab=${next}`)} />
    </EuiPageTemplate.Section>
  );
}

export function mountSettingsApp(params: ManagementAppMountParams, providers: Omit<AssistantProvidersProps, 'children'>, notifications: NotificationsStart): () => void {
  const root = createRoot(params.element);
  root.render(
    <AssistantProviders {...providers}>
      <SettingsApp params={params} notifications={notifications} />
    </AssistantProviders>,
  );
  return () => root.unmount();
}
