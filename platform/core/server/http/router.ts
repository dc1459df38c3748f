import type { RequestHandlerContext } from './handler_context';
import type { RouteMethod } from './kibana_request';
import type {
  IRouter,
  RegisteredRoute,
  RegisteredVersion,
  RequestHandler,
  RouteConfig,
  VersionedRoute,
  VersionedRouteConfig,
  VersionedRouter,
} from './router_types';

export class RouteRegistrationError extends Error {
  override readonly name = 'RouteRegistrationError';
}

/** Collects routes; the HTTP server mounts them once every plugin is set up. */
export class RouteTable {
  private readonly routes = new Map<string, RegisteredRoute>();
  private sealed = false;

  add(route: RegisteredRoute): void {
    if (this.sealed) {
      throw new RouteRegistrationError(
        `Cannot register ${route.method.toUpperCase()} ${route.path} after setup: register routes in the plugin's setup()`
      );
    }
    if (!route.path.startsWith('/')) throw new RouteRegistrationError(`Route path must start with "/": ${route.path}`);
    const key = `${route.method} ${route.path}`;
    if (this.routes.has(key)) {
      throw new RouteRegistrationError(`Route ${route.method.toUpperCase()} ${route.path} is registered twice (by ${this.routes.get(key)?.owner} and ${route.owner})`);
    }
    this.routes.set(key, route);
  }

  get(method: RouteMethod, path: string): RegisteredRoute | undefined {
    return this.routes.get(`${method} ${path}`);
  }

  seal(): RegisteredRoute[] {
    this.sealed = true;
    return [...this.routes.values()];
  }
}

function createVersionedRoute<Context extends RequestHandlerContext>(
  table: RouteTable,
  owner: string,
  method: RouteMethod,
  config: VersionedRouteConfig
): VersionedRoute<Context> {
  const versions = new Map<string, RegisteredVersion>();
  table.add({
    method,
    path: config.path,
    options: { ...config.options, access: config.access },
    security: config.security,
    versioned: { versions, enableQueryVersion: config.enableQueryVersion ?? false },
    owner,
  });
  const route: VersionedRoute<Context> = {
    addVersion(options, handler) {
      if (versions.has(options.version)) {
        throw new RouteRegistrationError(`Version ${options.version} of ${method.toUpperCase()} ${config.path} is registered twice`);
      }
      if (config.access === 'public' && !/^\d{4}-\d{2}-\d{2}$/.test(options.version)) {
        throw new RouteRegistrationError(`Public route versions are dates (YYYY-MM-DD), got ${options.version} for ${config.path}`);
      }
      if (config.access === 'internal' && !/^[1-9]\d*$/.test(options.version)) {
        throw new RouteRegistrationError(`Internal route versions are positive integers, got ${options.version} for ${config.path}`);
      }
      versions.set(options.version, {
        version: options.version,
        validate: options.validate === false ? false : (options.validate.request ?? {}),
        security: options.security,
        handler: handler as RequestHandler<unknown, unknown, unknown, RequestHandlerContext>,
      });
      return route;
    },
  };
  return route;
}

export function createRouter<Context extends RequestHandlerContext = RequestHandlerContext>(
  table: RouteTable,
  owner: string
): IRouter<Context> {
  const register =
    (method: RouteMethod) =>
    <P, Q, B>(config: RouteConfig<P, Q, B>, handler: RequestHandler<P, Q, B, Context>) =>
      table.add({
        method,
        path: config.path,
        options: config.options ?? {},
        security: config.security,
        plain: {
          version: '',
          validate: (config.validate === false ? false : config.validate) as RegisteredVersion['validate'],
          // Type erasure only: the HTTP layer hands the handler values its own schemas produced.
          handler: handler as unknown as RegisteredVersion['handler'],
        },
        owner,
      });
  const versionedRoute = (method: RouteMethod) => (config: VersionedRouteConfig) =>
    createVersionedRoute<Context>(table, owner, method, config);
  const versioned: VersionedRouter<Context> = {
    get: versionedRoute('get'),
    post: versionedRoute('post'),
    put: versionedRoute('put'),
    patch: versionedRoute('patch'),
    delete: versionedRoute('delete'),
  };
  return {
    routerPath: '',
    get: register('get'),
    post: register('post'),
    put: register('put'),
    patch: register('patch'),
    delete: register('delete'),
    versioned,
  };
}
