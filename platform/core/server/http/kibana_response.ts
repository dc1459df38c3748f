import type { Readable } from 'node:stream';

export type ResponseHeaders = Record<string, string | string[]>;
export type ResponseBody = string | Buffer | Readable | object | number | boolean | null | undefined;

/** A handler's answer; the HTTP layer turns it into the wire response. */
export class KibanaResponse<T = ResponseBody> {
  constructor(
    readonly status: number,
    readonly payload?: T,
    readonly options: { headers?: ResponseHeaders } = {}
  ) {}
}

export type IKibanaResponse<T = ResponseBody> = KibanaResponse<T>;

/** Error payloads as handlers give them: a message, an Error, or a message with attributes. */
export type ResponseErrorBody = string | Error | { message: string; attributes?: Record<string, unknown> };

export interface ErrorResponseOptions {
  body?: ResponseErrorBody;
  headers?: ResponseHeaders;
}

export interface KibanaErrorBody {
  statusCode: number;
  error: string;
  message: string;
  attributes?: Record<string, unknown>;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Time-out',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request Entity Too Large',
  414: 'Request-URI Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Time-out',
};

export const httpReason = (status: number) => REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');

/** The `{ statusCode, error, message }` body Kibana answers errors with. */
export function errorBody(status: number, body?: ResponseErrorBody): KibanaErrorBody {
  const message =
    body === undefined ? httpReason(status) : typeof body === 'string' ? body : body.message || httpReason(status);
  const attributes = body !== undefined && typeof body === 'object' && !(body instanceof Error) ? body.attributes : undefined;
  return { statusCode: status, error: httpReason(status), message, ...(attributes ? { attributes } : {}) };
}

const error = (status: number) => (options: ErrorResponseOptions = {}) =>
  new KibanaResponse<KibanaErrorBody>(status, errorBody(status, options.body), { headers: options.headers });

export interface SuccessResponseOptions<T> {
  body?: T;
  headers?: ResponseHeaders;
}

export const kibanaResponseFactory = {
  ok: <T extends ResponseBody>(options: SuccessResponseOptions<T> = {}) =>
    new KibanaResponse<T | undefined>(200, options.body, { headers: options.headers }),
  accepted: <T extends ResponseBody>(options: SuccessResponseOptions<T> = {}) =>
    new KibanaResponse<T | undefined>(202, options.body, { headers: options.headers }),
  noContent: (options: { headers?: ResponseHeaders } = {}) => new KibanaResponse<undefined>(204, undefined, options),
  redirected: <T extends ResponseBody>(options: SuccessResponseOptions<T> & { headers: { location: string } & ResponseHeaders }) =>
    new KibanaResponse<T | undefined>(302, options.body, { headers: options.headers }),
  badRequest: error(400),
  unauthorized: error(401),
  forbidden: error(403),
  notFound: error(404),
  conflict: error(409),
  unprocessableContent: error(422),
  customError: (options: ErrorResponseOptions & { statusCode: number }) => {
    if (options.statusCode < 400 || options.statusCode > 599) {
      throw new Error(`customError expects an error status code (4xx/5xx), got ${options.statusCode}`);
    }
    return error(options.statusCode)(options);
  },
  custom: <T extends ResponseBody>(options: SuccessResponseOptions<T> & { statusCode: number }) =>
    new KibanaResponse<T | undefined>(options.statusCode, options.body, { headers: options.headers }),
};

export type KibanaResponseFactory = typeof kibanaResponseFactory;
