import { z } from 'zod/v4';
import { alertsIndexFor, recentOpenAlertsQuery, totalOf } from './alerts_filter';
import { ToolError, isAuthorizationError, isIndexNotFound, type AssistantTool } from './types';

interface Bucket {
  key: string;
  doc_count: number;
  by_status?: { buckets?: Bucket[] };
}

const SEVERITIES = ['critical', 'high', 'medium', 'low'];

/** `alert_counts`: counts by severity × workflow status (numbers only, nothing to anonymize). */
export const alertCountsTool: AssistantTool<Record<string, never>> = {
  name: 'alert_counts',
  description:
    'Counts of open and acknowledged security alerts of the last 24 hours, by severity and workflow status (building-block alerts excluded).',
  schema: z.strictObject({}),
  async run(_args, ctx) {
    let response;
    try {
      response = await ctx.searchAlerts(
        {
          index: alertsIndexFor(ctx.spaceId),
          size: 0,
          track_total_hits: true,
          query: recentOpenAlertsQuery(ctx.now()),
          aggs: {
            by_severity: {
              terms: { field: 'kibana.alert.severity', size: 10 },
              aggs: { by_status: { terms: { field: 'kibana.alert.workflow_status', size: 10 } } },
            },
          },
        },
        ctx.signal,
      );
    } catch (error) {
      if (isAuthorizationError(error)) throw new ToolError('not authorized');
      if (isIndexNotFound(error)) {
        return { content: JSON.stringify({ total: 0, bySeverity: {} }), summary: 'no alerts index in this space', ok: true };
      }
      throw error;
    }
    const buckets = ((response.aggregations?.by_severity as { buckets?: Bucket[] } | undefined)?.buckets ?? []).slice();
    buckets.sort((a, b) => {
      const ia = SEVERITIES.indexOf(a.key);
      const ib = SEVERITIES.indexOf(b.key);
      return (ia === -1 ? 9 : ia) - (ib === -1 ? 9 : ib);
    });
    const bySeverity: Record<string, Record<string, number>> = {};
    for (const bucket of buckets) {
      bySeverity[bucket.key] = Object.fromEntries((bucket.by_status?.buckets ?? []).map((s) => [s.key, s.doc_count]));
    }
    const total = totalOf(response.hits.total, 0);
    const summary = total === 0 ? 'no open alerts in the last 24 h' : `${total} open or acknowledged alerts in the last 24 h`;
    return { content: JSON.stringify({ total, window: 'last 24 hours', bySeverity }), summary, ok: true };
  },
};
