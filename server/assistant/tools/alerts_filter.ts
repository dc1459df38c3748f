import { alertsAliasForSpace } from '../../../common/workflows/alerts_index';

/** The §8.2 alert filter shared by `alert_counts` and `open_alerts`: last 24 h, open + acknowledged, no building blocks. */
export function recentOpenAlertsQuery(now: Date): Record<string, unknown> {
  return {
    bool: {
      filter: [
        { range: { '@timestamp': { gte: new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString(), lte: now.toISOString() } } },
        { terms: { 'kibana.alert.workflow_status': ['open', 'acknowledged'] } },
      ],
      must_not: [{ exists: { field: 'kibana.alert.building_block_type' } }],
    },
  };
}

/** Alerts always come from the space's own alias, never from a client-supplied index (G10). */
export const alertsIndexFor = alertsAliasForSpace;

export function totalOf(total: number | { value: number } | undefined, fallback: number): number {
  if (typeof total === 'number') return total;
  return total?.value ?? fallback;
}
