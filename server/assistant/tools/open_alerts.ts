import { z } from 'zod/v4';
import { serializeContext } from '../../../common/anonymization';
import { toolResultMaxChars } from '../token_budget';
import { alertsIndexFor, recentOpenAlertsQuery, totalOf } from './alerts_filter';
import { ToolError, isAuthorizationError, isIndexNotFound, type AssistantTool } from './types';

const MIN_CHARS_PER_ALERT = 600;

/**
 * `open_alerts`: the riskiest recent open alerts, each serialized like a context (§5.4) so anonymization,
 * denied values and truncation behave exactly as for attached alerts; fewer alerts when the budget is tight.
 */
export const openAlertsTool: AssistantTool<Record<string, never>> = {
  name: 'open_alerts',
  description:
    'The open and acknowledged security alerts of the last 24 hours, riskiest first, with their fields (some values are anonymized as UUIDs).',
  schema: z.strictObject({}),
  async run(_args, ctx) {
    // Only listed fields are fetched: unlisted ones are never sent; denied ones are needed to scrub them from the rest.
    const includes = ctx.policy
      .rules()
      .map((r) => r.field)
      .filter((f) => f !== '_id');
    let response;
    try {
      response = await ctx.searchAlerts(
        {
          index: alertsIndexFor(ctx.spaceId),
          size: ctx.alertsToAnalyze,
          track_total_hits: true,
          query: recentOpenAlertsQuery(ctx.now()),
          sort: [{ 'kibana.alert.risk_score': { order: 'desc' } }, { '@timestamp': { order: 'desc' } }],
          _source: { includes },
        },
        ctx.signal,
      );
    } catch (error) {
      if (isAuthorizationError(error)) throw new ToolError('not authorized');
      if (isIndexNotFound(error)) return { content: 'No alerts index exists in this space yet.', summary: 'no alerts', ok: true };
      throw error;
    }
    const hits = response.hits.hits;
    const total = totalOf(response.hits.total, hits.length);
    if (hits.length === 0) return { content: 'No open or acknowledged alerts in the last 24 hours.', summary: 'no open alerts', ok: true };

    const budget = toolResultMaxChars(ctx.budget);
    const perAlert = Math.max(MIN_CHARS_PER_ALERT, Math.floor(budget / hits.length));
    const blocks: string[] = [];
    let used = 0;
    for (const hit of hits) {
      const serialized = serializeContext({
        id: hit._id,
        category: 'alert',
        description: 'Open alert',
        document: { ...(hit._source ?? {}), _id: hit._id },
        policy: ctx.policy,
        store: ctx.store,
        minFreeTextLength: ctx.minFreeTextLength,
        limits: { maxChars: perAlert },
      });
      for (const value of serialized.deniedValues) ctx.denied.add(value);
      if (used + serialized.text.length > budget && blocks.length > 0) break;
      used += serialized.text.length;
      blocks.push(serialized.text);
    }
    const header = `Showing ${blocks.length} of ${total} open or acknowledged alerts of the last 24 hours, riskiest first.`;
    return { content: `${header}\n${blocks.join('\n')}`, summary: `showing ${blocks.length} of ${total} alerts`, ok: true };
  },
};
