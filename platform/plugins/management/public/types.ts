import type { ChromeBreadcrumb, ScopedHistory } from '../../../core/public';

export interface ManagementAppMountParams {
  element: HTMLElement;
  /** Absolute base of this settings app, e.g. `/app/management/securityAiAssistant`. */
  basePath: string;
  history: ScopedHistory;
  /** Breadcrumbs after "Stack Management". */
  setBreadcrumbs(crumbs: ChromeBreadcrumb[]): void;
}

export interface ManagementApp {
  id: string;
  title: string;
  order?: number;
  euiIconType?: string;
  mount(params: ManagementAppMountParams): (() => void) | Promise<() => void>;
}

export interface ManagementSetup {
  registerApp(app: ManagementApp): void;
}

export interface ManagementStart {
  /** URL of a registered settings app (for links from other apps). */
  getUrlForApp(id: string, path?: string): string;
}
