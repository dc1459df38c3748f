/**
 * Per-index query errors. Elasticsearch wraps anything thrown while turning a query into a Lucene
 * query as `query_shard_exception` "failed to create query: …". Java exceptions (NumberFormatException,
 * IllegalArgumentException) are not root causes there, so they go in `caused_by` metadata only.
 */
import { EsError } from '../errors';
import type { SearchView } from '../search_view';

/** A Java (non-Elasticsearch) exception: reported as `caused_by`, never as a root cause. */
export class JavaException extends Error {
  constructor(
    readonly type: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'JavaException';
  }
}

export function shardMeta(view: SearchView): Record<string, unknown> {
  return { index_uuid: view.uuid, index: view.index };
}

export function queryShardException(view: SearchView, reason: string, extra?: Record<string, unknown>, cause?: EsError): EsError {
  return new EsError(400, 'query_shard_exception', reason, { ...shardMeta(view), ...extra }, cause);
}

/** Wraps an error thrown while building a query on `view` as Elasticsearch does. */
export function wrapQueryError(view: SearchView, error: unknown): unknown {
  if (error instanceof JavaException) {
    return queryShardException(view, `failed to create query: ${error.reason}`, {
      caused_by: { type: error.type, reason: error.reason },
    });
  }
  if (error instanceof EsError) {
    if (error.type === 'query_shard_exception' || error.type === 'parsing_exception') return error;
    if (error.meta.embedded_unsupported !== undefined) return error;
    return queryShardException(view, `failed to create query: ${error.reason}`, {}, error);
  }
  return error;
}

export function numberFormat(value: unknown): JavaException {
  return new JavaException('number_format_exception', `For input string: "${String(value)}"`);
}

export function illegalArgumentJava(reason: string): JavaException {
  return new JavaException('illegal_argument_exception', reason);
}
