/** Registered apps, URL → app resolution and in-page navigation (Kibana's `core.application`). */
import { BehaviorSubject } from 'rxjs';
import type { IBasePath } from '../http';
import type { BrowserHistory } from './browser_history';
import type { App, ApplicationSetup, ApplicationStart, PublicApp } from './types';

export interface ResolvedApp {
  app: App;
  /** Absolute app base, e.g. `/s/team-a/app/security`. */
  appBasePath: string;
}

export interface InternalApplicationStart extends ApplicationStart {
  /** Which app owns a pathname (longest matching route wins). */
  resolve(pathname: string): ResolvedApp | undefined;
  getApp(appId: string): App | undefined;
  dispose(): void;
}

export interface ApplicationService {
  setup(): ApplicationSetup;
  start(): InternalApplicationStart;
}

const APP_ID = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;

export function createApplicationService(deps: { history: BrowserHistory; basePath: IBasePath }): ApplicationService {
  const apps = new Map<string, App>();
  let started = false;
  const routeOf = (app: App) => app.appRoute ?? `/app/${app.id}`;

  return {
    setup: () => ({
      register(app) {
        if (started) throw new Error(`Application ${app.id} must be registered during setup, not start`);
        if (!APP_ID.test(app.id)) throw new Error(`Invalid application id "${app.id}"`);
        if (apps.has(app.id)) throw new Error(`An application is already registered with the id "${app.id}"`);
        const route = routeOf(app);
        for (const other of apps.values()) {
          if (routeOf(other) === route) throw new Error(`Application ${app.id} uses route ${route}, already used by ${other.id}`);
        }
        apps.set(app.id, app);
      },
    }),
    start() {
      started = true;
      const publicApps = new Map<string, PublicApp>();
      for (const app of apps.values()) {
        const { mount: _mount, ...rest } = app;
        publicApps.set(app.id, { ...rest, appRoute: routeOf(app) });
      }
      const applications$ = new BehaviorSubject<ReadonlyMap<string, PublicApp>>(publicApps);

      const resolve = (pathname: string): ResolvedApp | undefined => {
        const rel = deps.basePath.remove(pathname);
        let best: App | undefined;
        for (const app of apps.values()) {
          const route = routeOf(app);
          if ((rel === route || rel.startsWith(`${route}/`)) && (!best || route.length > routeOf(best).length)) best = app;
        }
        return best ? { app: best, appBasePath: deps.basePath.prepend(routeOf(best)) } : undefined;
      };
      const currentAppId$ = new BehaviorSubject<string | undefined>(resolve(deps.history.location.pathname)?.app.id);
      const unlisten = deps.history.listen((loc) => {
        const id = resolve(loc.pathname)?.app.id;
        if (id !== currentAppId$.getValue()) currentAppId$.next(id);
      });

      const getUrlForApp: ApplicationStart['getUrlForApp'] = (appId, options = {}) => {
        const app = apps.get(appId);
        if (!app) throw new Error(`Unknown application "${appId}"`);
        const path = options.path ? (options.path.startsWith('/') || options.path.startsWith('?') || options.path.startsWith('#') ? options.path : `/${options.path}`) : '';
        const relative = deps.basePath.prepend(`${routeOf(app)}${path}`);
        return options.absolute ? new URL(relative, globalThis.location?.origin ?? 'http://localhost').toString() : relative;
      };

      return {
        resolve,
        getApp: (id) => apps.get(id),
        applications$,
        currentAppId$,
        getUrlForApp,
        async navigateToApp(appId, options = {}) {
          const url = getUrlForApp(appId, { path: options.path });
          if (options.replace) deps.history.replace(url);
          else deps.history.push(url);
        },
        async navigateToUrl(url) {
          const origin = globalThis.location?.origin ?? 'http://localhost';
          const target = new URL(url, origin);
          if (target.origin === origin && resolve(target.pathname)) {
            deps.history.push(`${target.pathname}${target.search}${target.hash}`);
            return;
          }
          globalThis.location.assign(target.toString());
        },
        dispose: () => unlisten(),
      };
    },
  };
}
