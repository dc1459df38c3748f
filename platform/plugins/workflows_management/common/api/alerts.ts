import { z } from 'zod/v4';
import { LIMITS } from '../constants';

/** `POST /internal/workflows/alerts/_search`: the run dialog's alert picker (workflow-engine §6, §7). */

export const searchAlertsBody = z
  .object({
    /** KQL; empty means every alert in the time range. */
    query: z.string().max(10_000).optional(),
    from: z.string().min(1).default('now-24h'),
    to: z.string().min(1).default('now'),
    size: z.number().int().min(1).max(LIMITS.maxAlertSearchSize).default(LIMITS.defaultAlertSearchSize),
  })
  .strict();
export type SearchAlertsBody = z.output<typeof searchAlertsBody>;

export const alertSummary = z.object({
  _id: z.string(),
  _index: z.string(),
  '@timestamp': z.string(),
  ruleName: z.string(),
  severity: z.string(),
  status: z.string(),
  reason: z.string(),
  hostName: z.string().optional(),
  userName: z.string().optional(),
});
export type AlertSummary = z.output<typeof alertSummary>;

export const searchAlertsResponse = z.object({ alerts: z.array(alertSummary), total: z.number().int() });
export type SearchAlertsResponse = z.output<typeof searchAlertsResponse>;
