/** The Security app: page header (with the header action slot) and the Alerts page, routed by path. */
import { EuiFlexGroup, EuiFlexItem, EuiPageTemplate } from '@elastic/eui';
import { useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KibanaRenderContextProvider, type AppMountParameters, type CoreStart } from '../../../core/public';
import { ALERTS_PAGE_PATH } from '../common/constants';
import { AlertsPage } from './alerts/alerts_page';
import type { AlertsApi } from './api/alerts_api';
import type { ExtensionRegistry } from './extensions/extension_registry';
import { useExtensions } from './extensions/use_extensions';

function HeaderActions({ extensions }: { extensions: ExtensionRegistry }) {
  const actions = useExtensions(extensions.headerActions);
  return (
    <EuiFlexGroup gutterSize="s" responsive={false} data-test-subj="securitySolutionHeaderActions">
      {actions.map(({ id, Component }) => (
        <EuiFlexItem grow={false} key={id} data-test-subj={`securitySolutionHeaderAction-${id}`}>
          <Component />
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}

export function SecurityApp({ core, params, api, extensions }: { core: CoreStart; params: AppMountParameters; api: AlertsApi; extensions: ExtensionRegistry }) {
  const [location, setLocation] = useState(params.history.location);
  useEffect(() => params.history.listen(setLocation), [params.history]);
  const onAlertsPage = location.pathname === '/' || location.pathname.startsWith(ALERTS_PAGE_PATH);

  useEffect(() => {
    if (location.pathname === '/') params.history.replace(`${ALERTS_PAGE_PATH}${location.search}`);
    // Links in notes and workflow output (`/app/security/alerts/redirect/<id>`) open that alert's flyout.
    const redirect = /^\/alerts\/redirect\/([^/]+)$/.exec(location.pathname);
    if (redirect) params.history.replace(`${ALERTS_PAGE_PATH}?alertId=${redirect[1]}`);
  }, [location, params.history]);
  useEffect(() => {
    core.chrome.setBreadcrumbs([{ text: 'Security', href: params.history.createHref('/') }, { text: 'Alerts' }]);
    core.chrome.docTitle.change(['Alerts', 'Security']);
  }, [core, params.history]);

  const flyoutAlertId = new URLSearchParams(location.search).get('alertId') ?? undefined;
  const setFlyoutAlert = useCallback(
    (id: string | undefined) => params.history.push(`${ALERTS_PAGE_PATH}${id ? `?alertId=${encodeURIComponent(id)}` : ''}`),
    [params.history],
  );
  const onError = useCallback((title: string, error: Error) => core.notifications.toasts.addError(error, { title }), [core]);

  return (
    <EuiPageTemplate offset={0} restrictWidth={false} grow data-test-subj="securitySolutionApp">
      <EuiPageTemplate.Header pageTitle="Alerts" rightSideItems={[<HeaderActions key="actions" extensions={extensions} />]} />
      <EuiPageTemplate.Section>
        {onAlertsPage ? (
          <AlertsPage api={api} extensions={extensions} flyoutAlertId={flyoutAlertId} onFlyoutAlertChange={setFlyoutAlert} onError={onError} />
        ) : (
          <p data-test-subj="securitySolutionNotFound">Page not found: {location.pathname}</p>
        )}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
}

export function renderApp(core: CoreStart, params: AppMountParameters, api: AlertsApi, extensions: ExtensionRegistry): () => void {
  const root = createRoot(params.element);
  root.render(
    <KibanaRenderContextProvider>
      <SecurityApp core={core} params={params} api={api} extensions={extensions} />
    </KibanaRenderContextProvider>,
  );
  return () => root.unmount();
}
