import type { z } from 'zod/v4';
import type { KibanaRequest, RouteAccess, RouteMethod } from './kibana_request';
import type { IKibanaResponse, KibanaResponseFactory } from './kibana_response';
import type { RequestHandlerContext } from './handler_context';

export interface RouteValidatorConfig<P, Q, B> {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
}

/** A privilege requirement: every string must be granted; `anyRequired` needs one of its list. */
export type PrivilegeRequirement = string | { anyRequired?: string[]; allRequired?: string[] };

export type RouteSecurity =
  | { authz: { requiredPrivileges: PrivilegeRequirement[] } }
  | { authz: { enabled: false; reason: string } };

export interface RouteOptions {
  access?: RouteAccess;
  /** true (default): 401 without credentials; 'optional': the handler sees user or null; false: no auth at all. */
  authRequired?: boolean | 'optional';
  /** Defaults to true for non-GET routes. */
  xsrfRequired?: boolean;
  body?: { maxBytes?: number };
  tags?: readonly string[];
  summary?: string;
  description?: string;
}

export interface RouteConfig<P, Q, B> {
  path: string;
  validate: RouteValidatorConfig<P, Q, B> | false;
  security?: RouteSecurity;
  options?: RouteOptions;
}

export type RequestHandler<P = unknown, Q = unknown, B = unknown, Context extends RequestHandlerContext = RequestHandlerContext> = (
  context: Context,
  request: KibanaRequest<P, Q, B>,
  response: KibanaResponseFactory
) => Promise<IKibanaResponse> | IKibanaResponse;

export type RouteRegistrar<Context extends RequestHandlerContext> = <P = unknown, Q = unknown, B = unknown>(
  route: RouteConfig<P, Q, B>,
  handler: RequestHandler<P, Q, B, Context>
) => void;

export interface VersionedRouteConfig {
  path: string;
  access: RouteAccess;
  security?: RouteSecurity;
  options?: Omit<RouteOptions, 'access'>;
  /** Also read the version from the `apiVersion` query parameter. */
  enableQueryVersion?: boolean;
}

export interface AddVersionOpts<P, Q, B> {
  version: string;
  validate: { request?: RouteValidatorConfig<P, Q, B>; response?: Record<number, { body: () => z.ZodType }> } | false;
  security?: RouteSecurity;
}

export interface VersionedRoute<Context extends RequestHandlerContext> {
  addVersion<P = unknown, Q = unknown, B = unknown>(
    options: AddVersionOpts<P, Q, B>,
    handler: RequestHandler<P, Q, B, Context>
  ): VersionedRoute<Context>;
}

export interface VersionedRouter<Context extends RequestHandlerContext> {
  get(config: VersionedRouteConfig): VersionedRoute<Context>;
  post(config: VersionedRouteConfig): VersionedRoute<Context>;
  put(config: VersionedRouteConfig): VersionedRoute<Context>;
  patch(config: VersionedRouteConfig): VersionedRoute<Context>;
  delete(config: VersionedRouteConfig): VersionedRoute<Context>;
}

export interface IRouter<Context extends RequestHandlerContext = RequestHandlerContext> {
  readonly routerPath: string;
  get: RouteRegistrar<Context>;
  post: RouteRegistrar<Context>;
  put: RouteRegistrar<Context>;
  patch: RouteRegistrar<Context>;
  delete: RouteRegistrar<Context>;
  versioned: VersionedRouter<Context>;
}

/** What the router hands to the HTTP server: one entry per method + path. */
export interface RegisteredVersion {
  version: string;
  validate: RouteValidatorConfig<unknown, unknown, unknown> | false;
  security?: RouteSecurity;
  handler: RequestHandler<unknown, unknown, unknown, RequestHandlerContext>;
}

export interface RegisteredRoute {
  method: RouteMethod;
  path: string;
  options: RouteOptions;
  security?: RouteSecurity;
  /** Plain route: one handler. */
  plain?: RegisteredVersion;
  /** Versioned route: handlers by version. */
  versioned?: { versions: Map<string, RegisteredVersion>; enableQueryVersion: boolean };
  /** Plugin (or 'core') that registered it, for logs. */
  owner: string;
}
