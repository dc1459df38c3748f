import type { ApiPath, ApiSpec } from './api_spec';
import { isRecord } from './object_path';

/** A client-side error (the YAML `catch: param`): the call cannot be made as written. */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

export interface HttpRequest {
  method: string;
  /** Path with query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface BuiltCall {
  request: HttpRequest;
  /** Statuses the client was told to ignore (`ignore: 404`). */
  ignore: number[];
}

/** Parameters every API accepts (rest-api-spec `_common.json`) or that the client consumes itself. */
const GLOBAL_PARAMS = new Set(['error_trace', 'filter_path', 'human', 'pretty', 'source']);

export function paramText(value: unknown): string {
  if (Array.isArray(value)) return value.map(paramText).join(',');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

function encodePart(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%2A/gi, '*');
}

/** The paths whose parts are all provided, keeping those with the most parts (ES's getBestMatchingPaths). */
export function bestPaths(paths: readonly ApiPath[], provided: ReadonlySet<string>): ApiPath[] {
  const candidates = paths.filter((p) => p.parts.every((part) => provided.has(part)));
  const most = Math.max(-1, ...candidates.map((p) => p.parts.length));
  return candidates.filter((p) => p.parts.length === most);
}

/** Deterministic choice where the official runner picks at random: POST/PUT carry bodies, GET otherwise. */
export function chooseMethod(methods: readonly string[], hasBody: boolean): string {
  const order = hasBody ? ['POST', 'PUT', 'GET', 'DELETE', 'HEAD'] : ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'];
  for (const method of order) if (methods.includes(method)) return method;
  return methods[0];
}

function serializeBody(spec: ApiSpec, body: unknown): { text: string; contentType: string } {
  if (spec.body === 'ndjson') {
    if (typeof body === 'string') return { text: body, contentType: 'application/x-ndjson' };
    const lines = (Array.isArray(body) ? body : [body]).map((line) => (typeof line === 'string' ? line : JSON.stringify(line)));
    return { text: `${lines.join('\n')}\n`, contentType: 'application/x-ndjson' };
  }
  return { text: typeof body === 'string' ? body : JSON.stringify(body), contentType: 'application/json' };
}

/** Turns a `do:` call (API name + arguments) into an HTTP request. Throws ParamError like the Java client. */
export function buildCall(spec: ApiSpec, args: Record<string, unknown>, extraHeaders: Record<string, string> = {}): BuiltCall {
  const allParts = new Set(spec.paths.flatMap((p) => p.parts));
  const parts = new Map<string, string>();
  const query: string[] = [];
  let ignore: number[] = [];
  let body: unknown;
  let hasBody = false;
  for (const [key, value] of Object.entries(args)) {
    if (key === 'body') {
      body = value;
      hasBody = value !== null && value !== undefined;
    } else if (key === 'ignore') {
      ignore = (Array.isArray(value) ? value : [value]).map(Number);
    } else if (allParts.has(key)) {
      parts.set(key, paramText(value));
    } else if (spec.params === undefined || spec.params.has(key) || GLOBAL_PARAMS.has(key)) {
      query.push(`${encodeURIComponent(key)}=${encodeURIComponent(paramText(value))}`);
    } else {
      throw new ParamError(`path/param [${key}] not supported by [${spec.name}] api`);
    }
  }
  if (hasBody && spec.body === 'none') throw new ParamError(`body is not supported by [${spec.name}] api`);
  if (!hasBody && (spec.body === 'required' || spec.body === 'ndjson')) {
    throw new ParamError(`body is required by [${spec.name}] api`);
  }
  const best = bestPaths(spec.paths, new Set(parts.keys()));
  if (best.length === 0) throw new ParamError(`no path of [${spec.name}] api matches the parts [${[...parts.keys()].join(', ')}]`);
  const chosen = best[0];
  const unused = [...parts.keys()].filter((p) => !chosen.parts.includes(p));
  if (unused.length > 0) throw new ParamError(`path parts [${unused.join(', ')}] cannot be used by [${spec.name}] api`);
  const path = chosen.path.replace(/\{([^}]+)\}/g, (_m, part: string) => encodePart(parts.get(part) ?? ''));
  const method = chooseMethod(best.flatMap((p) => p.methods), hasBody);
  const headers: Record<string, string> = {};
  let text: string | undefined;
  if (hasBody) {
    const serialized = serializeBody(spec, body);
    text = serialized.text;
    headers['content-type'] = serialized.contentType;
  }
  for (const [name, value] of Object.entries(extraHeaders)) headers[name.toLowerCase()] = value;
  return {
    request: { method, path: query.length > 0 ? `${path}?${query.join('&')}` : path, headers, body: text },
    ignore,
  };
}

export function asArgs(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (!isRecord(value)) throw new ParamError(`api arguments must be a map, got ${JSON.stringify(value)}`);
  return value;
}
