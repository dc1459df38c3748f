export { validateAlertVerdictHandler, validateAlertVerdictStepDefinition } from './handler';
export { validateVerdict } from './validate_verdict';
