/**
 * Elasticsearch-shaped errors. Every module throws `EsError`; the REST layer turns it into
 * `{"error":{"root_cause":[...],"type","reason",...meta},"status":N}` exactly as Elasticsearch does.
 */
export interface EsErrorCause {
  type: string;
  reason: string;
  [meta: string]: unknown;
}

export class EsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly reason: string,
    /** Metadata written beside `type` (index, index_uuid, shard, resource.type, line, col, ...). */
    readonly meta: Record<string, unknown> = {},
    readonly causedBy?: EsError,
  ) {
    super(reason);
    this.name = 'EsError';
  }

  /** The innermost causes, as Elasticsearch reports them in `root_cause`. */
  rootCauses(): EsErrorCause[] {
    if (this.causedBy) return this.causedBy.rootCauses();
    return [this.toCause()];
  }

  toCause(): EsErrorCause {
    const cause: EsErrorCause = { type: this.type, reason: this.reason, ...this.meta };
    if (this.causedBy) cause.caused_by = this.causedBy.toCause();
    return cause;
  }

  toBody(): { error: Record<string, unknown>; status: number } {
    return { error: { root_cause: this.rootCauses(), ...this.toCause() }, status: this.status };
  }
}

export const UNSUPPORTED_SUFFIX =
  'is not supported by the embedded Elasticsearch-compatible store; configure elasticsearch.hosts to use a real Elasticsearch cluster';

/** §11 of the spec: features outside the subset are rejected with 400 and no side effect. */
export function unsupported(feature: string, what: string): EsError {
  return new EsError(400, 'illegal_argument_exception', `${what} ${UNSUPPORTED_SUFFIX}`, {
    embedded_unsupported: feature,
  });
}

export function illegalArgument(reason: string, meta?: Record<string, unknown>): EsError {
  return new EsError(400, 'illegal_argument_exception', reason, meta);
}

export function parsingException(reason: string, meta?: Record<string, unknown>): EsError {
  return new EsError(400, 'parsing_exception', reason, meta);
}

export function indexNotFound(index: string): EsError {
  return new EsError(404, 'index_not_found_exception', `no such index [${index}]`, {
    'resource.type': 'index_or_alias',
    'resource.id': index,
    index_uuid: '_na_',
    index,
  });
}

export function validationFailed(messages: string[]): EsError {
  const reason = `Validation Failed: ${messages.map((m, i) => `${i + 1}: ${m};`).join(' ')}`;
  return new EsError(400, 'action_request_validation_exception', reason);
}
