/**
 * Wires the browser core services for one page load and runs the plugins. The chrome (platform/chrome)
 * calls `startCoreSystem` and renders the result; tests call it with fake plugins and a fake fetch.
 */
import { BehaviorSubject } from 'rxjs';
import { createApplicationService, createBrowserHistory, type BrowserHistory, type InternalApplicationStart } from './application';
import { createChromeService, type InternalChromeStart } from './chrome';
import { createBasePath, createHttpService, type HttpSetup } from './http';
import type { InjectedMetadata } from './injected_metadata/injected_metadata';
import { createToastsService, type ToastsApi } from './notifications/toasts_service';
import { createOverlayService, type InternalOverlayStart } from './overlays/overlay_service';
import { runPlugins, type BrowserPluginDescriptor, type PluginsRun } from './plugins/plugins_service';
import type { CoreSetup, CoreStart, FeatureFlagsStart, SecurityStart } from './types';

export interface InternalCoreStart extends CoreStart {
  application: InternalApplicationStart;
  chrome: InternalChromeStart;
  overlays: InternalOverlayStart;
  notifications: { toasts: ToastsApi };
  injectedMetadata: InjectedMetadata;
  history: BrowserHistory;
}

export const LOGIN_PATH = '/login';
export const LOGOUT_URL = '/internal/security/logout';

function createFeatureFlags(flags: Record<string, unknown>): FeatureFlagsStart {
  return {
    getBooleanValue: (key, fallback) => (typeof flags[key] === 'boolean' ? (flags[key] as boolean) : fallback),
    getBooleanValue$: (key, fallback) => new BehaviorSubject(typeof flags[key] === 'boolean' ? (flags[key] as boolean) : fallback).asObservable(),
    getStringValue: (key, fallback) => (typeof flags[key] === 'string' ? (flags[key] as string) : fallback),
  };
}

export function loginUrl(serverBasePath: string, win: Window): string {
  const next = `${win.location.pathname}${win.location.search}${win.location.hash}`;
  return `${serverBasePath}${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

export function createSecurity(http: HttpSetup, metadata: InjectedMetadata, win: Window): SecurityStart {
  return {
    authc: {
      async getCurrentUser() {
        if (metadata.user) return metadata.user;
        throw new Error('Not logged in');
      },
    },
    async logout() {
      await http.post(LOGOUT_URL, { prependBasePath: false, headers: {} }).catch(() => undefined);
      win.location.assign(`${http.basePath.serverBasePath}${LOGIN_PATH}`);
    },
  };
}

export async function startCoreSystem(options: {
  metadata: InjectedMetadata;
  win: Window;
  plugins: BrowserPluginDescriptor[];
  fetchImpl?: typeof fetch;
}): Promise<{ core: InternalCoreStart; plugins: PluginsRun }> {
  const { metadata, win } = options;
  const basePath = createBasePath(metadata.basePath, metadata.spaceId);
  let redirecting = false;
  const http = createHttpService({
    basePath,
    fetchImpl: options.fetchImpl,
    onUnauthorized: () => {
      // The session expired: go to the login page once, and come back here afterwards.
      if (redirecting) return;
      redirecting = true;
      win.location.assign(loginUrl(basePath.serverBasePath, win));
    },
  });
  const history = createBrowserHistory(win);
  const application = createApplicationService({ history, basePath });
  const toasts = createToastsService();
  const notifications = { toasts };
  const featureFlags = createFeatureFlags(metadata.featureFlags);
  const chrome = createChromeService(win.document);
  const overlays = createOverlayService();
  const security = createSecurity(http, metadata, win);
  const applicationSetup = application.setup();

  let resolveCoreStart: (core: InternalCoreStart) => void = () => undefined;
  const coreStartPromise = new Promise<InternalCoreStart>((r) => (resolveCoreStart = r));
  let coreStart: InternalCoreStart | undefined;

  const plugins = await runPlugins({
    plugins: options.plugins,
    version: metadata.version,
    coreSetup: (_id, own, deps): CoreSetup<object, unknown> => ({
      application: applicationSetup,
      http,
      notifications,
      featureFlags,
      getStartServices: async () => {
        const [core, d, o] = await Promise.all([coreStartPromise, deps, own]);
        return [core, d, o];
      },
    }),
    coreStart: () => {
      coreStart = {
        application: application.start(),
        http,
        overlays,
        notifications,
        chrome,
        featureFlags,
        security,
        spaces: { getSpaceId: () => metadata.spaceId },
        injectedMetadata: metadata,
        history,
      };
      resolveCoreStart(coreStart);
      return coreStart;
    },
  });
  if (!coreStart) throw new Error('Core start services were not created');
  return { core: coreStart, plugins };
}
