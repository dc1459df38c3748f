/** The Elastic-style top bar (logo, header action slot, user menu) and the breadcrumb bar beneath it. */
import {
  EuiAvatar,
  EuiBadge,
  EuiButtonEmpty,
  EuiContextMenuPanel,
  EuiHeader,
  EuiHeaderBreadcrumbs,
  EuiHeaderLogo,
  EuiHeaderSection,
  EuiHeaderSectionItem,
  EuiHeaderSectionItemButton,
  EuiPopover,
  EuiText,
} from '@elastic/eui';
import { useState } from 'react';
import type { InternalCoreStart } from '../../core/public';
import { MountPointPortal } from '../mount_point_portal';
import { useObservable } from '../use_observable';

function UserMenu({ core }: { core: InternalCoreStart }) {
  const [open, setOpen] = useState(false);
  const user = core.injectedMetadata.user;
  const name = user?.full_name || user?.username || 'unknown';
  return (
    <EuiPopover
      isOpen={open}
      closePopover={() => setOpen(false)}
      anchorPosition="downRight"
      button={
        <EuiHeaderSectionItemButton aria-label="Account menu" data-test-subj="userMenuButton" onClick={() => setOpen((o) => !o)}>
          <EuiAvatar name={name} size="s" />
        </EuiHeaderSectionItemButton>
      }
    >
      <EuiContextMenuPanel>
        <div style={{ padding: 12, minWidth: 200 }}>
          <EuiText size="s" data-test-subj="userMenuUsername">
            <strong>{user?.username}</strong>
            <div>{user?.roles.join(', ')}</div>
          </EuiText>
          <EuiButtonEmpty iconType="exit" size="s" data-test-subj="logoutButton" onClick={() => void core.security.logout()}>
            Log out
          </EuiButtonEmpty>
        </div>
      </EuiContextMenuPanel>
    </EuiPopover>
  );
}

export function Header({ core }: { core: InternalCoreStart }) {
  const right = useObservable(core.chrome.navControls.getRight$(), []);
  const left = useObservable(core.chrome.navControls.getLeft$(), []);
  const center = useObservable(core.chrome.navControls.getCenter$(), []);
  const breadcrumbs = useObservable(core.chrome.getBreadcrumbs$(), []);
  const actionMenu = useObservable(core.chrome.getHeaderActionMenu$(), undefined);
  const home = core.http.basePath.prepend('/');
  return (
    <div style={{ position: 'sticky', top: 0, zIndex: 1000 }} data-test-subj="headerGlobalNav">
      <EuiHeader theme="dark" position="static">
        <EuiHeaderSection>
          <EuiHeaderSectionItem>
            <EuiHeaderLogo href={home} iconTitle="Elastic" logoType="horizontal" aria-label="Go to home page" data-test-subj="logo" />
          </EuiHeaderSectionItem>
          {left.map((c, i) => (
            <EuiHeaderSectionItem key={i}>
              <MountPointPortal mount={c.mount} />
            </EuiHeaderSectionItem>
          ))}
        </EuiHeaderSection>
        <EuiHeaderSection>
          {center.map((c, i) => (
            <EuiHeaderSectionItem key={i}>
              <MountPointPortal mount={c.mount} />
            </EuiHeaderSectionItem>
          ))}
        </EuiHeaderSection>
        <EuiHeaderSection side="right">
          <EuiHeaderSectionItem data-test-subj="headerNavControlsRight">
            <div style={{ display: 'flex', gap: 8, alignItems: 'center', paddingRight: 8 }}>
              {right.map((c, i) => (
                <MountPointPortal key={i} mount={c.mount} />
              ))}
            </div>
          </EuiHeaderSectionItem>
          <EuiHeaderSectionItem>
            <EuiBadge color="hollow" data-test-subj="spaceBadge" title="Current space">
              {core.injectedMetadata.spaceId}
            </EuiBadge>
          </EuiHeaderSectionItem>
          <EuiHeaderSectionItem>
            <UserMenu core={core} />
          </EuiHeaderSectionItem>
        </EuiHeaderSection>
      </EuiHeader>
      <EuiHeader position="static">
        <EuiHeaderSection grow>
          <EuiHeaderBreadcrumbs
            data-test-subj="breadcrumbs"
            breadcrumbs={breadcrumbs.map((b) => ({
              text: b.text,
              href: b.href,
              'data-test-subj': b['data-test-subj'],
              onClick: b.onClick
                ? (e: React.MouseEvent) => b.onClick?.(e)
                : b.href
                  ? (e: React.MouseEvent) => {
                      e.preventDefault();
                      if (b.href) void core.application.navigateToUrl(b.href);
                    }
                  : undefined,
            }))}
          />
        </EuiHeaderSection>
        <EuiHeaderSection side="right" data-test-subj="headerAppActionMenu">
          {actionMenu && <MountPointPortal mount={actionMenu} />}
        </EuiHeaderSection>
      </EuiHeader>
    </div>
  );
}
