/** Stack Management: a side list of settings apps and the selected one mounted beside it. */
import { EuiCard, EuiFlexGrid, EuiFlexItem, EuiIcon, EuiPageTemplate, EuiSideNav, EuiText } from '@elastic/eui';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KibanaRenderContextProvider, type AppMountParameters, type CoreStart } from '../../../core/public';
import { MANAGEMENT_TITLE } from './constants';
import type { ManagementRegistry } from './registry';

function appIdFrom(pathname: string): string | undefined {
  const first = pathname.split('/').filter(Boolean)[0];
  return first ? decodeURIComponent(first) : undefined;
}

function MountedSettingsApp({ core, registry, params, appId }: { core: CoreStart; registry: ManagementRegistry; params: AppMountParameters; appId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  const app = registry.get(appId);
  useEffect(() => {
    const el = ref.current;
    if (!app || !el) return undefined;
    const basePath = `${params.appBasePath}/${encodeURIComponent(app.id)}`;
    let unmount: (() => void) | undefined;
    let cancelled = false;
    setError(undefined);
    core.chrome.docTitle.change([app.title, MANAGEMENT_TITLE]);
    Promise.resolve(
      app.mount({
        element: el,
        basePath,
        history: params.history.createSubHistory(`/${encodeURIComponent(app.id)}`),
        setBreadcrumbs: (crumbs) =>
          core.chrome.setBreadcrumbs([{ text: MANAGEMENT_TITLE, href: params.appBasePath }, { text: app.title, href: basePath }, ...crumbs]),
      }),
    ).then(
      (fn) => (cancelled ? fn() : (unmount = fn)),
      (e: unknown) => setError(`${app.title} failed to load: ${(e as Error).message}`),
    );
    return () => {
      cancelled = true;
      const fn = unmount;
      queueMicrotask(() => fn?.());
    };
  }, [app, core, params]);
  if (!app) return <EuiText data-test-subj="managementAppNotFound">No settings app "{appId}" is registered.</EuiText>;
  return (
    <>
      {error && <EuiText color="danger">{error}</EuiText>}
      <div ref={ref} data-test-subj={`managementApp-${app.id}`} />
    </>
  );
}

export function ManagementAppRoot({ core, registry, params }: { core: CoreStart; registry: ManagementRegistry; params: AppMountParameters }) {
  const [pathname, setPathname] = useState(params.history.location.pathname);
  const [apps, setApps] = useState(registry.list());
  useEffect(() => params.history.listen((loc) => setPathname(loc.pathname)), [params.history]);
  useEffect(() => {
    const sub = registry.list$().subscribe(setApps);
    return () => sub.unsubscribe();
  }, [registry]);
  const appId = appIdFrom(pathname);
  useEffect(() => {
    if (!appId) {
      core.chrome.setBreadcrumbs([{ text: MANAGEMENT_TITLE }]);
      core.chrome.docTitle.change(MANAGEMENT_TITLE);
    }
  }, [appId, core]);
  const go = (id: string) => (e: { preventDefault(): void }) => {
    e.preventDefault();
    params.history.push(`/${encodeURIComponent(id)}`);
  };
  return (
    <EuiPageTemplate offset={0} restrictWidth={false} grow data-test-subj="managementApp">
      <EuiPageTemplate.Sidebar sticky>
        <EuiSideNav
          heading={MANAGEMENT_TITLE}
          items={[
            {
              id: 'settings',
              name: 'Settings',
              items: apps.map((a) => ({ id: a.id, name: a.title, isSelected: a.id === appId, href: params.history.createHref(`/${a.id}`), onClick: go(a.id), 'data-test-subj': `managementLink-${a.id}` })),
            },
          ]}
        />
      </EuiPageTemplate.Sidebar>
      {appId ? (
        <EuiPageTemplate.Section>
          <MountedSettingsApp key={appId} core={core} registry={registry} params={params} appId={appId} />
        </EuiPageTemplate.Section>
      ) : (
        <>
          <EuiPageTemplate.Header pageTitle={MANAGEMENT_TITLE} description="Settings of the installed plugins." />
          <EuiPageTemplate.Section>
            {apps.length === 0 ? (
              <EuiText data-test-subj="managementEmpty">No plugin has registered a settings app.</EuiText>
            ) : (
              <EuiFlexGrid columns={3}>
                {apps.map((a) => (
                  <EuiFlexItem key={a.id}>
                    <EuiCard icon={<EuiIcon type={a.euiIconType ?? 'gear'} size="l" />} title={a.title} description="" href={params.history.createHref(`/${a.id}`)} onClick={go(a.id)} data-test-subj={`managementCard-${a.id}`} />
                  </EuiFlexItem>
                ))}
              </EuiFlexGrid>
            )}
          </EuiPageTemplate.Section>
        </>
      )}
    </EuiPageTemplate>
  );
}

export function renderManagementApp(core: CoreStart, registry: ManagementRegistry, params: AppMountParameters): () => void {
  const root = createRoot(params.element);
  root.render(
    <KibanaRenderContextProvider>
      <ManagementAppRoot core={core} registry={registry} params={params} />
    </KibanaRenderContextProvider>,
  );
  return () => root.unmount();
}
