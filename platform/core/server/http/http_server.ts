import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors as esErrors } from '@elastic/elasticsearch';
import { Subject } from 'rxjs';
import type { z } from 'zod/v4';
import type { Logger } from '../logging';
import type { RequestHandlerContext } from './handler_context';
import { KibanaRequest } from './kibana_request';
import type { AuthenticatedUser, Headers, RouteMethod } from './kibana_request';
import { errorBody, KibanaResponse, kibanaResponseFactory } from './kibana_response';
import type { KibanaErrorBody } from './kibana_response';
import { splitSpacePrefix, toFastifyPath } from './route_path';
import type { PrivilegeRequirement, RegisteredRoute, RegisteredVersion, RouteSecurity } from './router_types';

export const ELASTIC_HTTP_VERSION_HEADER = 'elastic-api-version';
export const XSRF_MESSAGE = 'Request must contain a kbn-xsrf header.';

export type AuthenticationResult =
  | { kind: 'authenticated'; user: AuthenticatedUser }
  | { kind: 'none' }
  | { kind: 'failed'; message: string };

export interface HttpServerDeps {
  logger: Logger;
  maxPayload: number;
  authenticate(headers: Headers): Promise<AuthenticationResult>;
  /** Returns the requirements the user lacks in the space (empty when authorized). */
  authorize(user: AuthenticatedUser, spaceId: string, requirements: readonly PrivilegeRequirement[]): string[];
  spaceExists(spaceId: string): boolean;
  createContext(request: KibanaRequest): RequestHandlerContext;
  /** Body of `/api/status` while the server is not serving requests yet. */
  notReadyStatus(): object;
}

type ServerState = 'starting' | 'running' | 'stopping';

/** A request run through the router in-process (workflow `kibana.request`), as `user`, without credentials. */
export interface InProcessRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with an optional `/s/<space>` prefix and query string, exactly as a client would send it. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  /** The identity the request acts as; `null` means unauthenticated (protected routes answer 401). */
  user: AuthenticatedUser | null;
}

export interface InProcessResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** Parsed JSON when the response is JSON, the text otherwise, undefined when empty. */
  body: unknown;
}

/** Carries a one-time token naming the in-process identity; removed before any hook or handler sees the headers. */
const IN_PROCESS_TOKEN_HEADER = 'x-kbn-in-process-token';

const spaceOfRaw = new WeakMap<http.IncomingMessage, string>();
const authOfRequest = new WeakMap<FastifyRequest, AuthenticatedUser | null>();

/** The client could not reach the cluster at all (refused, reset, no living node, timed out): not an answer from it. */
function isClusterUnavailable(error: unknown): error is Error {
  return error instanceof esErrors.ConnectionError || error instanceof esErrors.NoLivingConnectionsError || error instanceof esErrors.TimeoutError;
}

const NOT_READY = { statusCode: 503, error: 'Service Unavailable', message: 'Kibana server is not ready yet' };

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(JSON.stringify(body));
}

function formatIssuePath(part: string, issue: z.core.$ZodIssue): string {
  const tail = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `[request ${part}${tail}]: ${issue.message}`;
}

const INVALID_JSON = Symbol('invalid JSON');
/** Cheap pre-check: only bodies that could spell the keys (possibly with \u escapes) are walked. */
const PROTO_HINT = /__proto__|constructor|\\u/;

/** Whether any object in the parsed JSON has an own `__proto__` key, or a `constructor` holding `prototype`. */
export function hasPoisonedKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Object.prototype.hasOwnProperty.call(current, '__proto__')) return true;
    const ctor: unknown = Object.prototype.hasOwnProperty.call(current, 'constructor') ? (current as Record<string, unknown>).constructor : undefined;
    if (ctor !== null && typeof ctor === 'object' && Object.prototype.hasOwnProperty.call(ctor, 'prototype')) return true;
    for (const child of Object.values(current)) stack.push(child);
  }
  return false;
}

function missingPrivilegeList(missing: string[]) {
  return missing.join(',');
}

/**
 * fastify underneath, Kibana's request lifecycle on top: space prefix → authentication (before the
 * body is read) → body parsing/limit → xsrf → version → authorization → validation → handler.
 */
export class HttpServer {
  private readonly app: FastifyInstance;
  private server: http.Server | undefined;
  private state: ServerState = 'starting';
  private readonly sockets = new Set<import('node:net').Socket>();
  private readonly inProcessUsers = new Map<string, AuthenticatedUser | null>();

  constructor(private readonly deps: HttpServerDeps) {
    this.app = Fastify({
      bodyLimit: deps.maxPayload,
      logger: false,
      return503OnClosing: true,
      serverFactory: (handler) => {
        const server = http.createServer((req, res) => {
          const token = req.headers[IN_PROCESS_TOKEN_HEADER];
          // In-process calls from plugins (a workflow re-admitted during start) are served while starting too.
          if (this.state === 'running' || (this.state === 'starting' && typeof token === 'string' && this.inProcessUsers.has(token))) handler(req, res);
          else if (req.url === '/api/status' || req.url?.startsWith('/api/status?')) sendJson(res, 503, deps.notReadyStatus());
          else sendJson(res, 503, NOT_READY);
        });
        server.on('connection', (socket) => {
          this.sockets.add(socket);
          socket.on('close', () => this.sockets.delete(socket));
        });
        this.server = server;
        return server;
      },
      // Bad escapes and over-long params are answered by fastify itself; keep Kibana's error shape.
      frameworkErrors: (error, _request, reply: FastifyReply) => {
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
        void reply.code(status).type('application/json; charset=utf-8').send(errorBody(status, error.message));
      },
      rewriteUrl: (req) => {
        const url = req.url ?? '/';
        const split = splitSpacePrefix(url);
        if (!split) return url;
        spaceOfRaw.set(req, split.spaceId);
        return split.rest;
      },
    });
    this.installParsersAndErrors();
  }

  /** Binds the port early so callers see "starting" (503) instead of a refused connection. */
  async listen(options: { host: string; port: number }): Promise<{ host: string; port: number }> {
    const server = this.server;
    if (!server) throw new Error('HTTP server was not created');
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        reject(
          error.code === 'EADDRINUSE'
            ? new Error(`Port ${options.port} on ${options.host} is already in use; set --server.port to a free port`)
            : error
        );
      };
      server.once('error', onError);
      server.listen(options.port, options.host, () => {
        server.off('error', onError);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    return { host: options.host, port: address.port };
  }

  async mount(routes: readonly RegisteredRoute[]): Promise<void> {
    for (const route of routes) this.mountRoute(route);
    await this.app.ready();
  }

  /**
   * Runs a request through the full route lifecycle (space prefix, xsrf, version, privileges, validation, handler)
   * without a socket, authenticated as `request.user`: authorization still applies to that user.
   */
  async inject(request: InProcessRequest): Promise<InProcessResponse> {
    const server = this.server;
    const address = server?.address();
    if (!server || !address || typeof address === 'string') throw new Error('HTTP server is not listening');
    const token = randomBytes(32).toString('hex');
    this.inProcessUsers.set(token, request.user);
    const headers: Record<string, string> = { ...request.headers, [IN_PROCESS_TOKEN_HEADER]: token };
    let payload: Buffer | undefined;
    if (request.body !== undefined) {
      payload = Buffer.from(typeof request.body === 'string' ? request.body : JSON.stringify(request.body), 'utf8');
      if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    // Over loopback to this very server (fastify's inject needs an ESM-only dependency jest cannot load): the token
    // is single-use, 256 random bits, and only ever sent to 127.0.0.1 by this process.
    const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
    try {
      return await new Promise<InProcessResponse>((resolve, reject) => {
        const outgoing = http.request({ host, port: address.port, method: request.method, path: request.path, headers, agent: false }, (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const contentType = String(incoming.headers['content-type'] ?? '');
            let body: unknown = text === '' ? undefined : text;
            if (contentType.includes('application/json') && text !== '') {
              try {
                body = JSON.parse(text) as unknown;
              } catch {
                body = text;
              }
            }
            resolve({ statusCode: incoming.statusCode ?? 0, headers: incoming.headers, body });
          });
        });
        outgoing.on('error', reject);
        outgoing.end(payload);
      });
    } finally {
      this.inProcessUsers.delete(token);
    }
  }

  setRunning(): void {
    this.state = 'running';
  }

  async stop(): Promise<void> {
    this.state = 'stopping';
    const server = this.server;
    await this.app.close().catch((error: Error) => this.deps.logger.warn('Error closing fastify', { error }));
    if (server?.listening) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        for (const socket of this.sockets) socket.destroy();
      });
    }
  }

  private installParsersAndErrors() {
    this.app.removeContentTypeParser('application/json');
    this.app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
      const body = typeof text === 'string' ? text : text.toString('utf8');
      if (body.trim() === '') return done(null, undefined);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = INVALID_JSON;
      }
      // Like hapi's bourne in Kibana: prototype-poisoning keys reject the payload instead of reaching handlers.
      if (parsed === INVALID_JSON || (PROTO_HINT.test(body) && hasPoisonedKey(parsed))) {
        done(Object.assign(new Error('Invalid request payload JSON format'), { statusCode: 400 }), undefined);
        return;
      }
      done(null, parsed);
    });
    this.app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_req, text, done) => done(null, text));
    const responseLogger = this.deps.logger.get('response');
    this.app.addHook('onResponse', async (request, reply) => {
      if (responseLogger.isLevelEnabled('debug')) {
        responseLogger.debug(`${request.method} ${request.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
      }
    });
    this.app.setNotFoundHandler((_req, reply) => {
      void reply.code(404).type('application/json; charset=utf-8').send(errorBody(404));
    });
    this.app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
      let body: KibanaErrorBody;
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const limit = request.routeOptions.bodyLimit ?? this.deps.maxPayload;
        body = errorBody(413, `Payload content length greater than maximum allowed: ${limit}`);
      } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        body = errorBody(415, 'Unsupported Media Type');
      } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        body = errorBody(error.statusCode, error.message);
      } else {
        this.deps.logger.error(`${request.method} ${request.url} failed: ${error.message}`, { error });
        body = errorBody(500, 'An internal server error occurred.');
      }
      void reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
    });
  }

  private mountRoute(route: RegisteredRoute) {
    const { url, wildcardParam } = toFastifyPath(route.path);
    const authRequired = route.options.authRequired ?? true;
    this.app.route({
      method: route.method.toUpperCase() as Uppercase<RouteMethod>,
      url,
      bodyLimit: route.options.body?.maxBytes,
      onRequest: async (request, reply) => {
        const inProcessToken = request.headers[IN_PROCESS_TOKEN_HEADER];
        if (inProcessToken !== undefined) {
          delete request.headers[IN_PROCESS_TOKEN_HEADER];
          if (typeof inProcessToken === 'string' && this.inProcessUsers.has(inProcessToken) && authRequired !== false) {
            const user = this.inProcessUsers.get(inProcessToken) ?? null;
            if (user === null && authRequired === true) {
              return reply.code(401).type('application/json; charset=utf-8').send(errorBody(401, 'Unauthorized'));
            }
            authOfRequest.set(request, user);
            return;
          }
        }
        if (authRequired === false) {
          authOfRequest.set(request, null);
          return;
        }
        const result = await this.deps.authenticate(request.headers);
        if (result.kind === 'failed' || (result.kind === 'none' && authRequired === true)) {
          const message = result.kind === 'failed' ? result.message : 'Unauthorized';
          const headers: Record<string, string> = {};
          // Only plain API clients get a Basic challenge: in a browser it would pop up the native login dialog.
          const fromBrowserApp = ['kbn-xsrf', 'kbn-version', 'x-elastic-internal-origin'].some((h) => request.headers[h] !== undefined);
          if (!fromBrowserApp && !request.headers.cookie) {
            headers['www-authenticate'] = 'Basic realm="kibana", charset="UTF-8"';
          }
          return reply.code(401).headers(headers).type('application/json; charset=utf-8').send(errorBody(401, message));
        }
        authOfRequest.set(request, result.kind === 'authenticated' ? result.user : null);
      },
      handler: async (request, reply) => this.handle(route, wildcardParam, request, reply),
    });
  }

  private async handle(route: RegisteredRoute, wildcardParam: string | undefined, request: FastifyRequest, reply: FastifyReply) {
    const spaceId = spaceOfRaw.get(request.raw) ?? 'default';
    const user = authOfRequest.get(request) ?? null;
    const send = (response: KibanaResponse) => this.send(reply, response);

    if (!this.deps.spaceExists(spaceId)) {
      return send(new KibanaResponse(404, errorBody(404, `Space [${spaceId}] not found`)));
    }
    const xsrfRequired = route.options.xsrfRequired ?? true;
    if (xsrfRequired && request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS') {
      if (request.headers['kbn-xsrf'] === undefined && request.headers['kbn-version'] === undefined) {
        return send(new KibanaResponse(400, errorBody(400, XSRF_MESSAGE)));
      }
    }

    let target: RegisteredVersion;
    let resolvedVersion: string | undefined;
    if (route.versioned) {
      const resolution = this.resolveVersion(route, request);
      if ('error' in resolution) return send(new KibanaResponse(400, errorBody(400, resolution.error)));
      target = resolution.target;
      resolvedVersion = target.version;
    } else if (route.plain) {
      target = route.plain;
    } else {
      throw new Error(`Route ${route.path} has no handler`);
    }

    const security: RouteSecurity | undefined = target.security ?? route.security;
    if (security && 'requiredPrivileges' in security.authz) {
      if (!user) return send(new KibanaResponse(401, errorBody(401, 'Unauthorized')));
      const missing = this.deps.authorize(user, spaceId, security.authz.requiredPrivileges);
      if (missing.length > 0) {
        const pathname = request.url.split('?')[0];
        return send(
          new KibanaResponse(
            403,
            errorBody(
              403,
              `API [${request.method} ${pathname}] is unauthorized for user, this action is granted by the Kibana privileges [${missingPrivilegeList(missing)}]`
            )
          )
        );
      }
    }

    const rawParams = { ...(request.params as Record<string, string>) };
    if (wildcardParam && '*' in rawParams) {
      rawParams[wildcardParam] = rawParams['*'];
      delete rawParams['*'];
    }
    const validated = this.validate(target.validate, rawParams, request.query, request.body);
    if ('error' in validated) return send(new KibanaResponse(400, errorBody(400, validated.error)));

    // The response closing before it finished means the client went away (the request stream's own
    // 'close' fires as soon as the body has been read, so it cannot tell).
    const aborted$ = new Subject<void>();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) aborted$.next();
      aborted$.complete();
    });
    const kibanaRequest = new KibanaRequest({
      id: request.id,
      url: new URL(request.url, 'http://localhost'),
      route: {
        path: route.path,
        method: route.method,
        options: {
          access: route.options.access ?? (route.path.startsWith('/internal') ? 'internal' : 'public'),
          authRequired: route.options.authRequired ?? true,
          xsrfRequired,
          tags: route.options.tags ?? [],
        },
      },
      headers: request.headers,
      params: validated.params,
      query: validated.query,
      body: validated.body,
      spaceId,
      user,
      aborted$: aborted$.asObservable(),
    });

    let response: KibanaResponse;
    try {
      response = await target.handler(this.deps.createContext(kibanaRequest), kibanaRequest, kibanaResponseFactory);
    } catch (error) {
      if (isClusterUnavailable(error)) {
        // A cluster outage is not a bug of the route: say so with a 503 the client can retry, as the status API does.
        this.deps.logger.warn(`${request.method} ${request.url}: Elasticsearch is unavailable: ${error.message}`, { route: route.path, owner: route.owner });
        response = new KibanaResponse(503, errorBody(503, `Elasticsearch is unavailable (${error.name}). Try again once the cluster is reachable.`));
      } else {
        this.deps.logger.error(`${request.method} ${request.url} handler failed: ${(error as Error).message}`, {
          error,
          route: route.path,
          owner: route.owner,
        });
        response = new KibanaResponse(500, errorBody(500, 'An internal server error occurred.'));
      }
    }
    if (!(response instanceof KibanaResponse)) {
      this.deps.logger.error(`Handler of ${route.method.toUpperCase()} ${route.path} did not return a response`);
      response = new KibanaResponse(500, errorBody(500, 'An internal server error occurred.'));
    }
    if (resolvedVersion) reply.header(ELASTIC_HTTP_VERSION_HEADER, resolvedVersion);
    return send(response);
  }

  private resolveVersion(route: RegisteredRoute, request: FastifyRequest): { target: RegisteredVersion } | { error: string } {
    const versioned = route.versioned;
    if (!versioned) return { error: 'not versioned' };
    const available = [...versioned.versions.keys()].sort();
    const list = available.join(',');
    const header = request.headers[ELASTIC_HTTP_VERSION_HEADER];
    let requested = Array.isArray(header) ? header[0] : header;
    if (requested === undefined && versioned.enableQueryVersion) {
      const q = (request.query as Record<string, unknown> | undefined)?.apiVersion;
      if (typeof q === 'string') requested = q;
    }
    if (requested === undefined) {
      // Public routes default to the oldest version, as Kibana does; internal ones must say which.
      if ((route.options.access ?? 'internal') === 'public' && available.length > 0) requested = available[0];
      else return { error: `Please specify a version via ${ELASTIC_HTTP_VERSION_HEADER} header. Available versions: ${list}` };
    }
    const target = versioned.versions.get(requested);
    if (!target) {
      return {
        error: `No version "${requested}" available for [${route.method}] [${route.path}]. Available versions are: ${list}`,
      };
    }
    return { target };
  }

  private validate(
    validate: RegisteredVersion['validate'],
    params: unknown,
    query: unknown,
    body: unknown
  ): { params: unknown; query: unknown; body: unknown } | { error: string } {
    // Like Kibana, parts without a schema reach the handler empty.
    if (validate === false) return { params: {}, query: {}, body: {} };
    const out: Record<'params' | 'query' | 'body', unknown> = { params: {}, query: {}, body: {} };
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = validate[part];
      if (!schema) continue;
      const input = part === 'params' ? params : part === 'query' ? query : body;
      const result = schema.safeParse(input);
      if (!result.success) return { error: formatIssuePath(part, result.error.issues[0]) };
      out[part] = result.data;
    }
    return out;
  }

  private send(reply: FastifyReply, response: KibanaResponse) {
    const headers = response.options.headers ?? {};
    reply.code(response.status);
    reply.header('cache-control', 'private, no-cache, no-store, must-revalidate');
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    const payload = response.payload;
    if (payload === undefined || response.status === 204) return reply.send();
    if (payload instanceof Readable || Buffer.isBuffer(payload)) return reply.send(payload);
    if (typeof payload === 'string') {
      if (!reply.hasHeader('content-type')) reply.type('text/plain; charset=utf-8');
      return reply.send(payload);
    }
    if (!reply.hasHeader('content-type')) reply.type('application/json; charset=utf-8');
    return reply.send(JSON.stringify(payload));
  }
}
