/**
 * Kibana's `http.basePath`: the server base path plus `/s/<space>` for any space but `default`.
 * `prepend` is what turns `/api/note` into `/s/team-a/api/note`.
 */
export interface IBasePath {
  /** Server base path with the space prefix, e.g. `/s/team-a` (or `` in the default space). */
  get(): string;
  readonly serverBasePath: string;
  prepend(path: string): string;
  remove(path: string): string;
}

export function spacePrefix(spaceId: string): string {
  return spaceId === 'default' ? '' : `/s/${encodeURIComponent(spaceId)}`;
}

export function createBasePath(serverBasePath: string, spaceId: string): IBasePath {
  const server = serverBasePath.replace(/\/$/, '');
  const full = `${server}${spacePrefix(spaceId)}`;
  return {
    serverBasePath: server,
    get: () => full,
    prepend(path) {
      if (!path.startsWith('/')) return path;
      // Already space-prefixed paths (e.g. `/s/default/api/...` from portable workflow YAML) keep their space.
      if (/^\/s\/[^/]+(\/|$)/.test(path)) return `${server}${path}`;
      if (full && (path === full || path.startsWith(`${full}/`))) return path;
      return `${full}${path}`;
    },
    remove(path) {
      if (full && (path === full || path.startsWith(`${full}/`))) return path.slice(full.length) || '/';
      return path;
    },
  };
}
