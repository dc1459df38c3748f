export { ensureAlertsIndex, countAlerts } from './ensure_alerts_index';
export type { EnsureIndexResult } from './ensure_alerts_index';
export { ALERTS_MAPPINGS, ALERTS_INDEX_SETTINGS, MAPPED_ALERT_FIELDS } from './mapping';
