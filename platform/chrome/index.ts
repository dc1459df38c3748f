/** Browser shell (chrome): rendered by bootstrap.tsx; exported for tests and for the build. */
export { AppContainer } from './app_container/app_container';
export { Header } from './header/header';
export { LoginPage, LOGIN_URL, safeNextUrl } from './login/login_page';
export { MountPointPortal } from './mount_point_portal';
export { OverlayHost } from './overlays/overlay_host';
export { bundleManifestSchema, parseBundleManifest, pluginDescriptors } from './plugin_bundles';
export type { BundleManifest } from './plugin_bundles';
export { defaultAppUrl, Shell } from './shell/shell';
export { FatalError } from './shell/fatal_error';
export { buildNavGroups, selectedLinkId } from './side_nav/nav_model';
export type { NavGroup, NavLink } from './side_nav/nav_model';
export { SideNav } from './side_nav/side_nav';
export { useObservable } from './use_observable';
