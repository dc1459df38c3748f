import { randomUUID } from 'node:crypto';
import { Subject } from 'rxjs';
import type { Observable } from 'rxjs';

export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type RouteAccess = 'public' | 'internal';
export type Headers = Record<string, string | string[] | undefined>;

export interface AuthenticatedUser {
  username: string;
  roles: string[];
  full_name?: string;
  email?: string;
  enabled: boolean;
  metadata: Record<string, unknown>;
  authentication_realm: { name: string; type: string };
  lookup_realm: { name: string; type: string };
  authentication_provider: { type: string; name: string };
  authentication_type: string;
}

export interface KibanaRequestRoute {
  path: string;
  method: RouteMethod;
  options: { access: RouteAccess; authRequired: boolean | 'optional'; xsrfRequired: boolean; tags: readonly string[] };
}

/** Per-request facts resolved by core (space, user) that services read through core APIs, not the request. */
interface RequestState {
  spaceId: string;
  user: AuthenticatedUser | null;
}

const requestState = new WeakMap<KibanaRequest, RequestState>();

export function getRequestState(request: KibanaRequest): RequestState {
  const state = requestState.get(request);
  if (!state) throw new Error('Request was not created by the platform (no space/user state)');
  return state;
}

export interface KibanaRequestInit<P, Q, B> {
  url: URL;
  route: KibanaRequestRoute;
  headers: Headers;
  params: P;
  query: Q;
  body: B;
  spaceId: string;
  user: AuthenticatedUser | null;
  isFakeRequest?: boolean;
  isSystemRequest?: boolean;
  aborted$?: Observable<void>;
  id?: string;
}

/** Shaped after Kibana's KibanaRequest: validated params/query/body plus request metadata. */
export class KibanaRequest<P = unknown, Q = unknown, B = unknown> {
  readonly id: string;
  readonly uuid: string;
  readonly url: URL;
  readonly route: KibanaRequestRoute;
  readonly headers: Headers;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly isSystemRequest: boolean;
  readonly isFakeRequest: boolean;
  readonly auth: { readonly isAuthenticated: boolean };
  readonly events: { readonly aborted$: Observable<void> };

  constructor(init: KibanaRequestInit<P, Q, B>) {
    this.id = init.id ?? randomUUID();
    this.uuid = this.id;
    this.url = init.url;
    this.route = init.route;
    this.headers = init.headers;
    this.params = init.params;
    this.query = init.query;
    this.body = init.body;
    this.isFakeRequest = init.isFakeRequest ?? false;
    this.isSystemRequest = init.isSystemRequest ?? this.headers['kbn-system-request'] === 'true';
    this.auth = { isAuthenticated: init.user !== null };
    this.events = { aborted$: init.aborted$ ?? new Subject<void>().asObservable() };
    requestState.set(this as KibanaRequest, { spaceId: init.spaceId, user: init.user });
  }
}

/**
 * A request not coming from HTTP, for background work (task runs, bootstrappers) that must act in a
 * space and, optionally, as a user. Like Kibana's fake requests, it has no body and no route.
 */
export function createFakeKibanaRequest(options: {
  spaceId?: string;
  user?: AuthenticatedUser | null;
  headers?: Headers;
  path?: string;
}): KibanaRequest {
  return new KibanaRequest({
    url: new URL(options.path ?? '/', 'http://localhost'),
    route: {
      path: options.path ?? '/',
      method: 'get',
      options: { access: 'internal', authRequired: false, xsrfRequired: false, tags: [] },
    },
    headers: options.headers ?? {},
    params: {},
    query: {},
    body: undefined,
    spaceId: options.spaceId ?? 'default',
    user: options.user ?? null,
    isFakeRequest: true,
    isSystemRequest: true,
  });
}
