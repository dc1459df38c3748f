import type { Observable } from 'rxjs';
import type { ScopedHistory } from './browser_history';

export interface AppCategory {
  id: string;
  label: string;
  order?: number;
  euiIconType?: string;
}

export const DEFAULT_APP_CATEGORIES = {
  security: { id: 'securitySolution', label: 'Security', order: 3000, euiIconType: 'logoSecurity' },
  management: { id: 'management', label: 'Management', order: 5000, euiIconType: 'managementApp' },
} as const satisfies Record<string, AppCategory>;

export type UnmountCallback = () => void;
/** Kibana's MountPoint: render into the element, return how to unmount. */
export type MountPoint<T extends HTMLElement = HTMLElement> = (element: T) => UnmountCallback;

export interface AppMountParameters {
  element: HTMLElement;
  /** Absolute base of the app, e.g. `/s/team-a/app/security`. */
  appBasePath: string;
  history: ScopedHistory;
  /** Lets an app put a menu into the header's action slot while it is mounted. */
  setHeaderActionMenu(mount: MountPoint | undefined): void;
}

export interface AppDeepLink {
  id: string;
  title: string;
  /** Path relative to the app base. */
  path: string;
}

export interface App {
  id: string;
  title: string;
  order?: number;
  euiIconType?: string;
  category?: AppCategory;
  /** Defaults to `/app/<id>`. */
  appRoute?: string;
  deepLinks?: AppDeepLink[];
  mount(params: AppMountParameters): UnmountCallback | Promise<UnmountCallback>;
}

export interface PublicApp extends Omit<App, 'mount'> {
  appRoute: string;
}

export interface ApplicationSetup {
  register(app: App): void;
}

export interface NavigateToAppOptions {
  path?: string;
  replace?: boolean;
}

export interface ApplicationStart {
  navigateToApp(appId: string, options?: NavigateToAppOptions): Promise<void>;
  /** Navigates within the single-page app when the URL is one of ours, else does a full page load. */
  navigateToUrl(url: string): Promise<void>;
  getUrlForApp(appId: string, options?: { path?: string; absolute?: boolean }): string;
  currentAppId$: Observable<string | undefined>;
  applications$: Observable<ReadonlyMap<string, PublicApp>>;
}
