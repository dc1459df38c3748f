export { expandDottedKeys, getField, getString } from './alert_source';
export { buildAlertRule, buildAlertRunEvent, isPreparedAlertEvent, type AlertEventRule, type AlertRunEvent, type FetchedAlert } from './alert_event';
export { toAlertSummary } from './alert_summary';
export { alertsAlias, createWorkflowAlertsClient, isAlertsIndexOfSpace, type WorkflowAlertsClient } from './alerts_client';
