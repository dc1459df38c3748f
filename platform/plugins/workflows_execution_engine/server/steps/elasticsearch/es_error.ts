import { ElasticsearchError } from '../errors';
import type { EsTransportRequest } from './request_mapping';

interface ResponseErrorLike {
  name: string;
  message: string;
  meta?: { statusCode?: number; body?: unknown };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `{type, reason}` of an Elasticsearch error body (`{error: {type, reason}, status}`), if it has one. */
export function errorCause(body: unknown): { type?: string; reason?: string } {
  if (!isRecord(body)) return typeof body === 'string' && body !== '' ? { reason: body } : {};
  const error = body.error;
  if (isRecord(error)) {
    return {
      ...(typeof error.type === 'string' ? { type: error.type } : {}),
      ...(typeof error.reason === 'string' ? { reason: error.reason } : {}),
    };
  }
  return typeof error === 'string' ? { reason: error } : {};
}

/** Maps a client failure to ElasticsearchError with `details {statusCode, type, reason}` (workflow-engine §2.4). */
export function toElasticsearchError(error: unknown, request: EsTransportRequest): ElasticsearchError {
  const where = `${request.method} ${request.path}`;
  const e = (typeof error === 'object' && error !== null ? error : { name: 'Error', message: String(error) }) as ResponseErrorLike;
  if (e.name === 'ResponseError' && e.meta) {
    const statusCode = e.meta.statusCode;
    const { type, reason } = errorCause(e.meta.body);
    const text = [type, reason].filter(Boolean).join(': ') || e.message;
    return new ElasticsearchError(`Elasticsearch ${where} failed with status ${statusCode}: ${text}`, { statusCode, type, reason }, { cause: error });
  }
  // Connection failures, aborts and serialization errors carry no status.
  return new ElasticsearchError(`Elasticsearch ${where} failed: ${e.message}`, { type: e.name, reason: e.message }, { cause: error });
}
