import { EuiSideNav, EuiTitle, EuiSpacer } from '@elastic/eui';
import { useMemo } from 'react';
import type { InternalCoreStart } from '../../core/public';
import { useObservable } from '../use_observable';
import { buildNavGroups, selectedLinkId } from './nav_model';

export function SideNav({ core, pathname }: { core: InternalCoreStart; pathname: string }) {
  const apps = useObservable(core.application.applications$, new Map());
  const groups = useMemo(
    () => buildNavGroups(apps.values(), (appId, path) => core.application.getUrlForApp(appId, { path })),
    [apps, core.application],
  );
  const selected = selectedLinkId(groups, pathname);
  return (
    <nav aria-label="Main navigation" data-test-subj="kbnSideNav" style={{ padding: 16 }}>
      <EuiTitle size="xxs">
        <h2>Navigation</h2>
      </EuiTitle>
      <EuiSpacer size="s" />
      <EuiSideNav
        items={groups.map((g) => ({
          id: g.id,
          name: g.label,
          icon: undefined,
          items: g.links.map((link) => ({
            id: link.id,
            name: link.title,
            href: link.href,
            isSelected: link.id === selected,
            'data-test-subj': `navLink-${link.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`,
            onClick: (e: React.MouseEvent) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              void core.application.navigateToApp(link.appId, { path: link.path });
            },
          })),
        }))}
      />
    </nav>
  );
}
