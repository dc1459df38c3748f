import { ELASTIC_HTTP_VERSION_HEADER, HttpServer } from '../../../platform/core/server/http';
import type { RegisteredRoute } from '../../../platform/core/server/http';

/** One registered route as the suite sees it: method, path template, owner plugin and the version to call it with. */
export interface RouteEntry {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  owner: string;
  authRequired: boolean | 'optional';
  xsrfRequired: boolean;
  /** `elastic-api-version` to send (the oldest registered one), for versioned routes. */
  version?: string;
  /** Whether any registered version validates a body (fuzz targets). */
  hasBody: boolean;
}

export const MUTATING_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);

function toEntry(route: RegisteredRoute): RouteEntry {
  const versions = route.versioned ? [...route.versioned.versions.values()] : route.plain ? [route.plain] : [];
  const hasBody = versions.some((v) => v.validate !== false && v.validate.body !== undefined);
  const keys = route.versioned ? [...route.versioned.versions.keys()].sort() : [];
  return {
    method: route.method,
    path: route.path,
    owner: route.owner,
    authRequired: route.options.authRequired ?? true,
    xsrfRequired: route.options.xsrfRequired ?? true,
    version: keys[0],
    hasBody,
  };
}

/**
 * Records every route the host mounts, whoever registered it, so a route added later is covered by the matrix
 * and the fuzz run without editing this suite. Core keeps its route table private; the one place all routes
 * pass through is `HttpServer.mount`, which this wraps (call before `startTestPlatform`).
 */
export function captureMountedRoutes(): { routes: RouteEntry[]; restore(): void } {
  const routes: RouteEntry[] = [];
  const original = HttpServer.prototype.mount;
  const spy = jest.spyOn(HttpServer.prototype, 'mount').mockImplementation(function (this: HttpServer, mounted: readonly RegisteredRoute[]) {
    routes.push(...mounted.map(toEntry));
    return original.call(this, mounted);
  });
  return { routes, restore: () => spy.mockRestore() };
}

/** Fills `{id}`, `{id?}` and `{path*}` params with a value that names no real object. */
export function concretePath(template: string, value = 'h9-missing-id'): string {
  return template.replace(/\{[^}]+\}/g, value);
}

/** Headers that select the route's version (internal versioned routes require one). */
export function versionHeaders(route: RouteEntry): Record<string, string> {
  return route.version ? { [ELASTIC_HTTP_VERSION_HEADER]: route.version } : {};
}

export const routeLabel = (route: RouteEntry) => `${route.method.toUpperCase()} ${route.path}`;
