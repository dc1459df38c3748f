/**
 * A small history over `window.history` with listeners (like the `history` package Kibana uses), plus
 * `ScopedHistory`, which apps get: paths relative to the app's base (`/app/security`).
 */
export interface HistoryLocation {
  pathname: string;
  search: string;
  hash: string;
}

export type HistoryListener = (location: HistoryLocation) => void;

export interface BrowserHistory {
  readonly location: HistoryLocation;
  push(url: string): void;
  replace(url: string): void;
  back(): void;
  listen(listener: HistoryListener): () => void;
}

export function splitUrl(url: string): HistoryLocation {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const rest = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = rest.indexOf('?');
  return { pathname: queryAt >= 0 ? rest.slice(0, queryAt) : rest, search: queryAt >= 0 ? rest.slice(queryAt) : '', hash };
}

export function createBrowserHistory(win: Window): BrowserHistory {
  const listeners = new Set<HistoryListener>();
  const current = (): HistoryLocation => ({ pathname: win.location.pathname, search: win.location.search, hash: win.location.hash });
  const notify = () => {
    const loc = current();
    for (const l of [...listeners]) l(loc);
  };
  win.addEventListener('popstate', notify);
  return {
    get location() {
      return current();
    },
    push(url) {
      win.history.pushState(null, '', url);
      notify();
    },
    replace(url) {
      win.history.replaceState(null, '', url);
      notify();
    },
    back() {
      win.history.back();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface ScopedHistory {
  /** The app's base path, e.g. `/s/team-a/app/security`. */
  readonly basePath: string;
  /** Location relative to `basePath` (`/alerts`). */
  readonly location: HistoryLocation;
  push(path: string): void;
  replace(path: string): void;
  goBack(): void;
  listen(listener: HistoryListener): () => void;
  /** Absolute href for a path relative to the app. */
  createHref(path: string): string;
  /** A history scoped further down, e.g. a settings app inside Stack Management. */
  createSubHistory(path: string): ScopedHistory;
}

function join(base: string, path: string): string {
  if (!path || path === '/') return base;
  if (path.startsWith('?') || path.startsWith('#')) return `${base}${path}`;
  return `${base}${path.startsWith('/') ? '' : '/'}${path}`;
}

export function createScopedHistory(history: BrowserHistory, basePath: string): ScopedHistory {
  const relative = (loc: HistoryLocation): HistoryLocation => {
    const inside = loc.pathname === basePath || loc.pathname.startsWith(`${basePath}/`);
    return { ...loc, pathname: inside ? loc.pathname.slice(basePath.length) || '/' : loc.pathname };
  };
  return {
    basePath,
    get location() {
      return relative(history.location);
    },
    push: (path) => history.push(join(basePath, path)),
    replace: (path) => history.replace(join(basePath, path)),
    goBack: () => history.back(),
    listen: (listener) => history.listen((loc) => listener(relative(loc))),
    createHref: (path) => join(basePath, path),
    createSubHistory: (path) => createScopedHistory(history, join(basePath, path)),
  };
}
