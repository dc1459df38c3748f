/**
 * Errors the data clients reject with: an HTTP status, a machine code and a message a user can act on. Routes turn
 * them into Kibana-shaped error bodies (`attributes.code`, `missingPrivileges`, `details`).
 */
export class AssistantStorageError extends Error {
  override readonly name = 'AssistantStorageError';
  constructor(
    readonly statusCode: 400 | 403 | 404 | 409 | 413 | 500 | 503,
    readonly code: string,
    message: string,
    readonly extra: { missingPrivileges?: string[]; details?: Array<{ path: string; message: string }> } = {},
  ) {
    super(message);
  }
}

export const notFoundError = (what: string, id: string, spaceId: string) =>
  new AssistantStorageError(404, 'not_found', `${what} ${id} not found in space ${spaceId}`);

export const conflictError = (message: string) => new AssistantStorageError(409, 'conflict', message);

export const missingPrivilegeError = (action: string, missing: string[], labels: string[]) =>
  new AssistantStorageError(403, 'missing_privilege', `${action} requires the privilege ${labels.join(', ')}`, {
    missingPrivileges: missing,
  });

/** The Elasticsearch client's error status, if any. */
export function esStatus(error: unknown): number | undefined {
  const status = (error as { meta?: { statusCode?: unknown } } | null)?.meta?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

export function esErrorType(error: unknown): string | undefined {
  const type = (error as { meta?: { body?: { error?: { type?: unknown } } } } | null)?.meta?.body?.error?.type;
  return typeof type === 'string' ? type : undefined;
}
