export { createApplicationService } from './application_service';
export type { ApplicationService, InternalApplicationStart, ResolvedApp } from './application_service';
export { createBrowserHistory, createScopedHistory, splitUrl } from './browser_history';
export type { BrowserHistory, HistoryListener, HistoryLocation, ScopedHistory } from './browser_history';
export { DEFAULT_APP_CATEGORIES } from './types';
export type {
  App,
  AppCategory,
  AppDeepLink,
  ApplicationSetup,
  ApplicationStart,
  AppMountParameters,
  MountPoint,
  NavigateToAppOptions,
  PublicApp,
  UnmountCallback,
} from './types';
