/** Turns a `_bulk_action` answer into a user message (skipped and failed items are reported, never hidden). */
import type { BulkActionResponse } from '../api';

export function bulkProblems(res: BulkActionResponse<unknown>): string | undefined {
  const skipped = res.attributes.results.skipped.map((x) => `${x.name ?? x.id}: ${x.skip_reason}`);
  const errors = (res.attributes.errors ?? []).map((e) => `${e.message} (${e.items.map((i) => i.name ?? i.id).join(', ')})`);
  const all = [...skipped, ...errors];
  return all.length ? all.join('; ') : undefined;
}
