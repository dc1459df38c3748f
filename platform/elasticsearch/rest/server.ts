/**
 * The HTTP server (node:http, loopback): body limits and gzip, content-type and Accept rules, routing,
 * parameter validation, pretty/filter_path, and Elasticsearch-shaped errors. It never crashes on bad
 * input: every failure becomes a response.
 */
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import { promisify } from 'node:util';
import { timingSafeEqual } from 'node:crypto';
import { EsError } from '../errors';
import type { EsNode } from '../node';
import type { StorageLogger } from '../storage';
import { applyFilterPath } from './filter_path';
import { didYouMean, materializeRaw, parseJsonBody, serializeJson } from './json_body';
import { COMMON_PARAMS, QueryParams, parseBoolParam } from './params';
import { Router, type RouteDefinition } from './router';
import type { RestRequest, RestResponse, ServerInfo } from './types';

export const MAX_CONTENT_LENGTH = 100 * 1024 * 1024;

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);

export interface RestServerOptions {
  node: EsNode;
  info: ServerInfo;
  routes: readonly RouteDefinition[];
  logger: StorageLogger;
  host: string;
  port: number;
  basicAuth?: { username: string; password: string };
}

export interface RestServer {
  readonly port: number;
  close(): Promise<void>;
}

const ACCEPTED_CONTENT_TYPES = new Set([
  'application/json',
  'application/x-ndjson',
  'application/vnd.elasticsearch+json',
  'application/vnd.elasticsearch+x-ndjson',
]);

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function mediaType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

/** `application/vnd.elasticsearch+json; compatible-with=9` → 9 */
function compatibleWith(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = /compatible-with\s*=\s*(\d+)/i.exec(value);
  return m ? Number(m[1]) : undefined;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const declared = Number(headerValue(req.headers['content-length']) ?? '0');
  if (declared > MAX_CONTENT_LENGTH) throw tooLarge(declared);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    total += b.length;
    if (total > MAX_CONTENT_LENGTH) throw tooLarge(total);
    chunks.push(b);
  }
  let body = Buffer.concat(chunks);
  const encoding = headerValue(req.headers['content-encoding'])?.toLowerCase();
  if (body.length > 0 && (encoding === 'gzip' || encoding === 'x-gzip')) {
    body = await gunzip(body, { maxOutputLength: MAX_CONTENT_LENGTH }).catch((e: Error) => {
      throw new EsError(400, 'illegal_argument_exception', `failed to decompress the request body: ${e.message}`);
    });
  } else if (body.length > 0 && encoding === 'deflate') {
    body = await inflate(body, { maxOutputLength: MAX_CONTENT_LENGTH }).catch((e: Error) => {
      throw new EsError(400, 'illegal_argument_exception', `failed to decompress the request body: ${e.message}`);
    });
  }
  return body;
}

function tooLarge(size: number): HttpError {
  return new HttpError(413, {
    error: {
      root_cause: [{ type: 'content_too_long_exception', reason: `request body is too large: ${size} > ${MAX_CONTENT_LENGTH} bytes` }],
      type: 'content_too_long_exception',
      reason: `request body is too large: ${size} > ${MAX_CONTENT_LENGTH} bytes`,
    },
    status: 413,
  });
}

export function startRestServer(options: RestServerOptions): Promise<RestServer> {
  const router = new Router();
  router.addAll(options.routes);
  const sockets = new Set<import('node:net').Socket>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      options.logger.error('Unhandled error while answering a request', { error: e instanceof Error ? e.stack : String(e) });
      if (!res.headersSent) {
        res.writeHead(500, { 'X-elastic-product': 'Elasticsearch', 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { root_cause: [], type: 'exception', reason: 'internal error' }, status: 500 }));
      } else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 65_000;
  // Client bugs must not take the process down.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nX-elastic-product: Elasticsearch\r\nContent-Length: 0\r\n\r\n');
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const queryIndex = rawUrl.indexOf('?');
    const rawPath = queryIndex >= 0 ? rawUrl.slice(0, queryIndex) : rawUrl;
    const query = new URLSearchParams(queryIndex >= 0 ? rawUrl.slice(queryIndex + 1) : '');
    const values = new Map<string, string>();
    for (const [k, v] of query) values.set(k, v);
    const params = new QueryParams(values);
    const accept = headerValue(req.headers['accept']);
    const compat = compatibleWith(accept) ?? compatibleWith(headerValue(req.headers['content-type']));
    const responseType =
      compat === 8 || compat === 9 ? `application/vnd.elasticsearch+json;compatible-with=${compat}` : 'application/json; charset=UTF-8';
    let pretty = false;
    let filterPath: string | undefined;

    const send = (status: number, body: unknown, extraHeaders: Record<string, string> = {}): void => {
      const headers: Record<string, string> = { 'X-elastic-product': 'Elasticsearch', ...extraHeaders };
      if (method === 'HEAD' || body === undefined) {
        headers['content-length'] = '0';
        res.writeHead(status, headers);
        res.end();
        return;
      }
      let payload: unknown = body;
      if (filterPath !== undefined && typeof payload === 'object' && payload !== null) {
        payload = applyFilterPath(materializeRaw(payload), filterPath);
      }
      const text = typeof payload === 'string' && headers['content-type'] ? payload : serializeJson(payload, pretty) + (pretty ? '\n' : '');
      const bytes = Buffer.from(text, 'utf8');
      headers['content-type'] ??= responseType;
      headers['content-length'] = String(bytes.length);
      res.writeHead(status, headers);
      res.end(bytes);
    };

    try {
      let bodyBuffer: Buffer;
      try {
        bodyBuffer = await readBody(req);
      } catch (e) {
        // Leave the connection: the rest of an oversized body is not read.
        res.setHeader('connection', 'close');
        throw e;
      }
      if (options.basicAuth) checkBasicAuth(headerValue(req.headers.authorization), options.basicAuth, rawUrl);
      const match = router.match(method, rawPath);
      if (match.kind === 'not_found') {
        send(400, { error: `no handler found for uri [${rawUrl}] and method [${method}]`, status: 400 });
        return;
      }
      if (match.kind === 'method_not_allowed') {
        send(
          405,
          { error: `Incorrect HTTP method for uri [${rawUrl}] and method [${method}], allowed: [${match.allowed.join(', ')}]`, status: 405 },
          { Allow: match.allowed.join(',') },
        );
        return;
      }
      if (params.has('pretty')) pretty = parseBoolParam(params.get('pretty') ?? '');
      filterPath = params.get('filter_path');
      if (bodyBuffer.length > 0) {
        const ct = headerValue(req.headers['content-type']);
        if (ct !== undefined && !ACCEPTED_CONTENT_TYPES.has(mediaType(ct))) {
          send(406, { error: `Content-Type header [${ct}] is not supported`, status: 406 });
          return;
        }
      }
      checkParams(rawPath, params, match.route);
      const bodyText = bodyBuffer.length > 0 ? bodyBuffer.toString('utf8') : sourceParam(params);
      let parsed: { value: unknown } | undefined;
      const request: RestRequest = {
        method,
        path: rawPath,
        pathParams: match.pathParams,
        params,
        bodyText,
        body() {
          parsed ??= { value: parseJsonBody(bodyText) };
          return parsed.value;
        },
        headers: req.headers,
        node: options.node,
        info: options.info,
      };
      const response: RestResponse = await match.route.handler(request);
      send(response.status, response.body, contentTypeOverride(response));
    } catch (e) {
      if (e instanceof HttpError) {
        send(e.status, e.body, e.status === 401 ? { 'WWW-Authenticate': 'Basic realm="security", charset="UTF-8"' } : {});
      } else if (e instanceof EsError) {
        send(e.status, e.toBody());
      } else {
        const message = e instanceof Error ? e.message : String(e);
        options.logger.error('Request failed', { method, path: rawPath, error: e instanceof Error ? e.stack : message });
        send(500, { error: { root_cause: [{ type: 'exception', reason: message }], type: 'exception', reason: message }, status: 500 });
      }
    }
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}

/** Basic auth (spec §1 SHOULD): constant-time comparison, Elasticsearch's 401 bodies. */
function checkBasicAuth(header: string | undefined, expected: { username: string; password: string }, uri: string): void {
  const fail = (reason: string): HttpError => {
    const cause = { type: 'security_exception', reason, header: { 'WWW-Authenticate': ['Basic realm="security", charset="UTF-8"'] } };
    return new HttpError(401, { error: { root_cause: [cause], ...cause }, status: 401 });
  };
  if (!header || !/^basic /i.test(header)) throw fail(`missing authentication credentials for REST request [${uri}]`);
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
  const password = colon >= 0 ? decoded.slice(colon + 1) : '';
  const same = (a: string, b: string): boolean => {
    const ab = Buffer.from(a);
    const bb = Buffer.from(b);
    return ab.length === bb.length && timingSafeEqual(ab, bb);
  };
  if (!(same(user, expected.username) && same(password, expected.password))) {
    throw fail(`unable to authenticate user [${user}] for REST request [${uri}]`);
  }
}

/** Text responses (`_cat` without format=json) carry their own content type. */
function contentTypeOverride(response: RestResponse): Record<string, string> {
  if (typeof response.body === 'string') return { 'content-type': 'text/plain; charset=UTF-8' };
  return {};
}

/** `?source=` carries the body for clients that cannot send one on GET. */
function sourceParam(params: QueryParams): string {
  return params.get('source') ?? '';
}

function checkParams(path: string, params: QueryParams, route: RouteDefinition): void {
  if (route.params.includes('*')) return;
  const allowed = new Set([...COMMON_PARAMS, ...route.params]);
  const unknown = params.names().filter((p) => !allowed.has(p));
  if (unknown.length === 0) return;
  const described = unknown.map((p) => {
    const suggestions = didYouMean(p, [...allowed]);
    if (suggestions.length === 0) return `[${p}]`;
    return suggestions.length === 1
      ? `[${p}] -> did you mean [${suggestions[0]}]?`
      : `[${p}] -> did you mean any of [${suggestions.join(', ')}]?`;
  });
  const noun = unknown.length === 1 ? 'parameter' : 'parameters';
  throw new EsError(400, 'illegal_argument_exception', `request [${path}] contains unrecognized ${noun}: ${described.join(', ')}`);
}
