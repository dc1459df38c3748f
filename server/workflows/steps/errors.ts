/** Errors the triage steps return as values, each with a message a user can act on. */

export class AlertNotFoundError extends Error {
  constructor(
    readonly alertId: string,
    readonly where: string,
  ) {
    super(`Alert with ID ${alertId} not found in ${where}`);
    this.name = 'AlertNotFoundError';
  }
}

export class IndexOutsideSpaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexOutsideSpaceError';
  }
}

/** An Elasticsearch request failed; the message names the request and the ES error type and reason. */
export class TriageSearchError extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what} failed: ${describeError(cause)}`, { cause });
    this.name = 'TriageSearchError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** `type: reason` for Elasticsearch errors (client errors or msearch/mget error entries), the message otherwise. */
export function describeError(error: unknown): string {
  if (isRecord(error)) {
    const body = isRecord(error.meta) && isRecord(error.meta.body) ? error.meta.body : undefined;
    const cause = isRecord(body?.error) ? body.error : isRecord(error.error) ? error.error : undefined;
    if (cause !== undefined && typeof cause.type === 'string') {
      return typeof cause.reason === 'string' ? `${cause.type}: ${cause.reason}` : cause.type;
    }
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
