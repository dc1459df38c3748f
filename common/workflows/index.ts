export * from './constants';
export * from './alerts_index';
export * from './field_access';
export type { CommonStepDefinition } from './step_definition';
export { coercedNumber, finiteNumber } from './schema_helpers';
export * from './render_alert_narrative';
export * from './build_alert_entity_graph';
export * from './validate_alert_verdict';
