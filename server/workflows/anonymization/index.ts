export { collectSensitiveValues, policyProtectsAnything, type SensitiveValues } from './collect_values';
export { alertsFromAttachments, alertsFromEvent, candidateAlertIds, MAX_ALERT_ID_LOOKUPS, SECURITY_ALERT_ATTACHMENT } from './alert_sources';
export { createRequestScrubber, valueForms, type RequestScrubber, type RequestScrubberOptions } from './request_scrubber';
export {
  createSecurityAiRequestGuardFactory,
  lookupAlerts,
  type AlertsSearchClient,
  type SecurityAiRequestGuardDeps,
} from './security_ai_request_guard';
export { registerWorkflowAnonymization } from './register';
