import { z } from 'zod/v4';
import { findCrossIndexClause } from './cross_index_clauses';

/** The subset of the search API the alerts search route forwards (Elastic Security's signals/search). */
export const searchAlertsRequestBody = z
  .object({
    query: z.record(z.string(), z.unknown()).optional(),
    aggs: z.record(z.string(), z.unknown()).optional(),
    size: z.number().int().min(0).max(10_000).optional(),
    from: z.number().int().min(0).optional(),
    sort: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown()), z.string()]).optional(),
    search_after: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    _source: z.union([z.boolean(), z.string(), z.array(z.string()), z.record(z.string(), z.unknown())]).optional(),
    track_total_hits: z.union([z.boolean(), z.number().int()]).optional(),
    fields: z.array(z.unknown()).optional(),
    seq_no_primary_term: z.boolean().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const part of ['query', 'aggs'] as const) {
      const clause = findCrossIndexClause(body[part]);
      if (clause) ctx.addIssue({ code: 'custom', path: [part], message: `[${clause}] reads another index; alerts queries may only read the space's alerts` });
    }
  });
export type SearchAlertsRequestBody = z.infer<typeof searchAlertsRequestBody>;

export interface AlertHit {
  _id: string;
  _index: string;
  _source: Record<string, unknown>;
  sort?: unknown[];
  _seq_no?: number;
  _primary_term?: number;
}

export interface SearchAlertsResponse {
  took: number;
  timed_out: boolean;
  hits: { total: { value: number; relation: 'eq' | 'gte' }; hits: AlertHit[] };
  aggregations?: Record<string, unknown>;
}
