import { z } from 'zod/v4';
import { conversationCreateSchema, type ConversationCreate, type ConversationsImportResponse } from '../../../common/api/conversations';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { AssistantStorageError } from '../../storage/errors';
import { defineAssistantRoute } from '../route_helpers';

const MAX_IMPORT_LINES = 1_000;
/** Fields an export carries that the server sets itself on import. */
const SERVER_FIELDS = ['namespace', 'createdAt', 'updatedAt', 'users', 'createdBy', 'messageCount'];

/** Parses an NDJSON export: every line validated; the first bad line fails the whole import (nothing written). */
export function parseConversationsNdjson(text: string): ConversationCreate[] {
  const lines = text.split('\n').map((l) => l.trim());
  const out: ConversationCreate[] = [];
  lines.forEach((line, i) => {
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new AssistantStorageError(400, 'invalid_ndjson', `Line ${i + 1} is not valid JSON`, { details: [{ path: `line ${i + 1}`, message: 'Invalid JSON' }] });
    }
    const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : value;
    if (record && typeof record === 'object') for (const f of SERVER_FIELDS) delete (record as Record<string, unknown>)[f];
    const parsed = conversationCreateSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AssistantStorageError(400, 'invalid_ndjson', `Line ${i + 1}: [${issue.path.join('.')}]: ${issue.message}`, {
        details: parsed.error.issues.map((x) => ({ path: `line ${i + 1}.${x.path.join('.')}`, message: x.message })),
      });
    }
    out.push(parsed.data);
  });
  if (out.length > MAX_IMPORT_LINES) throw new AssistantStorageError(400, 'too_many_lines', `An import holds at most ${MAX_IMPORT_LINES} conversations`);
  return out;
}

/** C9 `POST /current_user/conversations/_import` (NDJSON body): imported as the user's; colliding ids renewed. */
export function registerImportConversationsRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'post',
    path: API_ROUTES.conversationsImport,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Import conversations from NDJSON',
    validate: { body: z.string({ error: 'Expected an NDJSON body (content-type application/x-ndjson)' }) },
    options: { bodyMaxBytes: 50 * 1024 * 1024 },
    handler: async ({ services, scope }, { body }, response) => {
      const conversations = parseConversationsNdjson(body);
      const result = await services.dataClients.conversations.importMany(scope, conversations);
      const reply: ConversationsImportResponse = { success: true, imported: result.imported.length, renamed: result.renamed, errors: [] };
      return response.ok({ body: reply });
    },
  });
}
