/** Resolves identity and space once per request and builds the data clients routes use. */
import type { RequestHandlerContext } from '../../../../core/server';
import { createAlertsClient, type AlertsClient } from '../alerts';
import { createNotesClient, NoteConflictError, NoteNotFoundError, type NotesClient } from '../notes';

export async function clientsFor(context: RequestHandlerContext): Promise<{ alerts: AlertsClient; notes: NotesClient; spaceId: string; username: string }> {
  const core = await context.core;
  const spaceId = core.spaces.getSpaceId();
  const username = core.security.authc.getCurrentUser()?.username ?? 'unknown';
  const esClient = core.elasticsearch.client.asCurrentUser;
  return { alerts: createAlertsClient({ esClient, spaceId, username }), notes: createNotesClient({ esClient, spaceId, username }), spaceId, username };
}

/** Elasticsearch and domain errors → the status and message the API answers with. */
export function toHttpError(error: unknown): { statusCode: number; message: string } {
  if (error instanceof NoteNotFoundError) return { statusCode: 404, message: error.message };
  if (error instanceof NoteConflictError) return { statusCode: 409, message: error.message };
  const meta = (error as { meta?: { statusCode?: number; body?: { error?: { reason?: string; type?: string } } } }).meta;
  if (meta?.statusCode && meta.statusCode >= 400 && meta.statusCode < 500) {
    const reason = meta.body?.error?.reason ?? (error as Error).message;
    return { statusCode: meta.statusCode, message: reason };
  }
  return { statusCode: 500, message: `${(error as Error).message}` };
}
