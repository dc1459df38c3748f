/**
 * The server step definitions of the alert-triage steps. Each is `{...commonDefinition, handler}` and registers
 * as-is through `workflowsExtensions.registerStepDefinition(async () => enabled ? definition : undefined)`.
 */
export { renderAlertNarrativeStepDefinition, renderAlertNarrativeHandler } from './render_alert_narrative';
export { buildAlertEntityGraphStepDefinition, buildAlertEntityGraphHandler } from './build_alert_entity_graph';
export { validateAlertVerdictStepDefinition, validateAlertVerdictHandler } from './validate_alert_verdict';
export type { TriageStepContext, TriageEsClient, StepHandlerResult, StepLogger } from './step_context';
export { AlertNotFoundError, IndexOutsideSpaceError, TriageSearchError } from './errors';
