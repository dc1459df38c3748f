export { collectSensitiveValues, policyProtectsAnything, type SensitiveValues } from './collect_values';
export { alertsFromAttachments, alertsFromEvent, candidateAlertIds, MAX_ALERT_ID_LOOKUPS, SECURITY_ALERT_ATTACHMENT } from './alert_sources';
export { createRequestScrubber, valueForms, type RequestScrubber, type RequestScrubberOptions } from './request_scrubber';
export {
  createSecurityAiRequestGuardFactory,
  lookupAlerts,
  lookupProtectedValues,
  type AlertsSearchClient,
  type SecurityAiRequestGuardDeps,
} from './security_ai_request_guard';
export { buildValueLookup, candidateWords, isIpShaped, mappingTypeOf, MAX_VALUE_CANDIDATES, valuesFromLookup } from './value_lookup';
export { registerWorkflowAnonymization } from './register';
