/** Resolves identity and space once per request and builds the data clients routes use. */
import type { IKibanaResponse, KibanaResponseFactory, RequestHandlerContext } from '../../../../core/server';
import { createAlertsClient, type AlertsClient } from '../alerts';
import { createNotesClient, NoteConflictError, NoteNotFoundError, type NotesClient } from '../notes';

export async function clientsFor(context: RequestHandlerContext): Promise<{ alerts: AlertsClient; notes: NotesClient; spaceId: string; username: string }> {
  const core = await context.core;
  const spaceId = core.spaces.getSpaceId();
  const username = core.security.authc.getCurrentUser()?.username ?? 'unknown';
  const esClient = core.elasticsearch.client.asCurrentUser;
  return { alerts: createAlertsClient({ esClient, spaceId, username }), notes: createNotesClient({ esClient, spaceId, username }), spaceId, username };
}

/** Elasticsearch 4xx and domain errors → the status and message the API answers with; undefined for anything else. */
export function toHttpError(error: unknown): { statusCode: number; message: string } | undefined {
  if (error instanceof NoteNotFoundError) return { statusCode: 404, message: error.message };
  if (error instanceof NoteConflictError) return { statusCode: 409, message: error.message };
  const meta = (error as { meta?: { statusCode?: number; body?: { error?: { reason?: string; type?: string } } } }).meta;
  if (meta?.statusCode && meta.statusCode >= 400 && meta.statusCode < 500) {
    const reason = meta.body?.error?.reason ?? (error as Error).message;
    return { statusCode: meta.statusCode, message: reason };
  }
  return undefined;
}

/**
 * The client's fault becomes its 4xx; anything else is rethrown so the HTTP layer logs it (with the route) and
 * answers a generic 500 instead of echoing an internal message nobody logged.
 */
export function errorResponse(error: unknown, response: KibanaResponseFactory): IKibanaResponse {
  const mapped = toHttpError(error);
  if (!mapped) throw error;
  return response.customError({ statusCode: mapped.statusCode, body: mapped.message });
}
