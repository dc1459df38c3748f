export { createAlertsClient } from './alerts_client';
export type { AlertsClient, AlertSelection } from './alerts_client';
export { applyStatusChange, applyTagsChange } from './alert_updates';
export type { StatusChange, TagsChange } from './alert_updates';
export { emptySummary, fetchTargets, updateBatch, MAX_CONFLICT_RETRIES } from './bulk_update';
export type { AlertTarget, AlertTransform, AlertSource } from './bulk_update';
