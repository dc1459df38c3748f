import { z } from 'zod/v4';
import { findCrossIndexClause } from './cross_index_clauses';

export const CLOSING_REASONS = ['false_positive', 'duplicate', 'true_positive', 'benign_positive', 'automated_closure', 'other'] as const;
/** `in-progress` is accepted (older API) and stored as `acknowledged`, as Elastic Security does. */
export const ALERT_STATUSES = ['open', 'acknowledged', 'in-progress', 'closed'] as const;

export const setAlertStatusRequestBody = z
  .object({
    signal_ids: z.array(z.string().min(1)).min(1).optional(),
    query: z.record(z.string(), z.unknown()).optional(),
    status: z.enum(ALERT_STATUSES),
    reason: z.enum(CLOSING_REASONS).optional(),
    conflicts: z.enum(['abort', 'proceed']).default('abort'),
  })
  .strict()
  .refine((b) => (b.signal_ids === undefined) !== (b.query === undefined), { message: 'Exactly one of signal_ids or query is required', path: ['signal_ids'] })
  .refine((b) => b.reason === undefined || b.status === 'closed', { message: 'reason is allowed only when status is closed', path: ['reason'] })
  .superRefine((b, ctx) => {
    const clause = findCrossIndexClause(b.query);
    if (clause) ctx.addIssue({ code: 'custom', path: ['query'], message: `[${clause}] reads another index; alerts queries may only read the space's alerts` });
  });
export type SetAlertStatusRequestBody = z.infer<typeof setAlertStatusRequestBody>;
export type SetAlertStatusRequestInput = z.input<typeof setAlertStatusRequestBody>;

/** The update-by-query summary Elastic Security answers with. */
export const bulkUpdateSummary = z.object({
  took: z.number(),
  timed_out: z.boolean(),
  total: z.number(),
  updated: z.number(),
  deleted: z.number(),
  batches: z.number(),
  version_conflicts: z.number(),
  noops: z.number(),
  retries: z.object({ bulk: z.number(), search: z.number() }),
  throttled_millis: z.number(),
  requests_per_second: z.number(),
  throttled_until_millis: z.number(),
  failures: z.array(z.object({ id: z.string(), status: z.number(), cause: z.object({ type: z.string(), reason: z.string() }) })),
});
export type BulkUpdateSummary = z.infer<typeof bulkUpdateSummary>;
