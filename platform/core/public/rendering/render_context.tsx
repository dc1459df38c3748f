/**
 * Every React root a plugin mounts (its app, a flyout, a nav control) needs the EUI theme. Kibana's
 * `KibanaRenderContextProvider` and `toMountPoint` do that; these are the same for this host.
 */
import { EuiProvider } from '@elastic/eui';
import { EuiThemeBorealis } from '@elastic/eui-theme-borealis';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MountPoint } from '../application';

export function KibanaRenderContextProvider({ children }: { children: ReactNode }) {
  return (
    <EuiProvider theme={EuiThemeBorealis} colorMode="light" globalStyles={false} utilityClasses={false}>
      {children}
    </EuiProvider>
  );
}

/** A React node as a MountPoint (for overlays.openFlyout, chrome.navControls, ...). */
export function toMountPoint(node: ReactNode): MountPoint {
  return (element) => {
    const root = createRoot(element);
    root.render(<KibanaRenderContextProvider>{node}</KibanaRenderContextProvider>);
    return () => root.unmount();
  };
}
