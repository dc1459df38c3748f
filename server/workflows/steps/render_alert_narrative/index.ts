export { renderAlertNarrativeHandler, renderAlertNarrativeStepDefinition, renderAlertNarratives } from './handler';
export { fetchAlerts, normalizeAlertRequests, NARRATIVE_SOURCE_EXCLUDES } from './fetch_alerts';
export type { AlertRequest, FetchedAlert } from './fetch_alerts';
