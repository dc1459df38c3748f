import type { BulkActionError, BulkActionResponse, BulkActionSkipped } from '../../common/api/primitives';
import { AssistantStorageError } from './errors';

/** One item's failure inside a bulk action. */
export interface BulkItemFailure {
  id: string;
  name?: string;
  statusCode: number;
  message: string;
}

export interface BulkOutcome<T> {
  created: T[];
  updated: T[];
  deleted: string[];
  skipped: BulkActionSkipped[];
  failures: BulkItemFailure[];
}

const ITEM_ERROR_STATUSES = new Set([400, 403, 404, 409, 413]);

/**
 * Shapes a bulk action's outcome (assistant.md §3.1): errors grouped by message and status; HTTP 200 when nothing
 * failed, 207 when some items failed and others succeeded or were skipped, else the first error's status
 * (400/403/404/409, anything else 500).
 */
export function shapeBulkResponse<T>(outcome: BulkOutcome<T>): { statusCode: number; body: BulkActionResponse<T> } {
  const succeeded = outcome.created.length + outcome.updated.length + outcome.deleted.length;
  const failed = outcome.failures.length;
  const skipped = outcome.skipped.length;
  const groups = new Map<string, BulkActionError>();
  for (const f of outcome.failures) {
    const key = `${f.statusCode}\u0000${f.message}`;
    const group = groups.get(key) ?? { message: f.message, status_code: f.statusCode, items: [] };
    group.items.push(f.name !== undefined ? { id: f.id, name: f.name } : { id: f.id });
    groups.set(key, group);
  }
  let statusCode = 200;
  if (failed > 0) {
    if (succeeded + skipped > 0) statusCode = 207;
    else {
      const first = outcome.failures[0].statusCode;
      statusCode = first === 400 || first === 403 || first === 404 || first === 409 ? first : 500;
    }
  }
  return {
    statusCode,
    body: {
      success: failed === 0,
      status_code: statusCode,
      attributes: {
        results: { created: outcome.created, updated: outcome.updated, deleted: outcome.deleted, skipped: outcome.skipped },
        summary: { total: succeeded + failed + skipped, succeeded, failed, skipped },
        ...(failed > 0 ? { errors: [...groups.values()] } : {}),
      },
    },
  };
}

/** Marks an item as skipped rather than failed (e.g. built-in prompts, no-op updates). */
export class BulkSkip extends Error {
  override readonly name = 'BulkSkip';
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface BulkHandlers<C, U, T> {
  create(item: C): Promise<T>;
  update(item: U): Promise<T>;
  delete(id: string): Promise<void>;
  /** Ids matching a KQL `delete.query` (already scoped to what the caller may see). */
  idsForQuery(query: string): Promise<string[]>;
  /** A label for an item in errors. */
  describeCreate(item: C): { id: string; name?: string };
}

/**
 * Runs creates, then updates, then deletes, one at a time so each item's checks (privileges, ownership, limits,
 * duplicates) see the previous items' effects. Storage errors become item failures; anything else propagates.
 */
export async function runBulkAction<C, U extends { id: string }, T>(
  action: { create?: C[]; update?: U[]; delete?: { ids?: string[]; query?: string } },
  handlers: BulkHandlers<C, U, T>,
): Promise<BulkOutcome<T>> {
  const outcome: BulkOutcome<T> = { created: [], updated: [], deleted: [], skipped: [], failures: [] };
  const attempt = async (label: { id: string; name?: string }, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      if (error instanceof BulkSkip) outcome.skipped.push({ ...label, skip_reason: error.reason });
      else if (error instanceof AssistantStorageError && ITEM_ERROR_STATUSES.has(error.statusCode)) {
        outcome.failures.push({ ...label, statusCode: error.statusCode, message: error.message });
      } else throw error;
    }
  };
  for (const item of action.create ?? []) {
    await attempt(handlers.describeCreate(item), async () => {
      outcome.created.push(await handlers.create(item));
    });
  }
  for (const item of action.update ?? []) {
    await attempt({ id: item.id }, async () => {
      outcome.updated.push(await handlers.update(item));
    });
  }
  const deleteIds = new Set(action.delete?.ids ?? []);
  if (action.delete?.query) for (const id of await handlers.idsForQuery(action.delete.query)) deleteIds.add(id);
  for (const id of deleteIds) {
    await attempt({ id }, async () => {
      await handlers.delete(id);
      outcome.deleted.push(id);
    });
  }
  return outcome;
}
