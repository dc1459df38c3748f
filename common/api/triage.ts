/** Triage results for the alerts app: the related-alert graph and the narrative of one alert. */
import { z } from 'zod/v4';
import { INTERNAL_API_BASE } from '../constants';
import { buildAlertEntityGraphOutputSchema } from '../workflows/build_alert_entity_graph';

export const TRIAGE_ROUTES = {
  relatedGraph: `${INTERNAL_API_BASE}/alerts/{alertId}/related_graph`,
  narrative: `${INTERNAL_API_BASE}/alerts/{alertId}/narrative`,
} as const;

/** The concrete URL of a triage route for one alert (the id is path-encoded). */
export const triageRoutePath = (route: keyof typeof TRIAGE_ROUTES, alertId: string): string =>
  TRIAGE_ROUTES[route].replace('{alertId}', encodeURIComponent(alertId));

export const triageAlertParamsSchema = z.object({ alertId: z.string().min(1).max(512) });
export type TriageAlertParams = z.infer<typeof triageAlertParamsSchema>;

/** The graph builder's output with the triage workflow's settings, the seed included. */
export const relatedGraphResponseSchema = buildAlertEntityGraphOutputSchema;
export type RelatedGraphResponse = z.infer<typeof relatedGraphResponseSchema>;

export const narrativeResponseSchema = z.object({
  alert_id: z.string(),
  alert_index: z.string(),
  strategy: z.string(),
  text: z.string(),
});
export type NarrativeResponse = z.infer<typeof narrativeResponseSchema>;

/** Ids of the preinstalled triage workflow and the tag prefix it writes (mirrors workflows/security.alert.validation.yml). */
export const TRIAGE_WORKFLOW_ID = 'workflow-3cf6d7f4-864f-4722-834d-ae1743f445ea';
export const TRIAGE_TAG_PREFIX = 'workflow.security.alert.validation';
/** Most alerts one bulk "Run triage" sends in a single run. */
export const MAX_BULK_TRIAGE_ALERTS = 100;
