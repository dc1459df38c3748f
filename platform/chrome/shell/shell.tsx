/** The logged-in page: top bar, side navigation, the current app, overlays and toasts. */
import { EuiProvider } from '@elastic/eui';
import { EuiThemeBorealis } from '@elastic/eui-theme-borealis';
import { useEffect, useState } from 'react';
import type { InternalCoreStart } from '../../core/public';
import { AppContainer } from '../app_container/app_container';
import { Header } from '../header/header';
import { OverlayHost } from '../overlays/overlay_host';
import { SideNav } from '../side_nav/side_nav';

/** Where `/` and unknown roots go: the Security alerts page when it is installed, else the first app. */
export function defaultAppUrl(core: InternalCoreStart): string | undefined {
  if (core.application.getApp('securitySolutionUI')) return core.application.getUrlForApp('securitySolutionUI', { path: '/alerts' });
  let first: { id: string; order: number } | undefined;
  const apps = new Map<string, { order?: number }>();
  core.application.applications$.subscribe((m) => m.forEach((a, id) => apps.set(id, a))).unsubscribe();
  for (const [id, a] of apps) if (!first || (a.order ?? 1000) < first.order) first = { id, order: a.order ?? 1000 };
  return first ? core.application.getUrlForApp(first.id) : undefined;
}

export function Shell({ core }: { core: InternalCoreStart }) {
  const [pathname, setPathname] = useState(core.history.location.pathname);
  useEffect(() => core.history.listen((loc) => setPathname(loc.pathname)), [core.history]);

  const isRoot = core.http.basePath.remove(pathname) === '/' || core.http.basePath.remove(pathname) === '/app';
  useEffect(() => {
    if (!isRoot) return;
    const target = defaultAppUrl(core);
    if (target) core.history.replace(target);
  }, [isRoot, core]);

  return (
    <EuiProvider theme={EuiThemeBorealis} colorMode="light">
      <div data-test-subj="kibanaChrome" style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
        <Header core={core} />
        <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
          <aside style={{ width: 240, flexShrink: 0, borderRight: '1px solid #e3e8f2', background: '#fafbfd' }}>
            <SideNav core={core} pathname={pathname} />
          </aside>
          {!isRoot && <AppContainer core={core} pathname={pathname} />}
        </div>
        <OverlayHost core={core} />
      </div>
    </EuiProvider>
  );
}
